/**
 * The LLM runtime: one OpenAI-compatible endpoint and model, with our own retry loop, adaptive concurrency
 * and the structured-output ladder. The openai client only does single HTTP attempts (`maxRetries: 0`):
 * its built-in retry sleeps through AbortSignal and obeys any Retry-After without a cap.
 */
import OpenAI from 'openai';
import { adaptToRejection, quirksFor, rememberQuirks, type ModelQuirks } from './modelQuirks';
import { AbortedError, isAbortError, sleep, throwIfAborted } from '../util/abort';
import {
  DEFAULT_BACKOFF_BASE_MS,
  DEFAULT_BACKOFF_CAP_MS,
  DEFAULT_RETRY_AFTER_CAP_MS,
  retryDelayMs,
  type BackoffPolicy,
} from './backoff';
import { classifyFailure, formatSeconds, type AttemptFailure } from './classify';
import { readCompletion, type CompletionContent } from './completionBody';
import { errorNormalizingFetch, redactSecrets } from './errorBody';
import { AdaptiveLimiter, type LimiterTicket } from './limiter';
import type { RuntimeEvent, RuntimeStats } from './runtimeEvents';
import { buildStructuredRequest, nextRung, rememberRung, rememberedRung } from './structured';
import { LlmError, type ChatRequest, type ChatResult, type LlmClient, type ResponseFormatRung } from './types';

export interface LlmClientConfig {
  /** OpenAI-compatible base URL, usually ending in `/v1`. Never taken from the environment. */
  baseUrl: string;
  /** Omitted or empty: a placeholder is sent, since Ollama and vLLM want some bearer token. */
  apiKey?: string;
  model: string;
  /** Maximum concurrent requests; lowered automatically on 429/503 and restored after successes. */
  concurrency: number;
  /** Per-attempt limit, including reading the body. */
  timeoutMs: number;
  /** HTTP attempts per call for transient failures (1 = no retry). Ladder downgrades do not count. */
  maxAttempts: number;
  /** Longest Retry-After we honour (default 60 s). */
  retryAfterCapMs?: number;
  /** Base and cap of the exponential backoff (defaults 500 ms and 20 s). */
  backoffBaseMs?: number;
  backoffCapMs?: number;
  userAgent?: string;
  onEvent?: (event: RuntimeEvent) => void;
}

/** An LlmClient that also reports its counters and lets the caller change concurrency at runtime. */
export interface RuntimeLlmClient extends LlmClient {
  stats(): RuntimeStats;
  setMaxConcurrency(concurrency: number): void;
}

/** Sent when no key is configured: local servers ignore it but reject a missing Authorization header. */
export const PLACEHOLDER_API_KEY = 'sk-no-key';

type AttemptOutcome =
  | { ok: true; content: CompletionContent; latencyMs: number }
  | { ok: false; failure: AttemptFailure; latencyMs: number };

