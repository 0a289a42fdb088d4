import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { RateMeter, type RunProgress } from './progress';

/**
 * Pieces every run over a file shares (Pass 1 labeling, Pass 2 scoring): an id, a cancellation signal linked
 * to the caller's, bounded concurrency, progress with a rate, and the "too many failures" brake.
 */

export function newRunId(): string {
  return `run-${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}`;
}

/** The run's own abort controller: aborted by the run itself (fatal error, failure brake) or by the caller. */
export class RunAbort {
  private readonly controller = new AbortController();
  private readonly onOuterAbort = () => this.controller.abort();

  constructor(private readonly outer?: AbortSignal) {
    // Every sample in flight listens to the run's signal: hundreds of listeners are expected here.
    setMaxListeners(0, this.controller.signal);
    outer?.addEventListener('abort', this.onOuterAbort, { once: true });
    if (outer?.aborted) this.controller.abort();
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  abort(): void {
    this.controller.abort();
  }

  dispose(): void {
    this.outer?.removeEventListener('abort', this.onOuterAbort);
  }
}

/** At most `limit` tasks at once; `add` waits while the pool is full, so a stream is consumed at the pool's pace. */
export class TaskPool {
  private readonly inflight = new Set<Promise<void>>();
  private readonly limit: number;

  constructor(limit: number) {
    this.limit = Math.max(1, Math.floor(limit));
  }

  async add(task: () => Promise<void>): Promise<void> {
    const p = task().finally(() => this.inflight.delete(p));
    this.inflight.add(p);
    if (this.inflight.size >= this.limit) await Promise.race(this.inflight);
  }

  /** Wait for every task; rejects with the first failure. */
  async drain(): Promise<void> {
    await Promise.all(this.inflight);
  }

  /** Wait for every task, ignoring failures (used while tearing a run down). */
  async settle(): Promise<void> {
    await Promise.allSettled(this.inflight);
  }
}

/** A run's progress record plus its rate meter; `emit` sends a copy with fresh rate and ETA. */
export class ProgressTracker {
  readonly progress: RunProgress;
  private readonly meter = new RateMeter();

  constructor(
    file: string,
    private readonly onProgress?: (p: RunProgress) => void,
    pass?: RunProgress['pass'],
  ) {
    this.progress = {
      file,
      phase: 'indexing',
      total: 0,
      skipped: 0,
      done: 0,
      failed: 0,
      partial: 0,
      pending: 0,
      samplesPerSecond: 0,
      elapsedSeconds: 0,
    };
    if (pass) this.progress.pass = pass;
  }

  /** One sample finished (whatever the outcome). */
  tick(): void {
    this.progress.done++;
    this.meter.tick();
  }

  emit(): void {
    const p = this.progress;
    p.samplesPerSecond = this.meter.perSecond();
    p.elapsedSeconds = this.meter.elapsedSeconds();
    const left = p.pending - p.done;
    p.etaSeconds = p.samplesPerSecond > 0 ? left / p.samplesPerSecond : undefined;
    this.onProgress?.({ ...p });
  }

  snapshot(): RunProgress {
    return { ...this.progress };
  }
}

/** Stop (resumably) when at least `minSamples` finished and this share of them failed. */
export interface FailureAbort {
  minSamples: number;
  ratio: number;
}

export const DEFAULT_FAILURE_ABORT: FailureAbort = { minSamples: 20, ratio: 0.95 };

/** The reason to stop when failures pass the brake, else undefined. */
export function failureBrake(p: RunProgress, brake: FailureAbort): string | undefined {
  if (p.done >= brake.minSamples && p.failed / p.done >= brake.ratio) {
    return `${p.failed} of ${p.done} samples failed; stopping so the endpoint can be checked (the run resumes where it stopped).`;
  }
  return undefined;
}
