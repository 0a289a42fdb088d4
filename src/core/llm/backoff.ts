/** How long to wait before the next attempt: server hints first, else exponential backoff with full jitter. */

export const DEFAULT_BACKOFF_BASE_MS = 500;
export const DEFAULT_BACKOFF_CAP_MS = 20_000;
export const DEFAULT_RETRY_AFTER_CAP_MS = 60_000;

/**
 * The delay a response asks for, from `retry-after-ms` (milliseconds) or `Retry-After` (seconds or an HTTP
 * date). Undefined when absent or unreadable.
 */
export function parseRetryAfterMs(headers: { get(name: string): string | null } | undefined): number | undefined {
  const ms = headers?.get('retry-after-ms');
  if (ms) {
    const value = Number.parseFloat(ms);
    if (Number.isFinite(value) && value >= 0) return value;
  }
  const after = headers?.get('retry-after');
  if (!after) return undefined;
  const seconds = Number.parseFloat(after);
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1000 : undefined;
  const date = Date.parse(after);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
  retryAfterCapMs: number;
}

/**
 * Delay before retry number `retryNumber` (1 = first retry). A server-requested delay is honoured up to
 * `retryAfterCapMs` (a 3600 s Retry-After must not freeze a run for an hour); otherwise a uniformly random
 * delay in [0, min(cap, base·2^(n-1))] so many clients retrying at once spread out.
 */
export function retryDelayMs(retryNumber: number, policy: BackoffPolicy, serverDelayMs?: number): number {
  if (serverDelayMs !== undefined) return Math.min(serverDelayMs, policy.retryAfterCapMs);
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, retryNumber - 1));
  return Math.random() * ceiling;
}
