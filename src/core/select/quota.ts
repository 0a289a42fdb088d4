import type { Unit } from '../scoring/units';
import type { QuotaSpec } from './criteria';
import { seededRandom, shuffleInPlace } from '../util/prng';
import type { UnitView } from './unitView';

/** Stratum of units without any tag in the quota's dimension. */
export const NO_TAG = '(none)';

/**
 * Per-tag quota by stratified sampling: every tag of the dimension is a stratum (a unit with several tags is
 * in several; units with none form one more). Units are shuffled once with the seeded PRNG; strata are served
 * rarest first, each taking units in shuffled order until `perTag` of the units kept so far carry its tag.
 * A unit kept for one tag counts for its other tags too, so a tag can end above its quota, never below
 * `min(perTag, its candidates)`: every tag present among the candidates stays covered.
 * Returns the kept units in their original order.
 */
export function applyQuota(candidates: readonly Unit[], spec: QuotaSpec, view: UnitView): Unit[] {
  const order = shuffleInPlace([...candidates], seededRandom(spec.seed));
  const strata = new Map<string, Unit[]>();
  const tagsOf = (u: Unit) => {
    const tags = view.tags(u, spec.dim);
    return tags.size ? [...tags] : [NO_TAG];
  };
  for (const u of order) {
    for (const t of tagsOf(u)) {
      let list = strata.get(t);
      if (!list) strata.set(t, (list = []));
      list.push(u);
    }
  }
  const served = [...strata].sort((a, b) => a[1].length - b[1].length || a[0].localeCompare(b[0]));
  const counts = new Map<string, number>();
  const kept = new Set<Unit>();
  for (const [tag, units] of served) {
    for (const u of units) {
      if ((counts.get(tag) ?? 0) >= spec.perTag) break;
      if (kept.has(u)) continue;
      kept.add(u);
      for (const t of tagsOf(u)) counts.set(t, (counts.get(t) ?? 0) + 1);
    }
  }
  const position = new Map(candidates.map((u, i) => [u, i]));
  return [...kept].sort((a, b) => position.get(a)! - position.get(b)!);
}
