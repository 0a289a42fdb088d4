/** Options, fault rules and stats of the loopback OpenAI-compatible test server. */

/**
 * - `rate_limit`: 429 with `Retry-After: retryAfterSec` (default 1).
 * - `server_error`: 500. `unavailable`: 503 (with Retry-After when `retryAfterSec` is set).
 * - `hang`: never answers; the connection stays open until the client gives up or the server closes.
 * - `malformed`: 200 with a truncated JSON body. `no_choices`: 200 with `choices: []`.
 * - `drop`: headers and half the body, then the socket is destroyed.
 * - `stall`: headers and half the body, then nothing (a body that never finishes).
 * - `garbage`: 200 with a well-formed completion whose content is prose instead of JSON.
 */
export type FaultKind =
  | 'rate_limit'
  | 'server_error'
  | 'unavailable'
  | 'hang'
  | 'malformed'
  | 'no_choices'
  | 'drop'
  | 'stall'
  | 'garbage';

/**
 * When a fault fires. Rules are checked in order against each chat request; a rule "matches" a request when
 * `matchText` (if set) occurs in the prompt. Among matching requests it fires when every given condition
 * holds: `every` (the k-th, 2k-th… matching request), `probability` (seeded PRNG), and `times` (at most n
 * firings, so `times` alone means "the first n matching requests"). No condition means always.
 */
export interface FaultRule {
  fault: FaultKind;
  times?: number;
  every?: number;
  probability?: number;
  matchText?: string;
  /** Seconds for the Retry-After header of rate_limit/unavailable (may be fractional). */
  retryAfterSec?: number;
  /** Extra response headers, e.g. `{ "x-should-retry": "false" }`. */
  headers?: Record<string, string>;
}

export interface TestServerOptions {
  /** Default 0: a free port. */
  port: number;
  /** Default 127.0.0.1. */
  host: string;
  /** Added before every answer (not to `hang`). */
  latencyMs: number;
  /** Extra uniformly random latency in [0, jitterMs). */
  jitterMs: number;
  faults: FaultRule[];
  /** When set, requests whose `Authorization` is not `Bearer <apiKey>` get 401. */
  apiKey?: string;
  /** false: a json_schema response_format gets the 400 vLLM/LiteLLM-style "not supported" answer. */
  supportsJsonSchema: boolean;
  /** false: a json_object response_format gets a 400 too. */
  supportsJsonObject: boolean;
  /** Prompts (all message contents) longer than this get a 400 context-length error. */
  maxPromptChars?: number;
  /**
   * Behave like OpenAI's reasoning models (o-series, gpt-5): `max_tokens` and any temperature other
   * than 1 are rejected with OpenAI's own 400 messages.
   */
  reasoningModel?: boolean;
  /** When set, other model names get 404 "model not found". */
  knownModels?: string[];
  /** `garbage`: every answer is prose instead of JSON. */
  mode: 'schema' | 'garbage';
  /** 'flat' answers errors the old vLLM way: `{ object: 'error', message }` instead of `{ error: { message } }`. */
  errorStyle: 'openai' | 'flat';
  /** Seed of the PRNG used by `probability` and jitter. */
  seed: number;
}

/** One chat request as seen by the server, for per-sample assertions. */
export interface RequestLogEntry {
  /** sampleKey of the `<conversation>` text, or '(none)'. */
  sampleKey: string;
  temperature: number | null;
  schemaName: string | null;
  responseFormat: 'json_schema' | 'json_object' | 'none';
  /** HTTP status sent, or null for hang/drop. */
  status: number | null;
  fault: FaultKind | null;
  at: number;
}

export interface TestServerStats {
  totalRequests: number;
  /** Chat requests by HTTP status sent ('200', '429'…); hangs and drops appear only under byFault. */
  byStatus: Record<string, number>;
  byFault: Record<string, number>;
  inFlight: number;
  maxInFlight: number;
  /** Chat requests grouped by sample key. */
  samples: Record<string, RequestLogEntry[]>;
  /** Every chat request in arrival order. */
  log: RequestLogEntry[];
}

export interface TestServerHandle {
  /** Base URL including `/v1`, e.g. `http://127.0.0.1:54321/v1`. */
  url: string;
  port: number;
  stats(): TestServerStats;
  /** Merges options; replacing `faults` restarts their counters. */
  setOptions(partial: Partial<TestServerOptions>): void;
  resetStats(): void;
  close(): Promise<void>;
}
