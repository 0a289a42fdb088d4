/**
 * Plain data of the dashboard: one row per sample (what the explorer filters and every chart is counted
 * from) and the summary the charts draw. Pure types and constants: this file is bundled into the browser
 * (webview and standalone report), so it must never import Node modules.
 */
import type { Dimension } from '../model/labels';
import type { LabelerKind } from '../model/records';

/** The Pass 2 scores a sample can carry, in the order the dashboard shows them. */
export const SCORE_KEYS = ['value', 'selection', 'complexity', 'quality', 'reasoning', 'rarity', 'confidence'] as const;
export type ScoreKey = (typeof SCORE_KEYS)[number];

/** One sample's scores; `null` where the scorer gave none (e.g. no selection score before the run-wide pass). */
export type ScoreValues = Record<ScoreKey, number | null>;

/** Label state of a sample as the dashboard counts it. `unlabeled` = no record for its current content. */
export type RowStatus = 'success' | 'partial' | 'failed' | 'unlabeled';

/** Who labeled a sample: our LLM or heuristic labeler, or sft-label (labels carried in the row of its output files). */
export type RowLabeler = LabelerKind | 'imported';

/**
 * Score state of a sample: `scored` by our Pass 2 from its current labels, `imported` from the `value` an
 * sft-label file carries, `failed` (the judge gave nothing usable), `stale` (scored from labels that changed since).
 */
export type ScoreState = 'scored' | 'imported' | 'failed' | 'stale' | 'none';

/**
 * Everything the dashboard needs about one sample, small enough to hold 100,000 of them: labels as
 * `dim:tag` tokens, excerpts instead of the conversation (the detail view reads the file again).
 */
export interface SampleRow {
  /** Index into the scope's file list. */
  file: number;
  /** 1-based line of the record in its file. */
  line: number;
  /** Record's byte range in the file, for reading it back in the detail view. */
  byteStart: number;
  byteEnd: number;
  /** 0-based record index in the file: samples of one conversation share it. */
  rowIndex: number;
  /** Content-derived sample id (`s1:…`). */
  id: string;
  displayId: string;
  /** 1-based index of the reply among the conversation's replies, and their number. */
  turn: number;
  turns: number;
  thinking: 'slow' | 'fast';
  status: RowStatus;
  labeler: RowLabeler | null;
  tokens: number;
  calls: number;
  arbitrated: boolean;
  intent: string | null;
  difficulty: string | null;
  /** Tags of every dimension as `dim:tag`, dimension order then tag order. Only for `success`. */
  tags: string[];
  /** Label confidence per dimension, aligned with `DIMENSIONS` (null: none given). */
  conf: (number | null)[];
  /** Tags the taxonomy did not know, as `dim:value`. */
  unmapped: string[];
  /**
   * Scores when the judge's numbers are current (`scoreState` scored or imported). Value, rarity and selection
   * are the run-wide numbers of the sample's file (as exports and `select` compute them), not the record's.
   */
  scores: ScoreValues | null;
  scoreState: ScoreState;
  flags: string[];
  /** Conversation-level scores of the sample's record when it has two or more replies (null otherwise). */
  conv: { value: number | null; selection: number | null; peakComplexity: number | null } | null;
  /** Start of the request the reply answers, and of the reply. */
  query: string;
  reply: string;
}

/** What was asked for: a file, a folder (recursive) or every workspace folder. */
export type ScopeKind = 'file' | 'folder' | 'workspace';

export interface ScopeInfo {
  kind: ScopeKind;
  /** Short name for the title ("chat.jsonl", "data/", "workspace"). */
  label: string;
}

/** One dataset file of the scope; `path` is shown, relative to the scope's root where possible. */
export interface FileInfo {
  path: string;
  sizeBytes: number;
}

/** A fixed-width histogram: `bins[i]` counts values in `[lo + i·width, lo + (i+1)·width)`, the last bin closed. */
export interface Histogram {
  lo: number;
  width: number;
  bins: number[];
  n: number;
  mean: number | null;
  min: number | null;
  max: number | null;
  median: number | null;
}

export interface TagCount {
  tag: string;
  count: number;
}

export interface ConfidenceStat {
  mean: number;
  min: number;
  max: number;
  /** Samples whose confidence for this dimension is below the arbitration threshold. */
  below: number;
  count: number;
}

export interface UnmappedExample {
  file: number;
  line: number;
  id: string;
  displayId: string;
  query: string;
}

export interface UnmappedEntry {
  value: string;
  count: number;
  examples: UnmappedExample[];
}

export interface Overview {
  samples: number;
  labeled: number;
  failed: number;
  partial: number;
  unlabeled: number;
  tokens: number;
  llmCalls: number;
  arbitrated: number;
  unmappedDistinct: number;
  unmappedTotal: number;
  labelers: { llm: number; heuristic: number; imported: number };
  scored: number;
  /** Scores taken from sft-label files (included in `scored`). */
  scoredImported: number;
  scoreFailed: number;
  /** Scored from labels that changed since: shown as not scored. */
  scoreStale: number;
  conversations: number;
  multiTurnConversations: number;
  inputIssues: number;
}

