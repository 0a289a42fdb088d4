import type { ScoreJudgement } from '../model/records';
import { DEFAULT_VALUE_WEIGHTS, type ValueWeights } from './types';

/**
 * The value score (reference §5.4) and the rarity-free `pure_quality` that selection ranks by (§5.6):
 * 1. weighted mean of complexity, quality and reasoning `overall` (and rarity, for the value score);
 *    a missing LLM dimension drops out with its weight, fewer than two means no score at all;
 *    a missing rarity counts as 5.0 so scores stay comparable across baselines;
 * 2. quality below 4 multiplies the result by 0.7 (a bad answer is not rescued by a hard task);
 * 3. above 5.5 the result is pulled toward 5.5 by the judge's confidence: `5.5 + c·(v − 5.5)`;
 * 4. clamped to 1–10 and (value score) rounded to 0.1.
 */

export const QUALITY_FLOOR = 4;
export const QUALITY_FLOOR_FACTOR = 0.7;
export const SHRINK_CENTER = 5.5;
export const MISSING_RARITY = 5.0;
/** At least this many of complexity, quality and reasoning must be present for a score. */
export const MIN_LLM_DIMENSIONS = 2;

/** The judge's numbers the formulas use: the three `overall`s and the confidence. */
export interface ScoreNumbers {
  complexity: number | null;
  quality: number | null;
  reasoning: number | null;
  confidence: number;
}

export function scoreNumbers(j: ScoreJudgement): ScoreNumbers {
  return { complexity: j.complexity.overall, quality: j.quality.overall, reasoning: j.reasoning.overall, confidence: j.confidence };
}

/** Pull a score above the middle toward it by the confidence (scores at or below 5.5 are left alone). */
export function shrinkTowardMiddle(value: number, confidence: number): number {
  if (value <= SHRINK_CENTER) return value;
  const c = Math.min(1, Math.max(0, confidence));
  return SHRINK_CENTER + c * (value - SHRINK_CENTER);
}

/** The value score, or null when fewer than two LLM dimensions are present. */
export function valueScore(s: ScoreNumbers, rarityScore: number | null, weights: ValueWeights = DEFAULT_VALUE_WEIGHTS): number | null {
  const mean = weightedMean(s, weights, rarityScore ?? MISSING_RARITY);
  if (mean === null) return null;
  return round1(finish(mean, s));
}

/** Value without rarity, unrounded: what selection ranks samples by inside a tag. */
export function pureQuality(s: ScoreNumbers, weights: ValueWeights = DEFAULT_VALUE_WEIGHTS): number | null {
  const mean = weightedMean(s, weights, undefined);
  return mean === null ? null : finish(mean, s);
}

function weightedMean(s: ScoreNumbers, w: ValueWeights, rarity: number | undefined): number | null {
  let sum = 0;
  let weight = 0;
  let llm = 0;
  for (const [v, wk] of [
    [s.complexity, w.complexity],
    [s.quality, w.quality],
    [s.reasoning, w.reasoning],
  ] as const) {
    if (v === null || !Number.isFinite(v)) continue;
    sum += wk * v;
    weight += wk;
    llm++;
  }
  if (llm < MIN_LLM_DIMENSIONS) return null;
  if (rarity !== undefined) {
    sum += w.rarity * rarity;
    weight += w.rarity;
  }
  return weight > 0 ? sum / weight : null;
}

function finish(mean: number, s: ScoreNumbers): number {
  let v = mean;
  if (s.quality !== null && s.quality < QUALITY_FLOOR) v *= QUALITY_FLOOR_FACTOR;
  v = shrinkTowardMiddle(v, s.confidence);
  return Math.min(10, Math.max(1, v));
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
