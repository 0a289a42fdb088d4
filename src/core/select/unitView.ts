import { DIMENSIONS, type Dimension } from '../model/labels';
import type { ScoreTable } from '../scoring/table';
import type { Unit } from '../scoring/units';

/**
 * What selection looks at in a unit (a training row). For a multi-reply row the rule is: its numbers are the
 * conversation's (`conv_value`, `conv_selection`); its tags, difficulties and flags are the union over its
 * replies (so `include` matches when any reply has the tag and `exclude` drops the row when any reply has it);
 * its thinking mode is `slow` or `fast` when all replies agree, else `mixed`.
 */
export class UnitView {
  private readonly tagCache = new Map<Unit, Map<Dimension, Set<string>>>();

  constructor(private readonly table: ScoreTable) {}

  tags(unit: Unit, dim: Dimension): Set<string> {
    let perDim = this.tagCache.get(unit);
    if (!perDim) this.tagCache.set(unit, (perDim = new Map()));
    let set = perDim.get(dim);
    if (!set) {
      const d = DIMENSIONS.indexOf(dim);
      set = new Set(unit.samples.flatMap((i) => this.table.tagsOf(i, d)));
      perDim.set(dim, set);
    }
    return set;
  }

  flags(unit: Unit): Set<string> {
    return new Set(unit.samples.flatMap((i) => this.table.flagsOf(i)));
  }

  thinkingMode(unit: Unit): 'slow' | 'fast' | 'mixed' {
    const slow = unit.samples.filter((i) => this.table.slow.get(i) === 1).length;
    return slow === 0 ? 'fast' : slow === unit.samples.length ? 'slow' : 'mixed';
  }

  scored(unit: Unit): boolean {
    return Number.isFinite(unit.value);
  }
}
