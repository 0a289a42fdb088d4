/**
 * Small numeric helpers of the dashboard aggregation: histograms, means, rounding. Pure (bundled into the browser).
 */
import type { Histogram, ScoreKey } from './model';

/** Rounds for display and stable comparisons in tests (4 decimals by default). */
export function round(n: number, dp = 4): number {
  const f = 10 ** dp;
  return Math.round(n * f) / f;
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return round(sum / values.length);
}

/** Where each score's histogram starts, its bin width and bin count: 1–10 scores in whole-point bins. */
export function histogramShape(key: ScoreKey): { lo: number; width: number; bins: number } {
  return key === 'confidence' ? { lo: 0, width: 0.1, bins: 10 } : { lo: 1, width: 1, bins: 9 };
}

/**
 * Histogram of `values` over `bins` bins from `lo`. Values below `lo` land in the first bin and values at
 * or above the top in the last, so every value is counted once (a score of exactly 10 belongs to 9–10).
 */
export function histogram(values: readonly number[], shape: { lo: number; width: number; bins: number }): Histogram {
  const bins = new Array<number>(shape.bins).fill(0);
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (const v of values) {
    // The small epsilon keeps 0.3 in the 0.3 bin despite 0.3 / 0.1 = 2.9999999999999996.
    const i = Math.min(shape.bins - 1, Math.max(0, Math.floor((v - shape.lo) / shape.width + 1e-9)));
    bins[i]!++;
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
  }
  const n = values.length;
  return {
    lo: shape.lo,
    width: shape.width,
    bins,
    n,
    mean: n ? round(sum / n) : null,
    min: n ? min : null,
    max: n ? max : null,
    median: n ? median(values) : null,
  };
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

/** The range a histogram bin stands for, as the explorer's score filter (`max` open on the last bin). */
export function binRange(h: Pick<Histogram, 'lo' | 'width' | 'bins'>, i: number): { min: number; max?: number } {
  const min = round(h.lo + i * h.width);
  return i === h.bins.length - 1 ? { min } : { min, max: round(h.lo + (i + 1) * h.width) };
}

/** Increments a counter in a map. */
export function bump<K>(map: Map<K, number>, key: K, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

/** Map entries sorted by count (descending), then key, as `{ tag, count }`. */
export function rankCounts(map: Map<string, number>): { tag: string; count: number }[] {
  return [...map.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([tag, count]) => ({ tag, count }));
}
