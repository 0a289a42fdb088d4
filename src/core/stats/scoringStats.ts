import { DIMENSIONS } from '../model/labels';
import type { ScoreRecord } from '../model/records';
import type { RunWideScores } from '../scoring/runWide';
import { ORIGIN, type ScoreTable } from '../scoring/table';
import type { Unit } from '../scoring/units';

/**
 * `stats_scoring.json`, field names as sft-label writes them (reference §5.7), computed from the run-wide
 * columns so a million samples cost a few sorts, not a million objects. Percentiles follow sft-label:
 * `p_k = sorted[min(floor(n·k/100), n − 1)]`, sample standard deviation, two decimals.
 */

export interface Distribution {
  mean: number;
  std: number;
  min: number;
  max: number;
  p10: number;
  p25: number;
  p50: number;
  p75: number;
  p90: number;
}

export interface ScoringStats {
  total_samples: number;
  total_labeled: number;
  total_scored: number;
  /** Scores taken from an sft-label file's `value` (not scored by us). */
  total_imported: number;
  /** Imported scores that sft-label estimated instead of asking its judge. */
  total_estimated: number;
  total_failed: number;
  /** Labeled samples without a current score. */
  total_unscored: number;
  total_llm_calls: number;
  total_prompt_tokens: number;
  total_completion_tokens: number;
  total_tokens: number;
  /** One distribution per score (`value_score`, `quality_overall`…) plus `distribution_warnings: string[]`. */
  score_distributions: Record<string, Distribution | Record<string, never> | string[]>;
  histograms: Record<string, number[]>;
  sub_score_means: Record<'complexity' | 'quality' | 'reasoning', Record<string, number>>;
  value_by_tag: Record<string, Record<string, { mean: number; n: number }>>;
  selection_by_tag: Record<string, Record<string, { mean: number; n: number }>>;
  thinking_mode_stats: Record<'slow' | 'fast', { count: number; mean_value: number; mean_quality: number; mean_reasoning: number }>;
  flag_counts: Record<string, number>;
  flag_value_impact: Record<string, { mean_value: number; count: number }>;
  selection_thresholds: Record<string, { threshold: number; count: number }>;
  coverage_at_thresholds: Record<string, { retained: number; pct: number; tags_lost: string[]; coverage: number }>;
  keep_rates: Record<string, number>;
  keep_rate_7: number;
  mean_turns: number;
  conversation_stats: { conversations: number; mean_conv_value: number | null; mean_observed_turn_ratio: number | null };
  compact_prompt_bytes: { scoring: { count: number; sum: number; mean: number; min: number; max: number; hard_cap_hits: number; hard_cap_hit_rate: number } };
  elapsed_seconds: number;
  model: string | null;
  input_file: string;
  prompt_version: string | null;
  weights_used: Record<string, number>;
  rarity_config: {
    stats_ref: RunWideScores['baseline']['ref'];
    total_samples_in_distribution: number;
    dimension_weights: Record<string, number>;
    combo_alpha: number;
    combo_mode: 'baseline' | 'disabled';
    score_mode: 'absolute' | 'percentile';
    absent_combo_rule: string;
  };
  timestamp: string;
}

/** Totals read from the score records while a file is walked (what the columns do not hold). */
export class ScoreTotals {
  llmCalls = 0;
  promptTokens = 0;
  completionTokens = 0;
  failed = 0;
  imported = 0;
  estimated = 0;
  elapsedMs = 0;
  readonly models = new Set<string>();
  readonly promptVersions = new Set<string>();
  private readonly subs = { complexity: new Map<string, [number, number]>(), quality: new Map<string, [number, number]>(), reasoning: new Map<string, [number, number]>() };
  private readonly bytes = { count: 0, sum: 0, min: Infinity, max: 0, capHits: 0 };

