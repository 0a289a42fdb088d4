/**
 * The whole dashboard summary of a scope, from its rows. Pure and fast (a single-digit number of passes
 * over the rows), so the extension recomputes it after every change of a sidecar instead of patching it.
 */
import type { Dimension } from '../model/labels';
import { conversationsOf } from './conversationSummary';
import { fileRankingOf } from './fileRanking';
import {
  confidenceOf,
  crossMatrixOf,
  overviewOf,
  poolCoverageOf,
  tagDistributionsOf,
  unmappedOf,
} from './labelingSummary';
import type { DashboardSummary, FileInfo, SampleRow, ScopeInfo } from './model';
import { scoringOf, thinkingOf } from './scoringSummary';

export interface SummaryInput {
  scope: ScopeInfo;
  files: FileInfo[];
  rows: readonly SampleRow[];
  /** Tag ids of the taxonomy per dimension, for pool coverage (omit when unknown). */
  pool?: Partial<Record<Dimension, readonly string[]>>;
  /** Problems found while reading the data (bad JSON, rows without replies...). */
  inputIssues?: number;
  /** Time stamp to report (defaults to now; tests pin it). */
  now?: Date;
}

export function summarize(input: SummaryInput): DashboardSummary {
  const { rows } = input;
  const tagDistributions = tagDistributionsOf(rows);
  return {
    scope: input.scope,
    files: input.files,
    generatedAt: (input.now ?? new Date()).toISOString(),
    overview: overviewOf(rows, input.inputIssues ?? 0),
    tagDistributions,
    confidence: confidenceOf(rows),
    crossMatrix: crossMatrixOf(rows),
    poolCoverage: input.pool ? poolCoverageOf(tagDistributions, input.pool) : null,
    unmapped: unmappedOf(rows),
    thinking: thinkingOf(rows),
    scoring: scoringOf(rows),
    conversations: conversationsOf(rows),
    fileRanking: fileRankingOf(rows, input.files.length),
  };
}