export interface CrossMatrix {
  intents: string[];
  difficulties: string[];
  /** `cells[i][j]`: samples with intents[i] and difficulties[j]. */
  cells: number[][];
  rowTotals: number[];
  colTotals: number[];
  total: number;
}

export interface PoolCoverage {
  used: number;
  pool: number;
  /** Tags of the taxonomy no labeled sample has. */
  unused: string[];
}

export interface ThinkingStat {
  count: number;
  scored: number;
  value: number | null;
  quality: number | null;
  reasoning: number | null;
}

export interface TagValue {
  tag: string;
  mean: number;
  n: number;
}

export interface FlagStat {
  flag: string;
  count: number;
  /** Mean value of flagged samples, and the difference to unflagged ones (negative: flag costs value). */
  meanValue: number | null;
  impact: number | null;
}

export interface ThresholdBand {
  /** Top share of samples by selection score, in percent (10, 25, 50). */
  topPercent: number;
  threshold: number;
  count: number;
}

export interface CoverageRow {
  /** Minimum value score kept. */
  threshold: number;
  retained: number;
  /** retained / scored, in [0, 1]. */
  share: number;
  /** Distinct tags still present / distinct tags among all scored samples, in [0, 1]. */
  tagCoverage: number;
  /** Tags no retained sample has, most frequent first (≤ 20). */
  tagsLost: string[];
}

/** Thresholds of the file ranking's keep-rate switch (selection score ≥ threshold). */
export const KEEP_RATE_THRESHOLDS = [4, 5, 6, 7] as const;
/** Value thresholds of the coverage table. */
export const COVERAGE_THRESHOLDS = [5, 6, 7, 8] as const;
/** Top shares of the selection threshold table, in percent. */
export const TOP_PERCENTS = [10, 25, 50] as const;

export interface ScoringSummary {
  scored: number;
  /** Which score the selection tables rank by: `selection` when present, else `value`. */
  rankedBy: 'selection' | 'value';
  histograms: Record<ScoreKey, Histogram>;
  valueByTag: Record<Dimension, TagValue[]>;
  flags: FlagStat[];
  thresholds: ThresholdBand[];
  coverage: CoverageRow[];
}

export interface ConversationSummary {
  /** Conversations with two or more replies. */
  count: number;
  meanTurns: number;
  /** Replies per conversation, bucketed ("2", "3", "4", "5–7", "8–15", "16+"). */
  turnBuckets: { label: string; min: number; max: number | null; count: number }[];
  thinking: { allFast: number; allSlow: number; mixed: number };
  /** Conversation value, selection and peak complexity of the records that have them (Pass 2 conversation scores). */
  convValue: Histogram | null;
  convSelection: Histogram | null;
  peakComplexity: Histogram | null;
}

export interface FileSummary {
  file: number;
  samples: number;
  labeled: number;
  failed: number;
  scored: number;
  mean: Partial<Record<ScoreKey, number>>;
  /** Share of scored samples with selection (or value) ≥ threshold, keyed by threshold. */
  keepRates: Record<string, number>;
  /** Mean replies per conversation. */
  meanTurns: number;
}

/** Everything the dashboard's charts draw for one scope. */
export interface DashboardSummary {
  scope: ScopeInfo;
  files: FileInfo[];
  generatedAt: string;
  overview: Overview;
  tagDistributions: Record<Dimension, TagCount[]>;
  confidence: Partial<Record<Dimension, ConfidenceStat>>;
  crossMatrix: CrossMatrix;
  /** Null when no taxonomy was given to compare with. */
  poolCoverage: Partial<Record<Dimension, PoolCoverage>> | null;
  unmapped: Partial<Record<Dimension, UnmappedEntry[]>>;
  thinking: { slow: ThinkingStat; fast: ThinkingStat };
  /** Null until at least one sample of the scope has scores. */
  scoring: ScoringSummary | null;
  conversations: ConversationSummary | null;
  fileRanking: FileSummary[];
}

/** One turn of the conversation in the detail view, clipped to a readable length. */
export interface DetailTurn {
  role: string;
  text: string;
  reasoning?: string;
  toolName?: string;
  /** True when `text` or `reasoning` was cut. */
  clipped: boolean;
}

/** Everything the detail view shows about one sample. */
export interface SampleDetail {
  file: number;
  line: number;
  id: string;
  displayId: string;
  turn: number;
  turns: number;
  thinking: 'slow' | 'fast';
  status: RowStatus;
  labeler: RowLabeler | null;
  labels: { dim: Dimension; tags: string[]; confidence: number | null }[];
  unmapped: string[];
  scores: ScoreValues | null;
  flags: string[];
  /** The judge's sub-scores, e.g. `quality.correctness`. */
  subScores: { name: string; value: number | boolean | null }[];
  /** Facts about how the labels and scores were made (model, calls, tokens, failure...). */
  facts: { name: string; value: string }[];
  /** The conversation up to the reply; null when it is not available (standalone reports of big scopes). */
  conversation: DetailTurn[] | null;
  /** Something the reader should know (sample changed since, earlier turns not shown...). */
  note: string | null;
}