  /** The newest score record of a sample; `current` when it was computed from the sample's labels. */
  addRecord(record: ScoreRecord, current: boolean): void {
    const m = record.monitor;
    this.llmCalls += m.llm_calls;
    this.promptTokens += m.prompt_tokens;
    this.completionTokens += m.completion_tokens;
    this.elapsedMs += m.elapsed_ms;
    if (record.model) this.models.add(record.model);
    this.promptVersions.add(record.promptVersion);
    if (m.prompt_bytes > 0) {
      this.bytes.count++;
      this.bytes.sum += m.prompt_bytes;
      this.bytes.min = Math.min(this.bytes.min, m.prompt_bytes);
      this.bytes.max = Math.max(this.bytes.max, m.prompt_bytes);
    }
    if (record.failure?.code === 'prompt_budget_exceeded') this.bytes.capHits++;
    if (record.status === 'failed') {
      this.failed++;
      return;
    }
    if (!current || !record.judgement) return;
    for (const section of ['complexity', 'quality', 'reasoning'] as const) {
      for (const [key, v] of Object.entries(record.judgement[section])) {
        if (typeof v !== 'number') continue;
        const acc = this.subs[section].get(key) ?? [0, 0];
        acc[0] += v;
        acc[1]++;
        this.subs[section].set(key, acc);
      }
    }
  }

  addImported(estimated: boolean): void {
    this.imported++;
    if (estimated) this.estimated++;
  }

  subScoreMeans(): ScoringStats['sub_score_means'] {
    const means = (m: Map<string, [number, number]>) => Object.fromEntries([...m].map(([k, [sum, n]]) => [k, round(sum / n)]));
    return { complexity: means(this.subs.complexity), quality: means(this.subs.quality), reasoning: means(this.subs.reasoning) };
  }

  promptBytes(): ScoringStats['compact_prompt_bytes']['scoring'] {
    const b = this.bytes;
    return {
      count: b.count,
      sum: b.sum,
      mean: b.count ? round(b.sum / b.count, 1) : 0,
      min: b.count ? b.min : 0,
      max: b.max,
      hard_cap_hits: b.capHits,
      hard_cap_hit_rate: b.count + b.capHits ? round(b.capHits / (b.count + b.capHits), 4) : 0,
    };
  }
}

export const COVERAGE_THRESHOLDS = [5, 6, 7, 8] as const;
export const KEEP_RATE_THRESHOLDS = [4, 5, 6, 7] as const;
const TOP_SHARES = [
  ['top_10pct', 90],
  ['top_25pct', 75],
  ['top_50pct', 50],
] as const;
/** Expected share of quality.overall per bucket (1–3, 4–6, 7–8, 9–10), as the rubric tells the judge. */
const EXPECTED_QUALITY = [0.15, 0.5, 0.3, 0.05] as const;
const WARNING_MIN_SCORED = 20;
const WARNING_DEVIATION = 0.2;