/** Creates the runtime for one endpoint and model. Throws LlmError('bad_request') for an unusable base URL. */
export function createLlmClient(config: LlmClientConfig): RuntimeLlmClient {
  const baseUrl = config.baseUrl.trim().replace(/\/+$/, '');
  const endpoint = endpointOrigin(baseUrl);
  const apiKey = config.apiKey?.trim() || PLACEHOLDER_API_KEY;
  const { model, timeoutMs } = config;
  const maxAttempts = Math.max(1, Math.floor(config.maxAttempts));
  const backoff: BackoffPolicy = {
    baseMs: config.backoffBaseMs ?? DEFAULT_BACKOFF_BASE_MS,
    capMs: config.backoffCapMs ?? DEFAULT_BACKOFF_CAP_MS,
    retryAfterCapMs: config.retryAfterCapMs ?? DEFAULT_RETRY_AFTER_CAP_MS,
  };

  const openai = new OpenAI({
    // Every option that would otherwise fall back to an OPENAI_* environment variable is set explicitly.
    baseURL: baseUrl,
    apiKey,
    adminAPIKey: null,
    organization: null,
    project: null,
    webhookSecret: null,
    maxRetries: 0,
    timeout: timeoutMs,
    logLevel: 'off',
    fetch: errorNormalizingFetch(),
  });
  const headers = pinnedHeaders(apiKey, config.userAgent);

  const emit = (event: RuntimeEvent) => {
    try {
      config.onEvent?.(event);
    } catch {
      // A faulty log sink must not break requests.
    }
  };
  const limiter = new AdaptiveLimiter(config.concurrency, (change) => {
    if (change.direction === 'restored') {
      emit({ type: 'concurrency_restored', concurrency: change.concurrency, message: `Concurrency back up to ${change.concurrency} for ${endpoint}` });
    }
  });

  const counters = {
    calls: 0, requests: 0, successes: 0, failures: 0, aborted: 0, retries: 0, rateLimited: 0, timeouts: 0,
    downgrades: 0, promptTokens: 0, completionTokens: 0, errorsByStatus: {} as Record<string, number>,
  };

  async function attempt(
    req: ChatRequest,
    rung: ResponseFormatRung,
    quirks: ModelQuirks,
    ticket: LimiterTicket,
  ): Promise<AttemptOutcome> {
    const parts = buildStructuredRequest(req, rung);
    // Our own timer, because the client's `timeout` stops counting once headers arrive.
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const forwardAbort = () => controller.abort();
    req.signal?.addEventListener('abort', forwardAbort, { once: true });
    counters.requests++;
    const started = performance.now();
    let outcome: AttemptOutcome;
    try {
      const body: unknown = await openai.chat.completions.create(
        {
          model,
          messages: parts.messages,
          ...(quirks.omitTemperature ? {} : { temperature: req.temperature }),
          ...(quirks.maxCompletionTokens ? { max_completion_tokens: req.maxTokens } : { max_tokens: req.maxTokens }),
          ...(parts.response_format ? { response_format: parts.response_format } : {}),
        },
        { signal: controller.signal, timeout: timeoutMs, headers },
      );
      const read = readCompletion(body, endpoint);
      outcome = read.ok
        ? { ok: true, content: read.content, latencyMs: performance.now() - started }
        : { ok: false, failure: read.failure, latencyMs: performance.now() - started };
    } catch (err) {
      if (req.signal?.aborted) throw new AbortedError();
      const failure = classifyFailure(err, { endpoint, model, apiKey, timeoutMs, timedOut });
      outcome = { ok: false, failure, latencyMs: performance.now() - started };
    } finally {
      clearTimeout(timer);
      req.signal?.removeEventListener('abort', forwardAbort);
    }
    if (outcome.ok) limiter.recordSuccess();
    else noteFailure(outcome.failure, ticket);
    return outcome;
  }

  function noteFailure(failure: AttemptFailure, ticket: LimiterTicket): void {
    counters.errorsByStatus[failure.statsKey] = (counters.errorsByStatus[failure.statsKey] ?? 0) + 1;
    if (failure.httpStatus === 429) counters.rateLimited++;
    if (failure.statsKey === 'timeout') counters.timeouts++;
    if (!failure.overload) return;
    const pauseMs = failure.retryAfterMs === undefined ? undefined : Math.min(failure.retryAfterMs, backoff.retryAfterCapMs);
    if (limiter.recordOverload(ticket, pauseMs)) {
      const pause = pauseMs ? `, pausing new requests for ${formatSeconds(pauseMs)}` : '';
      emit({
        type: 'rate_limited',
        concurrency: limiter.current,
        retryAfterMs: pauseMs,
        message: `Rate limited by ${endpoint} (HTTP ${failure.httpStatus}); concurrency now ${limiter.current}${pause}`,
      });
    }
  }

  async function complete(req: ChatRequest): Promise<ChatResult> {
    counters.calls++;
    let rung = rememberedRung(baseUrl, model);
    let attempts = 0;
    let failedAttempts = 0;
    let latencyMs = 0;
    try {
      for (;;) {
        throwIfAborted(req.signal);
        attempts++;
        const quirks = quirksFor(baseUrl, model);
        const outcome = await limiter.run((ticket) => attempt(req, rung, quirks, ticket), req.signal);
        latencyMs += outcome.latencyMs;
        if (outcome.ok) {
          counters.successes++;
          counters.promptTokens += outcome.content.promptTokens;
          counters.completionTokens += outcome.content.completionTokens;
          rememberRung(baseUrl, model, rung);
          return { ...outcome.content, latencyMs: Math.round(latencyMs), attempts, responseFormat: rung, model };
        }
        const { failure } = outcome;
        const adapted = failure.httpStatus === 400 ? adaptToRejection(failure.message, quirks) : undefined;
        if (adapted) {
          // The model refuses a parameter (reasoning models: max_tokens, temperature): resend without it.
          rememberQuirks(baseUrl, model, adapted);
          emit({ type: 'adapt', message: `${model} at ${endpoint} refuses a request parameter; adapting: ${failure.message}` });
          continue;
        }
        const lower = failure.downgrade ? nextRung(rung) : undefined;
        if (lower) {
          counters.downgrades++;
          emit({
            type: 'downgrade', from: rung, to: lower,
            message: `${endpoint} does not accept response_format ${rung} for ${model}; using ${lower} from now on`,
          });
          rememberRung(baseUrl, model, lower);
          rung = lower;
          continue;
        }
        failedAttempts++;
        const details = { httpStatus: failure.httpStatus, attempts, latencyMs: Math.round(latencyMs) };
        if (!failure.retryable || failedAttempts >= maxAttempts) {
          const suffix = attempts > 1 ? ` (gave up after ${attempts} attempts)` : '';
          throw new LlmError(failure.kind, `${failure.message}${suffix}`, details);
        }
        const delay = retryDelayMs(failedAttempts, backoff, failure.retryAfterMs);
        const capped = failure.retryAfterMs !== undefined && failure.retryAfterMs > backoff.retryAfterCapMs
          ? `; server asked for ${formatSeconds(failure.retryAfterMs)}, capped`
          : '';
        counters.retries++;
        emit({
          type: 'retry', attempt: attempts + 1, delayMs: delay, reason: failure.message,
          message: `Retrying in ${formatSeconds(delay)} (attempt ${failedAttempts + 1} of ${maxAttempts}${capped}): ${failure.message}`,
        });
        await sleep(delay, req.signal);
      }
    } catch (err) {
      if (err instanceof LlmError) {
        counters.failures++;
        throw err;
      }
      if (isAbortError(err) || req.signal?.aborted) {
        counters.aborted++;
        throw new LlmError('aborted', 'Cancelled', { attempts, latencyMs: Math.round(latencyMs) });
      }
      counters.failures++;
      // An unexpected bug: keep the message, never the key.
      const message = redactSecrets(err instanceof Error ? err.message : String(err), apiKey);
      throw new LlmError('network', `Request to ${endpoint} failed: ${message}`, { attempts });
    }
  }

  return {
    model,
    endpoint,
    complete,
    setMaxConcurrency: (concurrency: number) => limiter.setMax(concurrency),
    stats: (): RuntimeStats => ({
      ...counters,
      errorsByStatus: { ...counters.errorsByStatus },
      responseFormat: rememberedRung(baseUrl, model),
      concurrency: limiter.snapshot(),
    }),
  };
}

/**
 * Per-request headers, which take precedence over everything the client adds. The client merges
 * OPENAI_CUSTOM_HEADERS from the environment into every request (an `Authorization` line there would replace
 * our key, sending an OpenAI credential to whatever endpoint is configured); null removes those headers.
 */
function pinnedHeaders(apiKey: string, userAgent: string | undefined): Record<string, string | null> {
  const headers: Record<string, string | null> = {};
  for (const line of (process.env.OPENAI_CUSTOM_HEADERS ?? '').split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim()] = null;
  }
  headers.Authorization = `Bearer ${apiKey}`;
  if (userAgent) headers['User-Agent'] = userAgent;
  return headers;
}

function endpointOrigin(baseUrl: string): string {
  if (!baseUrl) throw new LlmError('bad_request', 'The LLM endpoint is not configured: set a base URL (e.g. http://localhost:11434/v1).');
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new LlmError('bad_request', `The LLM base URL "${baseUrl}" is not a valid URL (expected e.g. http://localhost:11434/v1).`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new LlmError('bad_request', `The LLM base URL must start with http:// or https:// (got "${url.protocol}").`);
  }
  return url.origin;
}
