// One run at a time; the rest wait in order. Free of the `vscode` module (unit-tested in plain Node).

/** Starts a run; it must stop soon after `signal` aborts and may resolve with partial results. */
export type RunStarter<T> = (signal: AbortSignal) => Promise<T>;

/** What `enqueue` answers. */
export interface Enqueued<T> {
  /** False when the same key was already running or waiting: nothing new was queued. */
  readonly accepted: boolean;
  /** The run's result, or undefined when it was cancelled before it started. */
  readonly result: Promise<T | undefined>;
}

interface Entry<T> {
  readonly key: string;
  readonly start: RunStarter<T>;
  readonly controller: AbortController;
  readonly result: Promise<T | undefined>;
  settle(value: T | undefined): void;
  fail(err: unknown): void;
}

/**
 * A serial queue of runs keyed by file: at most one run executes at a time, a file is never queued twice,
 * and cancelling reaches both the running run (through its AbortSignal) and the waiting ones.
 */
export class RunQueue<T> {
  private running: Entry<T> | undefined;
  private readonly waiting: Entry<T>[] = [];
  private readonly listeners = new Set<() => void>();

  /** Queues `start` under `key` unless that key is already running or waiting. */
  enqueue(key: string, start: RunStarter<T>): Enqueued<T> {
    const existing = this.find(key);
    if (existing) return { accepted: false, result: existing.result };
    let settle!: (value: T | undefined) => void;
    let fail!: (err: unknown) => void;
    const result = new Promise<T | undefined>((resolve, reject) => {
      settle = resolve;
      fail = reject;
    });
    this.waiting.push({ key, start, controller: new AbortController(), result, settle, fail });
    this.pump();
    this.changed();
    return { accepted: true, result };
  }

  /**
   * Cancels the run of `key` (running or waiting), or every run when `key` is omitted.
   * @returns how many runs were cancelled
   */
  cancel(key?: string): number {
    let cancelled = 0;
    for (let i = this.waiting.length - 1; i >= 0; i--) {
      const entry = this.waiting[i]!;
      if (key !== undefined && entry.key !== key) continue;
      this.waiting.splice(i, 1);
      entry.settle(undefined);
      cancelled++;
    }
    if (this.running && (key === undefined || this.running.key === key) && !this.running.controller.signal.aborted) {
      this.running.controller.abort();
      cancelled++;
    }
    if (cancelled > 0) this.changed();
    return cancelled;
  }

  /** The key of the run executing now. */
  get activeKey(): string | undefined {
    return this.running?.key;
  }

  /** Keys waiting to start, in order. */
  get waitingKeys(): string[] {
    return this.waiting.map((e) => e.key);
  }

  /** Whether `key` is running or waiting. */
  isBusy(key: string): boolean {
    return this.find(key) !== undefined;
  }

  /** Running plus waiting runs. */
  get size(): number {
    return this.waiting.length + (this.running ? 1 : 0);
  }

  /** Called whenever a run is queued, starts, ends or is cancelled. Returns an unsubscribe function. */
  onDidChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private find(key: string): Entry<T> | undefined {
    return this.running?.key === key ? this.running : this.waiting.find((e) => e.key === key);
  }

  private pump(): void {
    if (this.running) return;
    const next = this.waiting.shift();
    if (!next) return;
    this.running = next;
    let promise: Promise<T>;
    try {
      promise = next.start(next.controller.signal);
    } catch (err) {
      promise = Promise.reject(err);
    }
    promise.then(next.settle, next.fail).finally(() => {
      this.running = undefined;
      this.pump();
      this.changed();
    });
  }

  private changed(): void {
    for (const listener of this.listeners) {
      try {
        listener();
      } catch {
        // A broken listener must not stall the queue.
      }
    }
  }
}
