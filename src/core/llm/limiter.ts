/**
 * Adaptive concurrency on top of p-limit: halve on overload, climb back one slot at a time after successes.
 * It is the runtime's only back-pressure mechanism, so a 429 storm slows the whole run, not just one request.
 */
import pLimit, { type LimitFunction } from 'p-limit';
import { AbortedError, sleep, throwIfAborted } from '../util/abort';
import type { ConcurrencySnapshot } from './runtimeEvents';

/** Handed to each task; lets an overload report tell whether concurrency was already cut since it started. */
export interface LimiterTicket {
  readonly epoch: number;
}

export interface ConcurrencyChange {
  direction: 'reduced' | 'restored';
  concurrency: number;
}

export class AdaptiveLimiter {
  private readonly limit: LimitFunction;
  private ceiling: number;
  /** Incremented on every cut, so one burst of 429s from requests already in flight cuts only once. */
  private epoch = 0;
  private successStreak = 0;
  private pausedUntil = 0;

  /**
   * @param maxConcurrency starting and maximum concurrency (integer ≥ 1).
   * @param onChange called whenever the current concurrency moves.
   */
  constructor(maxConcurrency: number, private readonly onChange?: (change: ConcurrencyChange) => void) {
    this.ceiling = validConcurrency(maxConcurrency);
    this.limit = pLimit(this.ceiling);
  }

  get current(): number {
    return this.limit.concurrency;
  }

  get max(): number {
    return this.ceiling;
  }

  snapshot(): ConcurrencySnapshot {
    return { current: this.current, max: this.ceiling, inFlight: this.limit.activeCount, pending: this.limit.pendingCount };
  }

  /** Changes the ceiling at runtime (settings change); the current concurrency jumps to it. */
  setMax(maxConcurrency: number): void {
    this.ceiling = validConcurrency(maxConcurrency);
    this.successStreak = 0;
    this.limit.concurrency = this.ceiling;
  }

  /**
   * Runs `task` when a slot is free and no Retry-After pause is active.
   * Rejects with AbortedError as soon as `signal` aborts, even while still queued.
   */
  async run<T>(task: (ticket: LimiterTicket) => Promise<T>, signal?: AbortSignal): Promise<T> {
    throwIfAborted(signal);
    await this.waitOutPause(signal);
    const queued = this.limit(async () => {
      throwIfAborted(signal);
      // A pause may have started while this task sat in the queue.
      await this.waitOutPause(signal);
      return task({ epoch: this.epoch });
    });
    return raceAbort(queued, signal);
  }

  /** A request finished well: after `current` successes in a row, allow one more concurrent request. */
  recordSuccess(): void {
    this.successStreak++;
    if (this.current < this.ceiling && this.successStreak >= this.current) {
      this.successStreak = 0;
      this.limit.concurrency = this.current + 1;
      this.onChange?.({ direction: 'restored', concurrency: this.current });
    }
  }

  /**
   * The server said it is overloaded (429/503). Pauses new starts for `retryAfterMs` and halves concurrency,
   * unless it was already cut after this task started. Returns true when concurrency was cut.
   */
  recordOverload(ticket: LimiterTicket, retryAfterMs?: number): boolean {
    this.successStreak = 0;
    if (retryAfterMs !== undefined && retryAfterMs > 0) {
      this.pausedUntil = Math.max(this.pausedUntil, Date.now() + retryAfterMs);
    }
    if (ticket.epoch !== this.epoch) return false;
    this.epoch++;
    const halved = Math.max(1, Math.floor(this.current / 2));
    if (halved === this.current) return false;
    this.limit.concurrency = halved;
    this.onChange?.({ direction: 'reduced', concurrency: halved });
    return true;
  }

  private async waitOutPause(signal?: AbortSignal): Promise<void> {
    // Loop: the pause can be extended by another 429 while we sleep.
    for (let wait = this.pausedUntil - Date.now(); wait > 0; wait = this.pausedUntil - Date.now()) {
      await sleep(wait, signal);
    }
  }
}

function validConcurrency(n: number): number {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`Concurrency must be a whole number ≥ 1 (got ${n}).`);
  return n;
}

/** Settles with `promise`, or rejects with AbortedError the moment `signal` aborts. */
function raceAbort<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  // The queued task still runs later (and exits at once on the aborted signal); keep its rejection handled.
  promise.catch(() => undefined);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new AbortedError());
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (err: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(err);
      },
    );
  });
}
