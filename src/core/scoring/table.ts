import { DIMENSIONS, tagsOf, type Dimension, type LabelSet } from '../model/labels';
import { comboKey } from '../stats/labelingStats';
import { Interner, f32, f64, i32, u8, type Column } from './columns';
import type { ScoreNumbers } from './value';

/**
 * Everything run-wide scoring needs about a file's samples, held as columns: interned tags per dimension,
 * label confidences, the judge's numbers and where each sample sits. A million samples take a few hundred MB
 * instead of gigabytes of objects, and rarity, value and selection are computed over it in one go.
 */

/** Flags as bits, so a sample's flags fit one byte. */
export const FLAG_BITS: Readonly<Record<string, number>> = { 'has-bug': 1, incomplete: 2 };

/** Where a sample's judge numbers came from. */
export const ORIGIN = { none: 0, ours: 1, imported: 2 } as const;

export interface TableEntry {
  rowIndex: number;
  turnIndex: number;
  totalTurns: number;
  thinkingMode: 'slow' | 'fast';
  /** Byte range of the row in the file (lets selection copy kept rows without parsing the file again). */
  byteStart?: number;
  byteEnd?: number;
  /** Usable (successful) labels; absent for samples never labeled or labeled partially. */
  labels?: LabelSet;
  /** The judge's numbers: our current score record, or a value imported from an sft-label file. */
  numbers?: ScoreNumbers;
  flags?: readonly string[];
  origin?: 'ours' | 'imported';
}

export interface DimColumns {
  dim: Dimension;
  tags: Interner;
  /** CSR offsets: the tags of sample i are `ids[offsets[i] .. offsets[i + 1])`. */
  offsets: Column<Int32Array>;
  ids: Column<Int32Array>;
  /** Label confidence of the dimension per sample; NaN when the labels carry none. */
  confidence: Column<Float64Array>;
}

export class ScoreTable {
  readonly dims: DimColumns[] = DIMENSIONS.map((dim) => {
    const offsets = i32();
    offsets.push(0);
    return { dim, tags: new Interner(), offsets, ids: i32(), confidence: f64() };
  });
  readonly combos = new Interner();
  /** Combination id per sample, -1 without labels. */
  readonly comboId = i32();
  readonly labeled = u8();
  readonly complexity = f32();
  readonly quality = f32();
  readonly reasoning = f32();
  /** Judge confidence; NaN when the sample has no judge numbers. */
  readonly confidence = f64();
  readonly flags = u8();
  readonly slow = u8();
  readonly origin = u8();
  readonly rowIndex = i32();
  readonly turnIndex = i32();
  readonly totalTurns = i32();
  readonly byteStart = f64();
  readonly byteEnd = f64();

  get size(): number {
    return this.rowIndex.length;
  }

  /** Append one sample; returns its index. */
  add(e: TableEntry): number {
    const index = this.size;
    const labels = e.labels;
    for (const d of this.dims) {
      if (labels) for (const t of tagsOf(labels, d.dim)) d.ids.push(d.tags.id(t));
      d.offsets.push(d.ids.length);
      const c = labels?.confidence[d.dim];
      d.confidence.push(typeof c === 'number' && Number.isFinite(c) ? Math.min(1, Math.max(0, c)) : NaN);
    }
    this.comboId.push(labels ? this.combos.id(comboKey(labels)) : -1);
    this.labeled.push(labels ? 1 : 0);
    const n = e.numbers;
    this.complexity.push(n?.complexity ?? NaN);
    this.quality.push(n?.quality ?? NaN);
    this.reasoning.push(n?.reasoning ?? NaN);
    this.confidence.push(n ? n.confidence : NaN);
    let bits = 0;
    for (const f of e.flags ?? []) bits |= FLAG_BITS[f] ?? 0;
    this.flags.push(bits);
    this.slow.push(e.thinkingMode === 'slow' ? 1 : 0);
    this.origin.push(n ? ORIGIN[e.origin ?? 'ours'] : ORIGIN.none);
    this.rowIndex.push(e.rowIndex);
    this.turnIndex.push(e.turnIndex);
    this.totalTurns.push(e.totalTurns);
    this.byteStart.push(e.byteStart ?? NaN);
    this.byteEnd.push(e.byteEnd ?? NaN);
    return index;
  }

  /** The judge's numbers of sample i, or undefined when it has none. */
  numbersOf(i: number): ScoreNumbers | undefined {
    if (this.origin.get(i) === ORIGIN.none) return undefined;
    const v = (col: Column<Float32Array>) => (Number.isNaN(col.get(i)) ? null : col.get(i));
    return { complexity: v(this.complexity), quality: v(this.quality), reasoning: v(this.reasoning), confidence: this.confidence.get(i) };
  }

  /** Tag names of sample i in one dimension. */
  tagsOf(i: number, dimIndex: number): string[] {
    const d = this.dims[dimIndex]!;
    const out: string[] = [];
    for (let k = d.offsets.get(i); k < d.offsets.get(i + 1); k++) out.push(d.tags.names[d.ids.get(k)]!);
    return out;
  }

  /** Flag names of sample i. */
  flagsOf(i: number): string[] {
    const bits = this.flags.get(i);
    return Object.entries(FLAG_BITS).filter(([, b]) => (bits & b) !== 0).map(([f]) => f);
  }
}
