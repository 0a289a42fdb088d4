import { ARBITRATION_THRESHOLD, DIMENSIONS, tagsOf, type Dimension, type LabelSet } from '../model/labels';
import type { LabelRecord } from '../model/records';

/**
 * `stats_labeling.json`, field for field compatible with sft-label (reference §4.8), plus a few of
 * ours (`labeler_counts`, `partial`, `failure_codes`, `not_labeled`, `input_issues`).
 */
export interface LabelingStats {
  total_samples: number;
  distribution_total_samples: number;
  success: number;
  failed: number;
  partial: number;
  not_labeled: number;
  success_rate: number;
  total_llm_calls: number;
  avg_calls_per_sample: number;
  total_prompt_tokens: number;
  total_completion_tokens: number;
  total_tokens: number;
  arbitrated_count: number;
  arbitrated_rate: number;
  validation_issue_count: number;
  consistency_warning_count: number;
  unmapped_tags: Record<string, number>;
  unmapped_unique_count: number;
  canonicalization_counts: Record<string, number>;
  canonicalization_total_count: number;
  canonicalization_unique_count: number;
  confidence_stats: Record<string, { mean: number; min: number; max: number; below_threshold: number; count: number }>;
  low_confidence_frequency: Record<string, number>;
  tag_distributions: Record<string, Record<string, number>>;
  combo_distributions: Record<string, number>;
  cross_matrix: Record<string, number>;
  labeler_counts: Record<string, number>;
  failure_codes: Record<string, number>;
  input_issues: number;
  input_file: string;
  model: string | null;
  taxonomy_hash: string | null;
  timestamp: string;
  total_elapsed_seconds: number;
}

/** Key of a sample's tag combination, in the format sft-label's rarity reads (reference §5.1). */
export function comboKey(labels: LabelSet): string {
  const part = (dim: Dimension, max: number) => [...tagsOf(labels, dim)].sort().slice(0, max).join(',');
  return [
    `intent=${labels.intent ?? ''}`,
    `difficulty=${labels.difficulty ?? ''}`,
    `context=${labels.context ?? ''}`,
    `language=${part('language', 99)}`,
    `domain=${part('domain', 2)}`,
    `task=${part('task', 2)}`,
    `concept=${part('concept', 3)}`,
    `agentic=${part('agentic', 2)}`,
    `constraint=${part('constraint', 2)}`,
  ].join('|');
}

const round = (n: number, dp = 4) => Math.round(n * 10 ** dp) / 10 ** dp;

/** Accumulates stats sample by sample, so a million-sample file never has to be held in memory. */
export class LabelingStatsBuilder {
  private total = 0;
  private success = 0;
  private failed = 0;
  private partial = 0;
  private notLabeled = 0;
  private calls = 0;
  private promptTokens = 0;
  private completionTokens = 0;
  private arbitrated = 0;
  private validationIssues = 0;
  private consistencyWarnings = 0;
  private elapsedMs = 0;
  private readonly unmapped: Record<string, number> = {};
  private readonly canon: Record<string, number> = {};
  private readonly conf = new Map<Dimension, { sum: number; min: number; max: number; below: number; count: number }>();
  private readonly tags: Record<string, Record<string, number>> = {};
  private readonly combos: Record<string, number> = {};
  private readonly cross: Record<string, number> = {};
  private readonly labelers: Record<string, number> = {};
  private readonly failures: Record<string, number> = {};
  private readonly models = new Set<string>();
  private readonly taxonomies = new Set<string>();
  inputIssues = 0;

