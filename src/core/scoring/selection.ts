/**
 * Selection score and intra-class rank (reference §5.6), computed over all scored samples of a run at once.
 *
 * A sample is ranked against the samples that share its tags: inside each tag with at least 5 scored members,
 * its `pure_quality` gets a tie-aware percentile (tied values share their mid rank). That percentile is trusted
 * in proportion to the evidence behind the group, `n_eff / (n_eff + 30)` with n_eff the sum of the members'
 * label confidences (each counted at least 0.25), and otherwise replaced by the sample's global percentile; the
 * sample's own label confidence c blends once more: `c·(s·tag + (1 − s)·global) + (1 − c)·global`.
 * A dimension with several tags averages them; dimensions are fused with weight `dimension weight × c`, and
 * `intra_class_rank = 1 + 9·fused` (the global percentile when no tag group applies).
 * `selection = (0.49·intra + 0.20·pure_quality + 0.31·rarity) / Σ active weights`, clamped to 1–10, 2 decimals;
 * without rarity its weight drops out.
 */

export const MIN_GROUP_SIZE = 5;
export const GROUP_SHRINK_PRIOR = 30;
export const MIN_MEMBER_CONFIDENCE = 0.25;
export const SELECTION_WEIGHTS = { intra: 0.49, pureQuality: 0.2, rarity: 0.31 } as const;

/** One dimension's tags per sample (CSR) with the sample's label confidence for it. */
export interface SelectionDim {
  weight: number;
  /** Tags of sample i: `ids[offsets[i] .. offsets[i + 1])`. */
  offsets: Int32Array;
  ids: Int32Array;
  /** Number of distinct tag ids. */
  tagCount: number;
  /** NaN = no confidence in the labels; `defaultConfidence` is used. */
  confidence: Float64Array;
}

export interface SelectionInput {
  /** NaN = the sample is not scored: it gets no selection score and is in no group. */
  pureQuality: Float64Array;
  /** NaN = no rarity. */
  rarity: Float64Array;
  dims: SelectionDim[];
  defaultConfidence: number;
}

export interface SelectionOutput {
  selection: Float64Array;
  intraClassRank: Float64Array;
}

export function computeSelection(input: SelectionInput): SelectionOutput {
  const n = input.pureQuality.length;
  const pq = input.pureQuality;
  const selection = new Float64Array(n).fill(NaN);
  const intraClassRank = new Float64Array(n).fill(NaN);
  const scoredList: number[] = [];
  for (let i = 0; i < n; i++) if (Number.isFinite(pq[i]!)) scoredList.push(i);
  const m = scoredList.length;
  if (m === 0) return { selection, intraClassRank };

  // Work in rank space: position r is the r-th scored sample by pure quality. One sort for the whole run;
  // tag groups filled in rank order come out sorted, and every later pass walks memory in order.
  const sampleAt = Int32Array.from(scoredList).sort((a, b) => pq[a]! - pq[b]!);
  const value = Float64Array.from(sampleAt, (i) => pq[i]!);
  const everyone = Int32Array.from({ length: m }, (_, r) => r);
  const global = new Float64Array(m);
  percentilesOfSorted(everyone, value, global);

  const fusedNum = new Float64Array(m);
  const fusedDen = new Float64Array(m);
  const dimSum = new Float64Array(m);
  const dimCount = new Int32Array(m);
  const tagPct = new Float64Array(m);
  const conf = new Float64Array(m);
  for (const d of input.dims) {
    for (let r = 0; r < m; r++) {
      const c = d.confidence[sampleAt[r]!]!;
      conf[r] = Number.isNaN(c) ? input.defaultConfidence : c;
    }
    dimSum.fill(0);
    dimCount.fill(0);
    for (const members of groupMembers(d, sampleAt)) {
      if (members.length < MIN_GROUP_SIZE) continue;
      let nEff = 0;
      for (const r of members) nEff += Math.max(MIN_MEMBER_CONFIDENCE, conf[r]!);
      const shrink = nEff / (nEff + GROUP_SHRINK_PRIOR);
      percentilesOfSorted(members, value, tagPct);
      for (const r of members) {
        const c = conf[r]!;
        const g = global[r]!;
        dimSum[r] += c * (shrink * tagPct[r]! + (1 - shrink) * g) + (1 - c) * g;
        dimCount[r]++;
      }
    }
    for (let r = 0; r < m; r++) {
      if (dimCount[r] === 0) continue;
      const w = d.weight * conf[r]!;
      fusedNum[r] += w * (dimSum[r]! / dimCount[r]!);
      fusedDen[r] += w;
    }
  }

  for (let r = 0; r < m; r++) {
    const i = sampleAt[r]!;
    const fused = fusedDen[r]! > 0 ? fusedNum[r]! / fusedDen[r]! : global[r]!;
    const intra = 1 + 9 * fused;
    intraClassRank[i] = round2(intra);
    const rarity = input.rarity[i]!;
    const hasRarity = Number.isFinite(rarity);
    const sum = SELECTION_WEIGHTS.intra * intra + SELECTION_WEIGHTS.pureQuality * value[r]! + (hasRarity ? SELECTION_WEIGHTS.rarity * rarity : 0);
    const weight = SELECTION_WEIGHTS.intra + SELECTION_WEIGHTS.pureQuality + (hasRarity ? SELECTION_WEIGHTS.rarity : 0);
    selection[i] = round2(Math.min(10, Math.max(1, sum / weight)));
  }
  return { selection, intraClassRank };
}

