// Throttled reloading of changed files while a run writes labels: at most one reload at a time, the first
// a short delay after a change, the next no sooner than `minIntervalMs` after the previous one ended.
// A run appending a label every few milliseconds thus costs one reload per interval, not one per label.

export interface LiveReloadOptions {
  /** Wait after the first change before reloading (lets a burst of appends land). */
  delayMs: number;
  /** Minimum time between the end of one reload and the start of the next. */
  minIntervalMs: number;
  /** Reloads these file indices; resolves when done. */
  reload(files: number[]): Promise<void>;
  onError(err: unknown): void;
}

export class LiveReload {
  private readonly pending = new Set<number>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running = false;
  private lastEnd = 0;
  private disposed = false;

  constructor(private readonly opts: LiveReloadOptions) {}

  /** A file of the scope changed. */
  changed(file: number): void {
    if (this.disposed) return;
    this.pending.add(file);
    this.schedule();
  }

  private schedule(): void {
    if (this.running || this.timer || this.pending.size === 0) return;
    const sinceLast = Date.now() - this.lastEnd;
    const wait = Math.max(this.opts.delayMs, this.opts.minIntervalMs - sinceLast);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.run();
    }, wait);
  }

  private async run(): Promise<void> {
    if (this.disposed) return;
    const files = [...this.pending];
    this.pending.clear();
    this.running = true;
    try {
      await this.opts.reload(files);
    } catch (err) {
      this.opts.onError(err);
    } finally {
      this.running = false;
      this.lastEnd = Date.now();
      this.schedule();
    }
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    this.pending.clear();
  }
}
