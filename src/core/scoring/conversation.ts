import { shrinkTowardMiddle } from './value';

/**
 * Conversation-level scores for multi-turn rows (reference §5.8, `conversation_scores.json`): one number per
 * conversation from the scores of its replies, so a whole training row can be kept or dropped.
 *
 * - Later replies weigh more: position weight 1.0 for the first reply rising linearly to 2.0 for the last.
 * - `conv_value = shrink(q_base · penalty, mean judge confidence)`, with `q_base = 0.7·weighted mean + 0.3·max`
 *   of the replies' value scores and `penalty` = quality floor (lowest quality < 3 → 0.5, < 5 → 0.8, else 1; the
 *   10th percentile instead of the minimum for agentic conversations of 5+ scored replies) × 0.95 per distinct
 *   negative flag. `conv_selection` is the same blend over selection scores (our choice: sft-label fuses
 *   conversation-level tag ranks instead).
 * - `conv_rarity = shrink(min(10, 0.75·weighted mean + 0.25·peak rarity + 0.4·diversity), rarity confidence)`,
 *   diversity = share of distinct label signatures among the scored replies; rarity confidence =
 *   0.5·coverage confidence + 0.5·judge confidence, coverage confidence = 0.35 + 0.65·observed weight ratio.
 * Replies without a score count for coverage only. Every score is clamped to 1–10.
 */

export interface ConversationSlice {
  turnIndex: number;
  /** null when this reply has no score. */
  value: number | null;
  selection: number | null;
  complexity: number | null;
  quality: number | null;
  rarity: number | null;
  /** Judge confidence. */
  confidence: number | null;
  flags: readonly string[];
  thinkingMode: 'slow' | 'fast';
  /** Labels of the reply in a comparable form (e.g. the combo key), for diversity. */
  labelSignature?: string;
  agentic: boolean;
}

export interface ConversationScore {
  turn_count: number;
  scored_turns: number;
  conv_value: number | null;
  conv_selection: number | null;
  conv_rarity: number | null;
  peak_complexity: number | null;
  observed_turn_ratio: number;
  observed_weight_ratio: number;
  coverage_confidence: number;
  rarity_confidence: number | null;
  negative_flags: string[];
  thinking_mode: 'slow' | 'fast' | 'mixed';
  thinking_mode_summary: 'all_slow' | 'all_fast' | 'mixed';
  thinking_mode_counts: { slow: number; fast: number };
  slices: { turn_index: number; value_score: number | null; confidence: number | null; weight: number }[];
}

const NEGATIVE_FLAGS: ReadonlySet<string> = new Set(['has-bug', 'incomplete']);
const FLAG_PENALTY = 0.95;
const AGENTIC_P10_MIN_SLICES = 5;

/** Position weights 1.0 → 2.0 over `n` replies. */
export function positionWeights(n: number): number[] {
  return Array.from({ length: n }, (_, k) => (n > 1 ? 1 + k / (n - 1) : 1));
}

/** The quality floor factor: the lowest quality (10th percentile for long agentic conversations). */
export function qualityFloorFactor(qualities: readonly number[], agentic: boolean): number {
  if (qualities.length === 0) return 1;
  const sorted = [...qualities].sort((a, b) => a - b);
  const floor = agentic && sorted.length >= AGENTIC_P10_MIN_SLICES ? sorted[Math.min(Math.floor(sorted.length * 0.1), sorted.length - 1)]! : sorted[0]!;
  return floor < 3 ? 0.5 : floor < 5 ? 0.8 : 1;
}