export function computeScoringStats(
  table: ScoreTable,
  run: RunWideScores,
  totals: ScoreTotals,
  meta: { inputFile: string; units?: Unit[] },
): ScoringStats {
  const scored: number[] = [];
  let labeled = 0;
  for (let i = 0; i < table.size; i++) {
    if (table.labeled.get(i)) labeled++;
    if (table.origin.get(i) !== ORIGIN.none && !Number.isNaN(run.value[i]!)) scored.push(i);
  }
  const col = (get: (i: number) => number) => scored.map(get).filter((v) => !Number.isNaN(v));
  const series: Record<string, number[]> = {
    value_score: col((i) => run.value[i]!),
    selection_score: col((i) => run.selection[i]!),
    intra_class_rank: col((i) => run.intraClassRank[i]!),
    complexity_overall: col((i) => table.complexity.get(i)),
    quality_overall: col((i) => table.quality.get(i)),
    reasoning_overall: col((i) => table.reasoning.get(i)),
    rarity_score: col((i) => run.rarityScore[i]!),
    confidence: col((i) => table.confidence.get(i)),
  };
  const distributions: Record<string, Distribution | Record<string, never>> = {};
  for (const [k, v] of Object.entries(series)) distributions[k] = distribution(v);
  const histograms: Record<string, number[]> = {};
  for (const k of ['value_score', 'selection_score', 'complexity_overall', 'quality_overall', 'reasoning_overall', 'rarity_score']) {
    histograms[k] = histogram(series[k]!);
  }

  const thinking = (slow: boolean) => {
    const ids = scored.filter((i) => (table.slow.get(i) === 1) === slow);
    const mean = (get: (i: number) => number) => meanOf(ids.map(get).filter((v) => !Number.isNaN(v)));
    return { count: ids.length, mean_value: mean((i) => run.value[i]!), mean_quality: mean((i) => table.quality.get(i)), mean_reasoning: mean((i) => table.reasoning.get(i)) };
  };

  const flagValues = new Map<string, number[]>();
  for (const i of scored) {
    for (const f of table.flagsOf(i)) {
      let values = flagValues.get(f);
      if (!values) flagValues.set(f, (values = []));
      values.push(run.value[i]!);
    }
  }
  const flagCounts = Object.fromEntries([...flagValues].sort((a, b) => b[1].length - a[1].length).map(([f, v]) => [f, v.length]));
  const flagImpact = Object.fromEntries([...flagValues].map(([f, v]) => [f, { mean_value: meanOf(v), count: v.length }]));

  const sortedValues = [...series.value_score!].sort((a, b) => a - b);
  const selectionThresholds: ScoringStats['selection_thresholds'] = {};
  if (sortedValues.length) {
    for (const [name, p] of TOP_SHARES) {
      const threshold = sortedValues[Math.min(Math.floor((sortedValues.length * p) / 100), sortedValues.length - 1)]!;
      selectionThresholds[name] = { threshold: round(threshold, 1), count: sortedValues.filter((v) => v >= threshold).length };
    }
  }

  const keepRates: Record<string, number> = {};
  for (const t of KEEP_RATE_THRESHOLDS) keepRates[t.toFixed(1)] = scored.length ? round(scored.filter((i) => run.value[i]! >= t).length / scored.length, 4) : 0;

  const units = meta.units ?? [];
  const conversations = units.filter((u) => u.conversation && u.conversation.scored_turns > 0).map((u) => u.conversation!);
  return {
    total_samples: table.size,
    total_labeled: labeled,
    total_scored: scored.length,
    total_imported: totals.imported,
    total_estimated: totals.estimated,
    total_failed: totals.failed,
    total_unscored: Math.max(0, labeled - scored.length),
    total_llm_calls: totals.llmCalls,
    total_prompt_tokens: totals.promptTokens,
    total_completion_tokens: totals.completionTokens,
    total_tokens: totals.promptTokens + totals.completionTokens,
    score_distributions: { ...distributions, distribution_warnings: qualityWarnings(series.quality_overall!) },
    histograms,
    sub_score_means: totals.subScoreMeans(),
    value_by_tag: byTag(table, scored, run.value),
    selection_by_tag: byTag(table, scored, run.selection),
    thinking_mode_stats: { slow: thinking(true), fast: thinking(false) },
    flag_counts: flagCounts,
    flag_value_impact: flagImpact,
    selection_thresholds: selectionThresholds,
    coverage_at_thresholds: coverageAtThresholds(table, scored, run.value, COVERAGE_THRESHOLDS),
    keep_rates: keepRates,
    keep_rate_7: keepRates['7.0'] ?? 0,
    mean_turns: meanOf(scored.map((i) => table.totalTurns.get(i))),
    conversation_stats: {
      conversations: conversations.length,
      mean_conv_value: conversations.length ? meanOf(conversations.map((c) => c.conv_value).filter((v): v is number => v !== null)) : null,
      mean_observed_turn_ratio: conversations.length ? meanOf(conversations.map((c) => c.observed_turn_ratio)) : null,
    },
    compact_prompt_bytes: { scoring: totals.promptBytes() },
    elapsed_seconds: round(totals.elapsedMs / 1000),
    model: totals.models.size ? [...totals.models].join(',') : null,
    input_file: meta.inputFile,
    prompt_version: totals.promptVersions.size ? [...totals.promptVersions].sort().join(',') : null,
    weights_used: { ...run.weights },
    rarity_config: {
      stats_ref: run.baseline.ref,
      total_samples_in_distribution: run.baseline.totalSamples,
      dimension_weights: { ...run.rarity.dimensionWeights },
      combo_alpha: run.rarity.comboAlpha,
      combo_mode: run.baseline.combos ? 'baseline' : 'disabled',
      score_mode: run.rarity.mode,
      absent_combo_rule: 'count_as_zero',
    },
    timestamp: new Date().toISOString(),
  };
}