  /** One sample of the dataset and its current record (undefined when it was never labeled). */
  add(record: LabelRecord | undefined): void {
    this.total++;
    if (!record) {
      this.notLabeled++;
      return;
    }
    if (record.model) this.models.add(record.model);
    this.taxonomies.add(record.taxonomyHash);
    const m = record.monitor;
    this.calls += m.llm_calls;
    this.promptTokens += m.prompt_tokens;
    this.completionTokens += m.completion_tokens;
    this.elapsedMs += m.elapsed_ms;
    this.validationIssues += m.validation_issues.length;
    this.consistencyWarnings += m.consistency_warnings.length;
    if (m.arbitrated) this.arbitrated++;
    this.labelers[record.labeler] = (this.labelers[record.labeler] ?? 0) + 1;
    if (record.status === 'failed') {
      this.failed++;
      const code = record.failure?.code ?? 'unknown';
      this.failures[code] = (this.failures[code] ?? 0) + 1;
      return;
    }
    if (record.status === 'partial') {
      // Partial labels are counted as failures and kept out of distributions, as in sft-label.
      this.partial++;
      this.failed++;
      return;
    }
    this.success++;
    const labels = record.labels;
    if (!labels) return;
    for (const u of labels.unmapped) bump(this.unmapped, `${u.dimension}:${u.value}`);
    for (const c of labels.canonicalized) {
      bump(this.canon, `${c.source_dimension}:${c.source_value}->${c.target_dimension}:${c.canonical_value}`);
    }
    for (const dim of DIMENSIONS) {
      const dist = (this.tags[dim] ??= {});
      for (const t of tagsOf(labels, dim)) bump(dist, t);
      const c = labels.confidence[dim];
      if (typeof c === 'number') {
        const s = this.conf.get(dim) ?? { sum: 0, min: Infinity, max: -Infinity, below: 0, count: 0 };
        s.sum += c;
        s.min = Math.min(s.min, c);
        s.max = Math.max(s.max, c);
        s.count++;
        if (c < ARBITRATION_THRESHOLD) s.below++;
        this.conf.set(dim, s);
      }
    }
    bump(this.combos, comboKey(labels));
    bump(this.cross, `${labels.intent ?? ''}|${labels.difficulty ?? ''}`);
  }

  build(meta: { inputFile: string }): LabelingStats {
    const confidence_stats: LabelingStats['confidence_stats'] = {};
    const low_confidence_frequency: Record<string, number> = {};
    for (const [dim, s] of this.conf) {
      confidence_stats[dim] = { mean: round(s.sum / s.count), min: s.min, max: s.max, below_threshold: s.below, count: s.count };
      low_confidence_frequency[dim] = s.below;
    }
    const labeled = this.success + this.failed;
    const canonTotal = Object.values(this.canon).reduce((a, b) => a + b, 0);
    return {
      total_samples: this.total,
      distribution_total_samples: this.success,
      success: this.success,
      failed: this.failed,
      partial: this.partial,
      not_labeled: this.notLabeled,
      success_rate: labeled ? round(this.success / labeled) : 0,
      total_llm_calls: this.calls,
      avg_calls_per_sample: labeled ? round(this.calls / labeled, 3) : 0,
      total_prompt_tokens: this.promptTokens,
      total_completion_tokens: this.completionTokens,
      total_tokens: this.promptTokens + this.completionTokens,
      arbitrated_count: this.arbitrated,
      arbitrated_rate: labeled ? round(this.arbitrated / labeled) : 0,
      validation_issue_count: this.validationIssues,
      consistency_warning_count: this.consistencyWarnings,
      unmapped_tags: sortDesc(this.unmapped),
      unmapped_unique_count: Object.keys(this.unmapped).length,
      canonicalization_counts: sortDesc(this.canon),
      canonicalization_total_count: canonTotal,
      canonicalization_unique_count: Object.keys(this.canon).length,
      confidence_stats,
      low_confidence_frequency,
      tag_distributions: Object.fromEntries(DIMENSIONS.map((d) => [d, sortDesc(this.tags[d] ?? {})])),
      combo_distributions: sortDesc(this.combos),
      cross_matrix: sortDesc(this.cross),
      labeler_counts: this.labelers,
      failure_codes: this.failures,
      input_issues: this.inputIssues,
      input_file: meta.inputFile,
      model: this.models.size ? [...this.models].join(',') : null,
      taxonomy_hash: this.taxonomies.size === 1 ? [...this.taxonomies][0]! : this.taxonomies.size ? 'mixed' : null,
      timestamp: new Date().toISOString(),
      total_elapsed_seconds: round(this.elapsedMs / 1000, 2),
    };
  }
}

function bump(map: Record<string, number>, key: string): void {
  map[key] = (map[key] ?? 0) + 1;
}

function sortDesc(map: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(map).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
}
