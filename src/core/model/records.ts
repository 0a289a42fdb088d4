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

/** Union of everything the sidecar log may contain; readers skip kinds they don't know. */
export type StoreRecord = LabelRecord | { kind: string; sampleId: string; [k: string]: unknown };
