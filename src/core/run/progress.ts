/** Progress of a run as plain data: the CLI prints it, the editor shows it in a notification and the status bar. */
export interface RunProgress {
  file: string;
  phase: 'indexing' | 'labeling' | 'scoring' | 'done';
  /** Which pass the run is: Pass 1 labeling (the default when absent) or Pass 2 scoring. */
  pass?: 'label' | 'score';
  /** Samples in the file (after dedupe of identical content). */
  total: number;
  /** Already done before this run (labeled with the same content, taxonomy and prompts; or scored from the same labels). */
  skipped: number;
  /** Finished in this run, whatever the outcome. */
  done: number;
  failed: number;
  partial: number;
  /** Samples to label in this run. */
  pending: number;
  samplesPerSecond: number;
  /** Seconds left at the recent rate, when it can be told. */
  etaSeconds?: number;
  elapsedSeconds: number;
}

/**
 * Rate over a sliding window of completions, so the ETA follows the current speed (a run that was
 * throttled by 429s and recovered should not report its average).
 */
export class RateMeter {
  private readonly stamps: number[] = [];
  private readonly started = Date.now();

  constructor(private readonly windowMs = 30_000) {}

  tick(now = Date.now()): void {
    this.stamps.push(now);
    const cutoff = now - this.windowMs;
    while (this.stamps.length > 0 && this.stamps[0]! < cutoff) this.stamps.shift();
  }

  perSecond(now = Date.now()): number {
    if (this.stamps.length === 0) return 0;
    const span = Math.max(1, Math.min(this.windowMs, now - this.started)) / 1000;
    return this.stamps.length / span;
  }

  elapsedSeconds(now = Date.now()): number {
    return (now - this.started) / 1000;
  }
}