export function aggregateConversation(input: readonly ConversationSlice[]): ConversationScore {
  const slices = [...input].sort((a, b) => a.turnIndex - b.turnIndex);
  const weights = positionWeights(slices.length);
  const scored = slices.map((s, k) => ({ s, w: weights[k]! })).filter(({ s }) => s.value !== null);
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const observedWeight = scored.reduce((a, { w }) => a + w, 0);
  const observedWeightRatio = totalWeight > 0 ? observedWeight / totalWeight : 0;
  const coverageConfidence = 0.35 + 0.65 * observedWeightRatio;
  const slow = slices.filter((s) => s.thinkingMode === 'slow').length;
  const fast = slices.length - slow;
  const negativeFlags = [...new Set(scored.flatMap(({ s }) => s.flags.filter((f) => NEGATIVE_FLAGS.has(f))))].sort();
  const base: ConversationScore = {
    turn_count: slices.length,
    scored_turns: scored.length,
    conv_value: null,
    conv_selection: null,
    conv_rarity: null,
    peak_complexity: maxOf(scored.map(({ s }) => s.complexity)),
    observed_turn_ratio: round(slices.length ? scored.length / slices.length : 0, 3),
    observed_weight_ratio: round(observedWeightRatio, 3),
    coverage_confidence: round(coverageConfidence, 3),
    rarity_confidence: null,
    negative_flags: negativeFlags,
    thinking_mode: slow === 0 ? 'fast' : fast === 0 ? 'slow' : 'mixed',
    thinking_mode_summary: slow === 0 ? 'all_fast' : fast === 0 ? 'all_slow' : 'mixed',
    thinking_mode_counts: { slow, fast },
    slices: slices.map((s, k) => ({ turn_index: s.turnIndex, value_score: s.value, confidence: s.confidence, weight: round(weights[k]!, 3) })),
  };
  if (scored.length === 0) return base;

  const confidences = scored.map(({ s }) => s.confidence).filter((c): c is number => c !== null);
  const judgeConfidence = confidences.length ? confidences.reduce((a, b) => a + b, 0) / confidences.length : 0.5;
  const agentic = scored.some(({ s }) => s.agentic);
  const qualities = scored.map(({ s }) => s.quality).filter((q): q is number => q !== null);
  const penalty = qualityFloorFactor(qualities, agentic) * FLAG_PENALTY ** negativeFlags.length;
  const blend = (pick: (s: ConversationSlice) => number | null) => {
    const items = scored.map(({ s, w }) => ({ v: pick(s), w })).filter((x): x is { v: number; w: number } => x.v !== null);
    if (items.length === 0) return null;
    const wsum = items.reduce((a, x) => a + x.w, 0);
    const mean = items.reduce((a, x) => a + x.w * x.v, 0) / wsum;
    return 0.7 * mean + 0.3 * Math.max(...items.map((x) => x.v));
  };
  const value = blend((s) => s.value);
  const selection = blend((s) => s.selection);
  base.conv_value = value === null ? null : round(clamp(shrinkTowardMiddle(value * penalty, judgeConfidence)), 1);
  base.conv_selection = selection === null ? null : round(clamp(shrinkTowardMiddle(selection * penalty, judgeConfidence)), 2);

  const rarities = scored.map(({ s, w }) => ({ v: s.rarity, w })).filter((x): x is { v: number; w: number } => x.v !== null);
  if (rarities.length > 0) {
    const wsum = rarities.reduce((a, x) => a + x.w, 0);
    const mean = rarities.reduce((a, x) => a + x.w * x.v, 0) / wsum;
    const peak = Math.max(...rarities.map((x) => x.v));
    const signatures = new Set(scored.map(({ s }) => s.labelSignature ?? ''));
    const diversity = scored.length > 1 ? (signatures.size - 1) / (scored.length - 1) : 0;
    const rarityConfidence = 0.5 * coverageConfidence + 0.5 * judgeConfidence;
    base.rarity_confidence = round(rarityConfidence, 3);
    base.conv_rarity = round(clamp(shrinkTowardMiddle(Math.min(10, 0.75 * mean + 0.25 * peak + 0.4 * diversity), rarityConfidence)), 1);
  }
  return base;
}

function maxOf(values: (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length ? Math.max(...present) : null;
}

function clamp(v: number): number {
  return Math.min(10, Math.max(1, v));
}

function round(n: number, dp: number): number {
  return Math.round(n * 10 ** dp) / 10 ** dp;
}
