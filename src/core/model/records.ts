import type { DatasetFormat } from './conversation';
import type { Dimension, LabelSet } from './labels';

/**
 * What the store keeps per sample. The sidecar is an append-only log of these records;
 * the newest record of a kind for a sample id wins. Kinds leave room for what comes next
 * (Pass 2 `score`, human `review` records) beside the machine labels without rewriting them.
 */

export type LabelerKind = 'llm' | 'heuristic';

export type SampleStatus =
  | 'success'
  /** Call 1 succeeded, Call 2 failed for good: labels are partial and not counted as usable. */
  | 'partial'
  | 'failed';

/** Why a sample failed, as a stable code the editor and stats can group by. */
export type FailureCode =
  | 'context_length'
  | 'content_filtered'
  | 'invalid_answer'
  | 'retries_exhausted'
  | 'timeout'
  | 'http_error'
  | 'prompt_budget_exceeded'
  | 'internal';

/** Per-sample monitor, the `monitor.jsonl` record of sft-label (reference §4.7) in our words. */
export interface LabelMonitor {
  llm_calls: number;
  attempts: number;
  prompt_tokens: number;
  completion_tokens: number;
  /** Wall-clock from first request to final answer. */
  elapsed_ms: number;
  /** Sum of per-request latencies (excludes waiting in the queue). */
  latency_ms: number;
  arbitrated: boolean;
  /** Dimensions that were re-asked because their confidence was below the threshold. */
  low_confidence_dims: { dim: Dimension; conf: number }[];
  validation_issues: string[];
  consistency_warnings: string[];
  /** Structured-output rung actually used: `json_schema`, `json_object` or `prompt`. */
  response_format?: string;
  truncated?: boolean;
  call1_cached?: boolean;
  errors: string[];
}

/** Fingerprint of everything that would change a label if it changed. */
export interface LabelKey {
  /** Content of the sample (== sample id, content-derived). */
  sampleId: string;
  taxonomyHash: string;
  promptVersion: string;
  labeler: LabelerKind;
}

export interface LabelRecord {
  kind: 'label';
  /** Record schema version. */
  v: 1;
  sampleId: string;
  taxonomyHash: string;
  promptVersion: string;
  labeler: LabelerKind;
  model?: string;
  status: SampleStatus;
  labels?: LabelSet;
  failure?: { code: FailureCode; message: string; httpStatus?: number };
  monitor: LabelMonitor;
  /** Where the sample was when it was labeled: lets the editor show "stale" after an edit. */
  locator: {
    rowIndex: number;
    line: number;
    rowId?: string;
    turnIndex: number;
    totalTurns: number;
    displayId: string;
    format: DatasetFormat;
  };
  /** Run that wrote it (a local run id, or later a Batch API job id). */
  runId: string;
  /** ISO time. */
  at: string;
}

/** Where a sample sits in its file when a record is written (shared by every record kind). */
export type RecordLocator = LabelRecord['locator'];

/** The two flags a Pass 2 judge may raise (reference §5.3); anything else is kept aside as `unknown_flags`. */
export const SCORE_FLAGS = ['has-bug', 'incomplete'] as const;
export type ScoreFlag = (typeof SCORE_FLAGS)[number];

/** Sub-scores are whole numbers 1–10; null when the judge gave nothing usable for that field. */
export interface ComplexityScores {
  instruction: number | null;
  analytical_depth: number | null;
  implementation: number | null;
  overall: number | null;
}
export interface QualityScores {
  correctness: number | null;
  code_quality: number | null;
  explanation: number | null;
  completeness: number | null;
  overall: number | null;
}
export interface ReasoningScores {
  clarity: number | null;
  consistency: number | null;
  self_correction: boolean | null;
  overall: number | null;
}

/** What the Pass 2 judge said about one sample, after validation and reconciliation. */
export interface ScoreJudgement {
  complexity: ComplexityScores;
  quality: QualityScores;
  reasoning: ReasoningScores;
  flags: ScoreFlag[];
  unknown_flags: string[];
  /** The judge's certainty, 0..1. */
  confidence: number;
}

/** Which tag counts rarity was measured against (sft-label's `stats_ref`). */
export interface StatsRef {
  /** Path of the stats file, or `dataset` (the file's own Pass 1 labels) or `scored` (the samples in scope). */
  source: string;
  total_samples: number;
  timestamp: string;
}

/** Rarity of a sample's tags against a baseline (reference §5.1), 1–10 once normalised. */
export interface RarityResult {
  /** null when no dimension of the labels could be measured against the baseline. */
  score: number | null;
  tag_rarity: number | null;
  /** null when combo rarity is disabled (no combination counts in the baseline). */
  combo_rarity: number | null;
  /** Mean label confidence used to blend observed and prior rarity. */
  effective_confidence: number;
  uncertainty: number;
  stats_ref: StatsRef;
}

/** Per-sample monitor of a Pass 2 call (sft-label's `monitor_value.jsonl` in our words). */
export interface ScoreMonitor {
  llm_calls: number;
  attempts: number;
  prompt_tokens: number;
  completion_tokens: number;
  elapsed_ms: number;
  latency_ms: number;
  validation_issues: string[];
  errors: string[];
  response_format?: string;
  /** Some part of the conversation was cut to fit the scoring budget. */
  truncated: boolean;
  /** UTF-8 bytes of the user message actually sent. */
  prompt_bytes: number;
  /** Character budget the conversation was cut to. */
  budget_chars: number;
}

/**
 * Pass 2 result for one sample. It is current while the sample's labels hash to `labelsFingerprint` and the
 * scoring prompt is `promptVersion`; a relabel changes the fingerprint and so makes the score stale.
 * `rarity` and `value_score` are what they were at scoring time; exports recompute them run-wide.
 */
export interface ScoreRecord {
  kind: 'score';
  v: 1;
  sampleId: string;
  labelsFingerprint: string;
  /** Where the labels came from: our sidecar, or the `labels` an sft-label file carries in the row. */
  labelsOrigin: 'sidecar' | 'embedded';
  promptVersion: string;
  model?: string;
  status: 'success' | 'failed';
  thinkingMode: 'slow' | 'fast';
  judgement?: ScoreJudgement;
  rarity?: RarityResult;
  value_score?: number;
  failure?: { code: FailureCode; message: string; httpStatus?: number };
  monitor: ScoreMonitor;
  locator: RecordLocator;
  runId: string;
  at: string;
}

/** Kinds of record the log indexes; human `review` records will join them. */
export type RecordKind = 'label' | 'score';

/** Union of everything the sidecar log may contain; readers skip kinds they don't know. */
export type StoreRecord = LabelRecord | ScoreRecord | { kind: string; sampleId: string; [k: string]: unknown };
