import { DIMENSIONS, tagsOf, type Dimension, type LabelSet } from '../model/labels';
import type { RarityResult } from '../model/records';
import { comboKey } from '../stats/labelingStats';
import type { RarityBaseline } from './baseline';
import { DEFAULT_RARITY_CONFIG, type RarityConfig } from './types';

/**
 * Rarity without an LLM (reference §5.1): how unusual a sample's tags are against a baseline of tag counts.
 *
 * - Tag IDF per dimension: `max(0, log2(N / (count + 1)))`; a tag the baseline never saw gets the dimension's
 *   prior (the mean IDF of its known tags). Multi-tag dimensions: `0.6·max + 0.4·mean` of the tags' IDFs.
 * - Each dimension is blended with its prior by the label confidence c (default 0.75):
 *   `c·observed + (1 − c)·prior`, then dimensions are averaged with `dimensionWeights`.
 * - Combination rarity: `max(0, log2(N / (count + 1)))` of the sample's `comboKey`, blended with the tag rarity by
 *   the mean label confidence; `raw = α·tag + (1 − α)·combo` (α = 0.7).
 * - Normalised to 1–10 against log2 N (absolute) or by rank among the samples scored together (percentile).
 *
 * One deliberate difference from sft-label: a combination absent from the baseline counts as seen zero times, so
 * it gets the highest combination rarity (log2 N). sft-label gives it 0, which makes a never-seen combination
 * look more common than a rare one.
 */

/** Blend of the highest and the mean IDF for multi-tag dimensions. */
const MAX_SHARE = 0.6;

export interface RawRarity {
  /** null when no dimension of the labels could be measured (no tags, or dimensions absent from the baseline). */
  tag_rarity: number | null;
  /** null when combination rarity is disabled (the baseline has no combination counts). */
  combo_rarity: number | null;
  raw: number | null;
  effective_confidence: number;
}

/** IDF of one tag count against N. */
export function tagIdf(count: number, total: number): number {
  return Math.max(0, Math.log2(total / (count + 1)));
}

/** One dimension's rarity from its tags' IDFs (given as max, sum and count, so callers need not allocate). */
export function dimensionRarity(maxIdf: number, sumIdf: number, count: number, prior: number, confidence: number): number {
  const observed = count === 1 ? sumIdf : MAX_SHARE * maxIdf + (1 - MAX_SHARE) * (sumIdf / count);
  return confidence * observed + (1 - confidence) * prior;
}

/** Tag and combination rarity combined; `comboCount` undefined means combination rarity is disabled. */
export function combineRarity(
  weightedSum: number,
  weightSum: number,
  effectiveConfidence: number,
  comboCount: number | undefined,
  total: number,
  alpha: number,
): RawRarity {
  if (weightSum <= 0) return { tag_rarity: null, combo_rarity: null, raw: null, effective_confidence: effectiveConfidence };
  const tag = weightedSum / weightSum;
  if (comboCount === undefined) return { tag_rarity: tag, combo_rarity: null, raw: tag, effective_confidence: effectiveConfidence };
  const combo = effectiveConfidence * tagIdf(comboCount, total) + (1 - effectiveConfidence) * tag;
  return { tag_rarity: tag, combo_rarity: combo, raw: alpha * tag + (1 - alpha) * combo, effective_confidence: effectiveConfidence };
}

/** Absolute normalisation: `1 + 9·clamp(raw, 0, log2 N)/log2 N`, rounded to 0.1; null below N = 2. */
export function normalizeAbsolute(raw: number | null, total: number): number | null {
  if (raw === null || !Number.isFinite(raw) || total < 2) return null;
  const top = Math.log2(total);
  return round1(1 + (9 * Math.min(Math.max(raw, 0), top)) / top);
}

/**
 * Percentile normalisation: `1 + 9·rank/(n − 1)` with tied values sharing their mid rank, rounded to 0.1.
 * NaN entries (no rarity) stay NaN and are not ranked; a single ranked value gets 5.5.
 */
export function normalizePercentile(raws: ArrayLike<number>): Float64Array {
  const out = new Float64Array(raws.length).fill(NaN);
  const order: number[] = [];
  for (let i = 0; i < raws.length; i++) if (Number.isFinite(raws[i]!)) order.push(i);
  const n = order.length;
  if (n === 0) return out;
  order.sort((a, b) => raws[a]! - raws[b]!);
  for (let start = 0; start < n; ) {
    let end = start;
    while (end + 1 < n && raws[order[end + 1]!] === raws[order[start]!]) end++;
    const score = n === 1 ? 5.5 : round1(1 + (9 * ((start + end) / 2)) / (n - 1));
    for (let k = start; k <= end; k++) out[order[k]!] = score;
    start = end + 1;
  }
  return out;
}

