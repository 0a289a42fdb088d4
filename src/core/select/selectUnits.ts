import type { ScoreTable } from '../scoring/table';
import type { Unit } from '../scoring/units';
import { checkCriteria, type SelectCriteria } from './criteria';
import { coverageOf, vocabulary, type CoverageReport } from './coverage';
import { applyQuota } from './quota';
import { UnitView } from './unitView';

/** Value thresholds the report always shows coverage at (the chosen minimum is added when it is not one). */
export const REPORT_THRESHOLDS = [4, 5, 6, 7, 8] as const;

export interface SelectionReport {
  units_total: number;
  units_scored: number;
  /** Units left after the tag, difficulty, thinking and flag filters (before numbers, top share and quota). */
  units_after_filters: number;
  units_kept: number;
  samples_kept: number;
  mean_value_kept: number | null;
  /**
   * For each value threshold, what the filtered units at or above it would keep, with the share of every
   * dimension's tags still covered (the vocabulary being that of all scored units).
   */
  coverage_at_thresholds: Record<string, CoverageReport>;
  /** Coverage of the final selection. */
  kept_coverage: CoverageReport;
  quota?: { dim: string; per_tag: number; seed: number; candidates: number; kept: number };
}

export interface SelectionResult {
  kept: Unit[];
  report: SelectionReport;
}

/**
 * Decide which units (training rows) to keep. Order: unscored units are dropped (unless asked to keep them);
 * tag, difficulty, thinking-mode and flag filters; value and selection minimums; the top share by rank; then
 * the per-tag quota. Pure: no files, so thresholds, quotas and coverage can be checked exactly.
 */
export function selectUnits(table: ScoreTable, units: readonly Unit[], criteria: SelectCriteria): SelectionResult {
  checkCriteria(criteria);
  const view = new UnitView(table);
  const scoredUnits = units.filter((u) => view.scored(u));
  const vocab = vocabulary(scoredUnits, view);
  const pool = criteria.includeUnscored ? units : scoredUnits;
  const filtered = pool.filter((u) => passesFilters(u, criteria, view));

  let kept = filtered.filter((u) => {
    if (!view.scored(u)) return true;
    if (criteria.valueMin !== undefined && !(u.value >= criteria.valueMin)) return false;
    if (criteria.selectionMin !== undefined && !(u.selection >= criteria.selectionMin)) return false;
    return true;
  });
  if (criteria.topPercent !== undefined) kept = topShare(kept, criteria.topPercent, criteria.rankBy ?? 'selection');
  let quota: SelectionReport['quota'];
  if (criteria.quota) {
    const before = kept.length;
    kept = applyQuota(kept, criteria.quota, view);
    quota = { dim: criteria.quota.dim, per_tag: criteria.quota.perTag, seed: criteria.quota.seed, candidates: before, kept: kept.length };
  }

  const thresholds = new Set<number>(REPORT_THRESHOLDS);
  if (criteria.valueMin !== undefined) thresholds.add(criteria.valueMin);
  const scoredFiltered = filtered.filter((u) => view.scored(u));
  const coverage: Record<string, CoverageReport> = {};
  for (const t of [...thresholds].sort((a, b) => a - b)) {
    coverage[t.toFixed(1)] = coverageOf(scoredFiltered.filter((u) => u.value >= t), scoredUnits, vocab, view);
  }
  const keptValues = kept.map((u) => u.value).filter(Number.isFinite);
  const report: SelectionReport = {
    units_total: units.length,
    units_scored: scoredUnits.length,
    units_after_filters: filtered.length,
    units_kept: kept.length,
    samples_kept: kept.reduce((n, u) => n + u.samples.length, 0),
    mean_value_kept: keptValues.length ? Math.round((keptValues.reduce((a, b) => a + b, 0) / keptValues.length) * 100) / 100 : null,
    coverage_at_thresholds: coverage,
    kept_coverage: coverageOf(kept, scoredUnits, vocab, view),
  };
  if (quota) report.quota = quota;
  return { kept, report };
}

function passesFilters(u: Unit, c: SelectCriteria, view: UnitView): boolean {
  if (c.includeTags?.length && !c.includeTags.some((r) => view.tags(u, r.dim).has(r.tag))) return false;
  if (c.excludeTags?.some((r) => view.tags(u, r.dim).has(r.tag))) return false;
  if (c.difficulty?.length) {
    const levels = view.tags(u, 'difficulty');
    if (!c.difficulty.some((d) => levels.has(d))) return false;
  }
  if (c.thinkingMode && view.thinkingMode(u) !== c.thinkingMode) return false;
  if (c.requireFlags?.length || c.excludeFlags?.length) {
    const flags = view.flags(u);
    if (c.requireFlags?.length && !c.requireFlags.some((f) => flags.has(f))) return false;
    if (c.excludeFlags?.some((f) => flags.has(f))) return false;
  }
  return true;
}

/** The best `percent`% (rounded up) of the scored units by `rankBy`; ties keep file order. Unscored pass through. */
function topShare(units: Unit[], percent: number, rankBy: 'selection' | 'value'): Unit[] {
  const metric = (u: Unit) => (rankBy === 'value' ? u.value : u.selection);
  const scored = units.filter((u) => Number.isFinite(metric(u)));
  const keep = Math.ceil((scored.length * percent) / 100);
  const best = new Set([...scored].sort((a, b) => metric(b) - metric(a)).slice(0, keep));
  return units.filter((u) => !Number.isFinite(metric(u)) || best.has(u));
}
