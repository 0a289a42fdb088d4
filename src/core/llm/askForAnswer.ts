import { throwIfAborted } from '../util/abort';
import type { ChatMessage, ChatRequest, ChatResult, LlmClient } from './types';

/** The counters every pass keeps per sample for its calls (Pass 1's and Pass 2's monitors both have them). */
export interface CallCounters {
  llm_calls: number;
  attempts: number;
  prompt_tokens: number;
  completion_tokens: number;
  latency_ms: number;
  response_format?: string;
  errors: string[];
}

/** How much of an unusable answer is quoted back to the model when asking again. */
const REPAIR_QUOTE_CHARS = 1_500;

export type AnswerOutcome<T> =
  | { kind: 'answer'; value: T; model: string }
  /** The request failed for good (the client already retried); `error` is what it threw. */
  | { kind: 'request_failed'; error: unknown }
  /** Every attempt answered, none usably; `problem` says what was wrong with the last one. */
  | { kind: 'unusable'; problem: string; attempts: number };

/**
 * Ask for a structured answer and interpret it; an answer that cannot be used is asked again, quoting it
 * and the problem back, up to `maxAttempts` times. Counts every request in `counters`. Errors that end the
 * whole run (`stopsRun`: cancellation, authentication) are re-thrown; other request failures are returned.
 */
export async function askForAnswer<T>(
  llm: LlmClient,
  request: Omit<ChatRequest, 'messages'> & { messages: ChatMessage[] },
  opts: {
    maxAttempts: number;
    counters: CallCounters;
    /** Prefix of the lines added to `counters.errors` (e.g. `call 1: `). */
    label?: string;
    interpret: (text: string) => { ok: true; value: T } | { ok: false; error: string };
    stopsRun: (err: unknown) => boolean;
  },
): Promise<AnswerOutcome<T>> {
  const attempts = Math.max(1, Math.floor(opts.maxAttempts));
  const label = opts.label ?? '';
  let messages = request.messages;
  let problem = '';
  for (let attempt = 1; attempt <= attempts; attempt++) {
    throwIfAborted(request.signal);
    let result: ChatResult;
    try {
      result = await llm.complete({ ...request, messages });
    } catch (err) {
      if (opts.stopsRun(err)) throw err;
      throwIfAborted(request.signal);
      countFailedRequest(opts.counters, err);
      return { kind: 'request_failed', error: err };
    }
    countResult(opts.counters, result);
    const interpreted = opts.interpret(result.text);
    if (interpreted.ok) return { kind: 'answer', value: interpreted.value, model: result.model };
    problem = interpreted.error;
    opts.counters.errors.push(`${label}unusable answer (attempt ${attempt}/${attempts}): ${problem}`);
    messages = [
      ...request.messages,
      { role: 'assistant', content: result.text.slice(0, REPAIR_QUOTE_CHARS) },
      { role: 'user', content: `That answer could not be used. ${problem} Reply again with only the JSON object described in the instructions.` },
    ];
  }
  return { kind: 'unusable', problem, attempts };
}

function countResult(m: CallCounters, result: ChatResult): void {
  m.llm_calls++;
  m.attempts += result.attempts;
  m.prompt_tokens += result.promptTokens;
  m.completion_tokens += result.completionTokens;
  m.latency_ms += result.latencyMs;
  m.response_format = result.responseFormat;
}

function countFailedRequest(m: CallCounters, err: unknown): void {
  const details = (err as { details?: { attempts?: number; latencyMs?: number } }).details ?? {};
  m.llm_calls++;
  m.attempts += details.attempts ?? 1;
  m.latency_ms += details.latencyMs ?? 0;
}