/**
 * The percentile score of `raw` among `sortedRaws` (ascending), with the same mid-rank rule as
 * `normalizePercentile`: lets a run score samples one by one against a batch ranked beforehand.
 */
export function percentileScoreOf(sortedRaws: Float64Array, raw: number): number | null {
  const n = sortedRaws.length;
  if (n === 0 || !Number.isFinite(raw)) return null;
  if (n === 1) return 5.5;
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sortedRaws[mid]! < raw) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < n && sortedRaws[end] === raw) end++;
  const rank = end > lo ? (lo + end - 1) / 2 : Math.max(0, lo - 0.5);
  return round1(1 + (9 * Math.min(rank, n - 1)) / (n - 1));
}

/** IDFs and priors of a baseline, ready to measure samples. */
export class RarityModel {
  readonly total: number;
  private readonly idfs = new Map<Dimension, Map<string, number>>();
  private readonly priors = new Map<Dimension, number>();

  constructor(
    readonly baseline: RarityBaseline,
    readonly config: RarityConfig = DEFAULT_RARITY_CONFIG,
  ) {
    this.total = baseline.totalSamples;
    for (const dim of DIMENSIONS) {
      const counts = baseline.tags[dim];
      if (!counts || counts.size === 0) continue;
      const idf = new Map<string, number>();
      let sum = 0;
      for (const [tag, count] of counts) {
        const v = tagIdf(count, this.total);
        idf.set(tag, v);
        sum += v;
      }
      this.idfs.set(dim, idf);
      this.priors.set(dim, sum / counts.size);
    }
  }

  /** Whether the baseline measures this dimension at all. */
  measures(dim: Dimension): boolean {
    return this.idfs.has(dim);
  }

  /** IDF of a tag, the dimension prior for a tag the baseline never saw; undefined for an unmeasured dimension. */
  idf(dim: Dimension, tag: string): number | undefined {
    const known = this.idfs.get(dim);
    if (!known) return undefined;
    return known.get(tag) ?? this.priors.get(dim)!;
  }

  prior(dim: Dimension): number | undefined {
    return this.priors.get(dim);
  }

  /** Count of a combination in the baseline (0 when absent); undefined when combination rarity is disabled. */
  comboCount(key: string): number | undefined {
    return this.baseline.combos ? (this.baseline.combos.get(key) ?? 0) : undefined;
  }

  /** Raw (un-normalised) rarity of one sample's labels. */
  raw(labels: LabelSet): RawRarity {
    let weightedSum = 0;
    let weightSum = 0;
    for (const dim of DIMENSIONS) {
      const tags = tagsOf(labels, dim);
      if (tags.length === 0 || !this.measures(dim)) continue;
      let max = 0;
      let sum = 0;
      for (const t of tags) {
        const v = this.idf(dim, t)!;
        if (v > max) max = v;
        sum += v;
      }
      const conf = labelConfidence(labels, dim, this.config.defaultConfidence);
      const w = this.config.dimensionWeights[dim];
      weightedSum += w * dimensionRarity(max, sum, tags.length, this.priors.get(dim)!, conf);
      weightSum += w;
    }
    const eff = meanLabelConfidence(labels, this.config.defaultConfidence);
    return combineRarity(weightedSum, weightSum, eff, this.comboCount(comboKey(labels)), this.total, this.config.comboAlpha);
  }

  /** The stored form (`value.rarity`), with `score` already normalised by the caller's mode. */
  result(raw: RawRarity, score: number | null): RarityResult {
    return {
      score,
      tag_rarity: raw.tag_rarity === null ? null : round3(raw.tag_rarity),
      combo_rarity: raw.combo_rarity === null ? null : round3(raw.combo_rarity),
      effective_confidence: round3(raw.effective_confidence),
      uncertainty: round3(1 - raw.effective_confidence),
      stats_ref: this.baseline.ref,
    };
  }
}

/** A dimension's label confidence, clamped to 0..1, or the default when the labels carry none. */
export function labelConfidence(labels: LabelSet, dim: Dimension, fallback: number): number {
  const c = labels.confidence[dim];
  return typeof c === 'number' && Number.isFinite(c) ? Math.min(1, Math.max(0, c)) : fallback;
}

/** Mean of the confidences the labels carry (any dimension), or the default when there are none. */
export function meanLabelConfidence(labels: LabelSet, fallback: number): number {
  let sum = 0;
  let n = 0;
  for (const dim of DIMENSIONS) {
    const c = labels.confidence[dim];
    if (typeof c === 'number' && Number.isFinite(c)) {
      sum += Math.min(1, Math.max(0, c));
      n++;
    }
  }
  return n > 0 ? sum / n : fallback;
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}
