/**
 * What the LLM runtime reports while it works: events for logs (CLI, output channel) and a stats snapshot
 * for status bars, run summaries and tests.
 */
import type { ResponseFormatRung } from './types';

/** One notable thing the runtime did. `message` is a ready-to-log sentence. */
export type RuntimeEvent =
  | { type: 'rate_limited'; message: string; concurrency: number; retryAfterMs?: number }
  | { type: 'concurrency_restored'; message: string; concurrency: number }
  | { type: 'retry'; message: string; attempt: number; delayMs: number; reason: string }
  | { type: 'downgrade'; message: string; from: ResponseFormatRung; to: ResponseFormatRung }
  /** The model refused a request parameter (reasoning models: `max_tokens`, `temperature`) and we adapted. */
  | { type: 'adapt'; message: string };

export interface ConcurrencySnapshot {
  /** Concurrency the limiter allows right now (lowered after 429/503, climbing back after successes). */
  current: number;
  /** Configured ceiling. */
  max: number;
  inFlight: number;
  /** Requests waiting for a slot. */
  pending: number;
}

export interface RuntimeStats {
  /** `complete()` calls made. */
  calls: number;
  /** HTTP requests sent (every attempt, including ladder downgrades). */
  requests: number;
  /** `complete()` calls that returned an answer. */
  successes: number;
  /** `complete()` calls that ended in an LlmError (aborts excluded). */
  failures: number;
  aborted: number;
  /** Attempts repeated after a transient failure. */
  retries: number;
  /** 429 responses seen. */
  rateLimited: number;
  timeouts: number;
  /** Failed attempts by cause: HTTP status as a string ('429', '500') or 'timeout', 'network', 'malformed'. */
  errorsByStatus: Record<string, number>;
  /** Structured-output rung downgrades triggered by this client. */
  downgrades: number;
  promptTokens: number;
  completionTokens: number;
  /** The rung the next request to this endpoint and model will use. */
  responseFormat: ResponseFormatRung;
  concurrency: ConcurrencySnapshot;
}
