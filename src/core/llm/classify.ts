/**
 * Turns one failed HTTP attempt into a decision: retry or not, which LlmError kind if we stop, whether it
 * signals overload (cut concurrency) or a rejected response_format (step down the ladder), and a message a
 * person can act on.
 */
import { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import { parseRetryAfterMs } from './backoff';
import { isResponseFormatRejection } from './structured';
import { tidyServerMessage } from './errorBody';
import type { LlmErrorKind } from './types';

export interface AttemptFailure {
  /** The error kind to report if no further attempt is made. */
  kind: LlmErrorKind;
  retryable: boolean;
  httpStatus?: number;
  /** Key for per-cause counters: the HTTP status, or 'timeout' | 'network' | 'malformed'. */
  statsKey: string;
  /** Delay the server asked for (Retry-After), before any cap. */
  retryAfterMs?: number;
  /** 429/503/529: the server is overloaded; lower concurrency. */
  overload: boolean;
  /** The server rejected the response_format: step down the ladder instead of failing. */
  downgrade: boolean;
  message: string;
}

export interface FailureContext {
  endpoint: string;
  model: string;
  apiKey?: string;
  timeoutMs: number;
  /** Our per-attempt timer fired (covers the whole body read, unlike the client's own timeout). */
  timedOut: boolean;
}

const CONTEXT_LENGTH =
  /context[_ ]?length|context[_ ]?window|maximum context|too many tokens|prompt is too long|input is too long|reduce the length/i;
const CONTENT_FILTER =
  /content[_ ]?filter|content[_ ]?policy|content[_ ]?management|responsibleai|moderation|safety (?:system|policy)|flagged|filtered due to/i;
const AUTH_WORDING =
  /api[ _-]?key|auth|token|credential|billing|quota|credit|payment|subscription|unauthori[sz]ed|permission|access denied/i;

/** Classifies an error thrown by one `chat.completions.create` call. */
export function classifyFailure(err: unknown, ctx: FailureContext): AttemptFailure {
  if (ctx.timedOut || err instanceof APIConnectionTimeoutError) {
    return transient('timeout', 'timeout', `No answer from ${ctx.endpoint} within ${formatSeconds(ctx.timeoutMs)}`);
  }
  if (err instanceof APIError && typeof err.status === 'number') return classifyHttp(err, ctx);
  if (err instanceof APIConnectionError) {
    const cause = (err as { cause?: unknown }).cause;
    return transient('network', 'network', `Could not reach ${ctx.endpoint}: ${causeText(cause) || err.message}`);
  }
  if (err instanceof SyntaxError) {
    return transient('malformed', 'malformed', `${ctx.endpoint} answered 200 with a body that is not valid JSON`);
  }
  const text = err instanceof Error ? err.message : String(err);
  return transient('network', 'network', `Connection to ${ctx.endpoint} failed mid-response: ${tidyServerMessage(text, ctx.apiKey)}`);
}

function classifyHttp(err: APIError, ctx: FailureContext): AttemptFailure {
  const status = err.status as number;
  const server = serverMessage(err, ctx.apiKey);
  const base = `HTTP ${status} from ${ctx.endpoint}: ${server || 'no details given'}`;
  const fail = (kind: LlmErrorKind, message: string, extra: Partial<AttemptFailure> = {}): AttemptFailure =>
    applyShouldRetry(err, {
      kind, retryable: false, httpStatus: status, statsKey: String(status), overload: false, downgrade: false, message, ...extra,
    });

  if (status === 401) return fail('auth', `${base}. Check the API key.`);
  if (status === 402) return fail('auth', `${base}. Check the account's billing or credits.`);
  if (status === 403) {
    return AUTH_WORDING.test(server) ? fail('auth', `${base}. Check the API key and its permissions.`) : fail('bad_request', base);
  }
  if (status === 404) {
    return /model/i.test(server)
      ? fail('bad_request', `Model "${ctx.model}" was not found at ${ctx.endpoint} (HTTP 404: ${server}). Check the model name.`)
      : fail('bad_request', `${base}. Check the base URL (OpenAI-compatible servers usually end in /v1).`);
  }
  if (status === 429) {
    return fail('rate_limited', base, { retryable: true, overload: true, retryAfterMs: parseRetryAfterMs(err.headers) });
  }
  if (status === 408) return fail('timeout', base, { retryable: true });
  if (status >= 500 || status === 409) {
    const overload = status === 503 || status === 529;
    return fail('server', base, { retryable: true, overload, retryAfterMs: parseRetryAfterMs(err.headers) });
  }
  if (CONTEXT_LENGTH.test(server) || status === 413) return fail('context_length', `The prompt is too long for ${ctx.model}: ${base}`);
  if (CONTENT_FILTER.test(server)) return fail('content_filter', `The provider's content filter refused the prompt: ${base}`);
  if (isResponseFormatRejection(server)) return fail('bad_request', base, { downgrade: true });
  return fail('bad_request', base);
}

/** `x-should-retry` (sent by OpenAI and some gateways) overrides the status, except for credential errors. */
function applyShouldRetry(err: APIError, failure: AttemptFailure): AttemptFailure {
  const header = err.headers?.get('x-should-retry');
  if (header === 'false') return { ...failure, retryable: false };
  if (header === 'true' && failure.kind !== 'auth' && !failure.downgrade) return { ...failure, retryable: true };
  return failure;
}

function serverMessage(err: APIError, apiKey?: string): string {
  const body = err.error as { message?: unknown } | undefined;
  const raw = typeof body?.message === 'string' ? body.message : err.message.replace(/^\d{3}\s+/, '');
  return tidyServerMessage(raw === 'status code (no body)' ? '' : raw, apiKey);
}

function transient(kind: LlmErrorKind, statsKey: string, message: string): AttemptFailure {
  return { kind, retryable: true, statsKey, overload: false, downgrade: false, message };
}

function causeText(cause: unknown): string {
  if (!(cause instanceof Error)) return '';
  const code = (cause as { code?: unknown }).code;
  const inner = (cause as { cause?: unknown }).cause;
  const innerText = inner instanceof Error ? inner.message : '';
  return [typeof code === 'string' ? code : '', innerText || cause.message].filter(Boolean).join(' ');
}

/** "250 ms", "1.5 s", "60 s": durations for messages. */
export function formatSeconds(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  return `${s >= 10 ? Math.round(s) : Number(s.toFixed(1))} s`;
}
