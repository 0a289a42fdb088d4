import * as path from 'node:path';
import type { RunProgress } from '../core/run/progress';

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

/** `data.jsonl  1234/5000  24.7%  41.2 samples/s  ETA 1m31s  failed 3  (skipped 120 already labeled)` */
export function formatProgress(p: RunProgress): string {
  const pct = p.pending ? ((p.done / p.pending) * 100).toFixed(1) : '100.0';
  const parts = [
    path.basename(p.file),
    `${p.done}/${p.pending}`,
    `${pct}%`,
    `${p.samplesPerSecond.toFixed(1)} samples/s`,
    `ETA ${p.etaSeconds !== undefined ? formatDuration(p.etaSeconds) : '?'}`,
    `failed ${p.failed}`,
  ];
  if (p.skipped) parts.push(`(skipped ${p.skipped} already ${p.pass === 'score' ? 'scored' : 'labeled'})`);
  return parts.join('  ');
}

/**
 * A live progress line: redrawn in place on a terminal, printed every few seconds otherwise
 * (CI logs and pipes should not fill with carriage returns).
 */
export class ProgressPrinter {
  private last = 0;
  private drawn = false;
  constructor(
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly intervalMs = stream.isTTY ? 100 : 5000,
  ) {}

  update(p: RunProgress, force = false): void {
    const now = Date.now();
    if (!force && now - this.last < this.intervalMs) return;
    this.last = now;
    const line = formatProgress(p);
    if (this.stream.isTTY) {
      this.stream.write(`\r\x1b[2K${line}`);
      this.drawn = true;
    } else {
      this.stream.write(line + '\n');
    }
  }

  /** End the in-place line before other output. */
  break(): void {
    if (this.drawn) this.stream.write('\n');
    this.drawn = false;
  }
}
