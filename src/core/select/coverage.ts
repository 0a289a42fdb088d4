import { DIMENSIONS, type Dimension } from '../model/labels';
import type { Unit } from '../scoring/units';
import type { UnitView } from './unitView';

/** How much of the tag vocabulary a set of units still covers. */
export interface CoverageReport {
  retained_units: number;
  retained_samples: number;
  /** Share of all units (of the reference set). */
  pct: number;
  /** Per dimension: tags still carried by some retained unit, out of the tags the reference set carries. */
  by_dimension: Record<Dimension, { covered: number; total: number; share: number }>;
  /** Over all dimensions together. */
  coverage: number;
  /** Up to 20 `dim:tag` no retained unit carries, sorted. */
  tags_lost: string[];
}

/** The `dim:tag` vocabulary of a set of units, per dimension. */
export function vocabulary(units: readonly Unit[], view: UnitView): Map<Dimension, Set<string>> {
  const vocab = new Map<Dimension, Set<string>>(DIMENSIONS.map((d) => [d, new Set<string>()]));
  for (const u of units) for (const d of DIMENSIONS) for (const t of view.tags(u, d)) vocab.get(d)!.add(t);
  return vocab;
}

/** Coverage of `retained` against the vocabulary of `reference` units. */
export function coverageOf(retained: readonly Unit[], reference: readonly Unit[], vocab: Map<Dimension, Set<string>>, view: UnitView): CoverageReport {
  const kept = vocabulary(retained, view);
  const byDimension = {} as CoverageReport['by_dimension'];
  let covered = 0;
  let total = 0;
  const lost: string[] = [];
  for (const d of DIMENSIONS) {
    const all = vocab.get(d)!;
    let c = 0;
    for (const t of all) {
      if (kept.get(d)!.has(t)) c++;
      else lost.push(`${d}:${t}`);
    }
    byDimension[d] = { covered: c, total: all.size, share: all.size ? round(c / all.size, 3) : 1 };
    covered += c;
    total += all.size;
  }
  return {
    retained_units: retained.length,
    retained_samples: retained.reduce((n, u) => n + u.samples.length, 0),
    pct: reference.length ? round(retained.length / reference.length, 4) : 0,
    by_dimension: byDimension,
    coverage: total ? round(covered / total, 3) : 1,
    tags_lost: lost.sort().slice(0, 20),
  };
}

function round(n: number, dp: number): number {
  return Math.round(n * 10 ** dp) / 10 ** dp;
}
