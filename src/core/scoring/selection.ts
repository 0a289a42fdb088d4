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
  const scored: number[] = [];
  for (let i = 0; i < n; i++) if (Number.isFinite(pq[i]!)) scored.push(i);
  if (scored.length === 0) return { selection, intraClassRank };

  const global = new Float64Array(n);
  percentilesInto(Int32Array.from(scored), pq, global);

  const fusedNum = new Float64Array(n);
  const fusedDen = new Float64Array(n);
  const dimSum = new Float64Array(n);
  const dimCount = new Int32Array(n);
  const tagPct = new Float64Array(n);
  for (const d of input.dims) {
    const conf = (i: number) => (Number.isNaN(d.confidence[i]!) ? input.defaultConfidence : d.confidence[i]!);
    const groups = groupMembers(d, scored);
    dimSum.fill(0);
    dimCount.fill(0);
    for (const members of groups) {
      if (members.length < MIN_GROUP_SIZE) continue;
      let nEff = 0;
      for (const i of members) nEff += Math.max(MIN_MEMBER_CONFIDENCE, conf(i));
      const shrink = nEff / (nEff + GROUP_SHRINK_PRIOR);
      percentilesInto(members, pq, tagPct);
      for (const i of members) {
        const c = conf(i);
        const g = global[i]!;
        dimSum[i] += c * (shrink * tagPct[i]! + (1 - shrink) * g) + (1 - c) * g;
        dimCount[i]++;
      }
    }
    for (const i of scored) {
      if (dimCount[i] === 0) continue;
      const w = d.weight * conf(i);
      fusedNum[i] += w * (dimSum[i]! / dimCount[i]!);
      fusedDen[i] += w;
    }
  }

  for (const i of scored) {
    const fused = fusedDen[i]! > 0 ? fusedNum[i]! / fusedDen[i]! : global[i]!;
    const intra = 1 + 9 * fused;
    intraClassRank[i] = round2(intra);
    const r = input.rarity[i]!;
    const hasRarity = Number.isFinite(r);
    const sum = SELECTION_WEIGHTS.intra * intra + SELECTION_WEIGHTS.pureQuality * pq[i]! + (hasRarity ? SELECTION_WEIGHTS.rarity * r : 0);
    const weight = SELECTION_WEIGHTS.intra + SELECTION_WEIGHTS.pureQuality + (hasRarity ? SELECTION_WEIGHTS.rarity : 0);
    selection[i] = round2(Math.min(10, Math.max(1, sum / weight)));
  }
  return { selection, intraClassRank };
}

/**
 * Tie-aware percentile in 0..1 of each member's value among the members: `(less + (equal − 1)/2) / (m − 1)`,
 * written into `out` at the member's index; a single member gets 0.5. Sorts `members` in place.
 */
export function percentilesInto(members: Int32Array, values: Float64Array, out: Float64Array): void {
  const m = members.length;
  if (m === 1) {
    out[members[0]!] = 0.5;
    return;
  }
  members.sort((a, b) => values[a]! - values[b]!);
  for (let start = 0; start < m; ) {
    let end = start;
    const v = values[members[start]!]!;
    while (end + 1 < m && values[members[end + 1]!] === v) end++;
    const pct = (start + end) / 2 / (m - 1);
    for (let k = start; k <= end; k++) out[members[k]!] = pct;
    start = end + 1;
  }
}

/** Scored members of every tag of a dimension, by counting sort (no per-tag arrays grown one by one). */
function groupMembers(d: SelectionDim, scored: readonly number[]): Int32Array[] {
  const counts = new Int32Array(d.tagCount + 1);
  for (const i of scored) for (let k = d.offsets[i]!; k < d.offsets[i + 1]!; k++) counts[d.ids[k]! + 1]!++;
  for (let t = 0; t < d.tagCount; t++) counts[t + 1]! += counts[t]!;
  const starts = counts.slice();
  const members = new Int32Array(counts[d.tagCount]!);
  for (const i of scored) for (let k = d.offsets[i]!; k < d.offsets[i + 1]!; k++) members[starts[d.ids[k]!]!++] = i;
  const groups: Int32Array[] = [];
  for (let t = 0; t < d.tagCount; t++) groups.push(members.subarray(counts[t]!, counts[t + 1]!));
  return groups;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