/**
 * Tie-aware percentile in 0..1 of each member's value among the members: `(less + (equal − 1)/2) / (m − 1)`,
 * written into `out` at the member's index; a single member gets 0.5.
 */
export function percentilesInto(members: Int32Array, values: Float64Array, out: Float64Array): void {
  percentilesOfSorted(members.slice().sort((a, b) => values[a]! - values[b]!), values, out);
}

/** `percentilesInto` for members already sorted by value: one linear pass over runs of equal values. */
function percentilesOfSorted(sorted: Int32Array, values: Float64Array, out: Float64Array): void {
  const m = sorted.length;
  if (m === 1) {
    out[sorted[0]!] = 0.5;
    return;
  }
  for (let start = 0; start < m; ) {
    let end = start;
    const v = values[sorted[start]!]!;
    while (end + 1 < m && values[sorted[end + 1]!] === v) end++;
    const pct = (start + end) / 2 / (m - 1);
    for (let k = start; k <= end; k++) out[sorted[k]!] = pct;
    start = end + 1;
  }
}

/**
 * Members of every tag of a dimension as rank positions (the tags of rank r are those of sample
 * `sampleAt[r]`), by counting sort: each group comes out in increasing rank, that is sorted by value.
 */
function groupMembers(d: SelectionDim, sampleAt: Int32Array): Int32Array[] {
  const m = sampleAt.length;
  const counts = new Int32Array(d.tagCount + 1);
  const from = new Int32Array(m);
  const to = new Int32Array(m);
  for (let r = 0; r < m; r++) {
    const i = sampleAt[r]!;
    from[r] = d.offsets[i]!;
    to[r] = d.offsets[i + 1]!;
    for (let k = from[r]!; k < to[r]!; k++) counts[d.ids[k]! + 1]!++;
  }
  for (let t = 0; t < d.tagCount; t++) counts[t + 1]! += counts[t]!;
  const starts = counts.slice();
  const members = new Int32Array(counts[d.tagCount]!);
  for (let r = 0; r < m; r++) for (let k = from[r]!; k < to[r]!; k++) members[starts[d.ids[k]!]!++] = r;
  const groups: Int32Array[] = [];
  for (let t = 0; t < d.tagCount; t++) groups.push(members.subarray(counts[t]!, counts[t + 1]!));
  return groups;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