/** mean/std/min/max/p10…p90 of `values` (empty object when there are none). */
export function distribution(values: readonly number[]): Distribution | Record<string, never> {
  const n = values.length;
  if (n === 0) return {};
  const s = [...values].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / n;
  const std = n > 1 ? Math.sqrt(s.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1)) : 0;
  const p = (k: number) => round(s[Math.min(Math.floor((n * k) / 100), n - 1)]!);
  return { mean: round(mean), std: round(std), min: s[0]!, max: s[n - 1]!, p10: p(10), p25: p(25), p50: p(50), p75: p(75), p90: p(90) };
}

/** Ten bins by whole score: bin k counts scores in [k + 1, k + 2); the last one counts the 10s. */
export function histogram(values: readonly number[]): number[] {
  const bins = new Array<number>(10).fill(0);
  for (const v of values) bins[Math.min(9, Math.max(0, Math.floor(v) - 1))]!++;
  return bins;
}

/**
 * Retained samples and the share of tags (`dim:tag`, all nine dimensions) still present among them, for each
 * value threshold; `tags_lost` lists up to 20 tags no retained sample carries.
 */
export function coverageAtThresholds(
  table: ScoreTable,
  scored: readonly number[],
  value: Float64Array,
  thresholds: readonly number[],
): ScoringStats['coverage_at_thresholds'] {
  const all = new Set<string>();
  for (const i of scored) for (let d = 0; d < DIMENSIONS.length; d++) for (const t of table.tagsOf(i, d)) all.add(`${DIMENSIONS[d]}:${t}`);
  const out: ScoringStats['coverage_at_thresholds'] = {};
  for (const t of thresholds) {
    const kept = scored.filter((i) => value[i]! >= t);
    const tags = new Set<string>();
    for (const i of kept) for (let d = 0; d < DIMENSIONS.length; d++) for (const tag of table.tagsOf(i, d)) tags.add(`${DIMENSIONS[d]}:${tag}`);
    out[t.toFixed(1)] = {
      retained: kept.length,
      pct: scored.length ? round(kept.length / scored.length) : 0,
      tags_lost: [...all].filter((x) => !tags.has(x)).sort().slice(0, 20),
      coverage: all.size ? round(tags.size / all.size, 3) : 0,
    };
  }
  return out;
}

function byTag(table: ScoreTable, scored: readonly number[], metric: Float64Array): ScoringStats['value_by_tag'] {
  const out: ScoringStats['value_by_tag'] = {};
  table.dims.forEach((d, dimIndex) => {
    const sums = new Map<string, [number, number]>();
    for (const i of scored) {
      const v = metric[i]!;
      if (Number.isNaN(v)) continue;
      for (const t of table.tagsOf(i, dimIndex)) {
        const acc = sums.get(t) ?? [0, 0];
        acc[0] += v;
        acc[1]++;
        sums.set(t, acc);
      }
    }
    out[d.dim] = Object.fromEntries(
      [...sums].map(([t, [sum, n]]) => [t, { mean: round(sum / n), n }] as const).sort((a, b) => b[1].mean - a[1].mean || a[0].localeCompare(b[0])),
    );
  });
  return out;
}

function qualityWarnings(qualities: readonly number[]): string[] {
  if (qualities.length < WARNING_MIN_SCORED) return [];
  const buckets = [0, 0, 0, 0];
  for (const q of qualities) buckets[q <= 3 ? 0 : q <= 6 ? 1 : q <= 8 ? 2 : 3]!++;
  const names = ['1-3', '4-6', '7-8', '9-10'];
  const out: string[] = [];
  buckets.forEach((count, b) => {
    const share = count / qualities.length;
    if (Math.abs(share - EXPECTED_QUALITY[b]!) > WARNING_DEVIATION) {
      out.push(`quality ${names[b]}: ${(share * 100).toFixed(1)}% of samples, expected about ${(EXPECTED_QUALITY[b]! * 100).toFixed(0)}%`);
    }
  });
  return out;
}

function meanOf(values: readonly number[]): number {
  return values.length ? round(values.reduce((a, b) => a + b, 0) / values.length) : 0;
}

function round(n: number, dp = 2): number {
  return Math.round(n * 10 ** dp) / 10 ** dp;
}
