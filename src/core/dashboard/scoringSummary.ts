/**
 * Pass 2 sections of the dashboard, counted from the rows that carry scores: histograms, value by tag,
 * flags and their impact, selection thresholds, coverage at value thresholds, thinking mode.
 * Pure (bundled into the browser).
 */
import { DIMENSIONS, type Dimension } from '../model/labels';
import {
  COVERAGE_THRESHOLDS,
  SCORE_KEYS,
  TOP_PERCENTS,
  type CoverageRow,
  type FlagStat,
  type Histogram,
  type SampleRow,
  type ScoreKey,
  type ScoringSummary,
  type TagValue,
  type ThinkingStat,
  type ThresholdBand,
} from './model';
import { splitToken } from './labelingSummary';
import { bump, histogram, histogramShape, mean, round } from './numbers';

const TAGS_LOST_LISTED = 20;

/** Rows with scores, or null when the scope has none yet. */
export function scoringOf(rows: readonly SampleRow[]): ScoringSummary | null {
  const scored = rows.filter((r) => r.scores !== null);
  if (scored.length === 0) return null;
  const histograms = Object.fromEntries(
    SCORE_KEYS.map((key) => [key, histogram(valuesOf(scored, key), histogramShape(key))]),
  ) as Record<ScoreKey, Histogram>;
  const rankedBy = scored.some((r) => r.scores!.selection !== null) ? 'selection' : 'value';
  return {
    scored: scored.length,
    rankedBy,
    histograms,
    valueByTag: valueByTagOf(scored),
    flags: flagsOf(scored),
    thresholds: thresholdsOf(scored, rankedBy),
    coverage: coverageOf(scored),
  };
}

/** The non-null values of one score over `rows`. */
export function valuesOf(rows: readonly SampleRow[], key: ScoreKey): number[] {
  const out: number[] = [];
  for (const r of rows) {
    const v = r.scores?.[key];
    if (v !== null && v !== undefined) out.push(v);
  }
  return out;
}

function valueByTagOf(scored: readonly SampleRow[]): Record<Dimension, TagValue[]> {
  const sums = new Map<string, { sum: number; n: number }>();
  for (const r of scored) {
    const v = r.scores!.value;
    if (v === null) continue;
    for (const token of r.tags) {
      const s = sums.get(token) ?? { sum: 0, n: 0 };
      s.sum += v;
      s.n++;
      sums.set(token, s);
    }
  }
  const out = Object.fromEntries(DIMENSIONS.map((d) => [d, [] as TagValue[]])) as Record<Dimension, TagValue[]>;
  for (const [token, s] of sums) {
    const [dim, tag] = splitToken(token);
    out[dim]?.push({ tag, mean: round(s.sum / s.n), n: s.n });
  }
  for (const d of DIMENSIONS) out[d].sort((a, b) => b.mean - a.mean || b.n - a.n || (a.tag < b.tag ? -1 : 1));
  return out;
}

function flagsOf(scored: readonly SampleRow[]): FlagStat[] {
  const counts = new Map<string, number>();
  for (const r of scored) for (const f of new Set(r.flags)) bump(counts, f);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([flag, count]) => {
      const withFlag = scored.filter((r) => r.flags.includes(flag));
      const without = scored.filter((r) => !r.flags.includes(flag));
      const meanValue = mean(valuesOf(withFlag, 'value'));
      const meanWithout = mean(valuesOf(without, 'value'));
      const impact = meanValue !== null && meanWithout !== null ? round(meanValue - meanWithout) : null;
      return { flag, count, meanValue, impact };
    });
}

/** Score at which the top 10/25/50% of scored samples start, and how many reach it (ties included). */
function thresholdsOf(scored: readonly SampleRow[], key: 'selection' | 'value'): ThresholdBand[] {
  const values = valuesOf(scored, key).sort((a, b) => b - a);
  if (values.length === 0) return [];
  return TOP_PERCENTS.map((topPercent) => {
    const k = Math.max(1, Math.ceil((values.length * topPercent) / 100));
    const threshold = values[k - 1]!;
    let count = 0;
    for (const v of values) if (v >= threshold) count++;
    return { topPercent, threshold, count };
  });
}

/** What keeping only samples with value ≥ t retains, and which tags it loses entirely. */
function coverageOf(scored: readonly SampleRow[]): CoverageRow[] {
  const withValue = scored.filter((r) => r.scores!.value !== null);
  const allTags = new Map<string, number>();
  for (const r of withValue) for (const t of r.tags) bump(allTags, t);
  return COVERAGE_THRESHOLDS.map((threshold) => {
    const kept = withValue.filter((r) => r.scores!.value! >= threshold);
    const keptTags = new Set<string>();
    for (const r of kept) for (const t of r.tags) keptTags.add(t);
    const tagsLost = [...allTags.entries()]
      .filter(([t]) => !keptTags.has(t))
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, TAGS_LOST_LISTED)
      .map(([t]) => t);
    return {
      threshold,
      retained: kept.length,
      share: withValue.length ? round(kept.length / withValue.length) : 0,
      tagCoverage: allTags.size ? round(keptTags.size / allTags.size) : 1,
      tagsLost,
    };
  });
}

/** Slow (reasoning shown) vs fast replies: how many, and their mean scores where scored. */
export function thinkingOf(rows: readonly SampleRow[]): { slow: ThinkingStat; fast: ThinkingStat } {
  const stat = (mode: 'slow' | 'fast'): ThinkingStat => {
    const of = rows.filter((r) => r.thinking === mode);
    const scored = of.filter((r) => r.scores !== null);
    return {
      count: of.length,
      scored: scored.length,
      value: mean(valuesOf(scored, 'value')),
      quality: mean(valuesOf(scored, 'quality')),
      reasoning: mean(valuesOf(scored, 'reasoning')),
    };
  };
  return { slow: stat('slow'), fast: stat('fast') };
}
