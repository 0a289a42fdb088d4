import type { Sample } from '../model/conversation';
import type { RarityResult, ScoreRecord } from '../model/records';
import type { SampleState } from '../scoring/labelSource';
import type { RunWideScores } from '../scoring/runWide';
import { ORIGIN, type ScoreTable } from '../scoring/table';
import type { Unit } from '../scoring/units';
import { toLabeledSample } from './sftLabelFormat';

/**
 * Rows of `scored.json[l]`, `monitor_value.jsonl` and `conversation_scores.json` in sft-label's shapes
 * (reference §5.7, §5.8). The numbers come from the run-wide computation, so every row of an export is measured
 * against the same baseline. A score imported from an sft-label file keeps its original `value` object under
 * `value.imported` (and its `estimation` marker at the top), and embedded labels keep their own markers such as
 * `inherited`: nothing an input carried is silently dropped, in the JSON and the JSONL layout alike.
 */

/** The `value` object of sample `index`, or null when it has no score. */
export function valueObject(table: ScoreTable, run: RunWideScores, index: number, state: SampleState): Record<string, unknown> | null {
  const origin = table.origin.get(index);
  if (origin === ORIGIN.none || Number.isNaN(run.value[index]!)) return null;
  const num = (v: number) => (Number.isNaN(v) ? null : v);
  const rarity: RarityResult = {
    score: num(run.rarityScore[index]!),
    tag_rarity: round(num(run.tagRarity[index]!), 3),
    combo_rarity: round(num(run.comboRarity[index]!), 3),
    effective_confidence: round(num(run.effectiveConfidence[index]!), 3) ?? 0,
    uncertainty: round(Number.isNaN(run.effectiveConfidence[index]!) ? null : 1 - run.effectiveConfidence[index]!, 3) ?? 1,
    stats_ref: run.baseline.ref,
  };
  const computed = {
    rarity,
    thinking_mode: table.slow.get(index) ? 'slow' : 'fast',
    value_score: run.value[index]!,
    confidence: table.confidence.get(index),
    selection_score: num(run.selection[index]!),
    intra_class_rank: num(run.intraClassRank[index]!),
    pure_quality: round(num(run.pureQuality[index]!), 2),
  };
  const score = state.score;
  if (origin === ORIGIN.ours && score?.judgement) {
    const j = score.judgement;
    return {
      complexity: j.complexity,
      quality: j.quality,
      reasoning: j.reasoning,
      ...computed,
      flags: j.flags,
      unknown_flags: j.unknown_flags,
      source: 'sft-labeler',
      model: score.model ?? null,
      prompt_version: score.promptVersion,
    };
  }
  const imported = state.embedded?.value;
  const raw = imported?.raw ?? {};
  const out: Record<string, unknown> = {
    complexity: raw.complexity ?? { overall: num(table.complexity.get(index)) },
    quality: raw.quality ?? { overall: num(table.quality.get(index)) },
    reasoning: raw.reasoning ?? { overall: num(table.reasoning.get(index)) },
    ...computed,
    flags: imported?.flags ?? table.flagsOf(index),
    source: 'sft-label',
    imported: raw,
  };
  if (raw.estimation !== undefined) out.estimation = raw.estimation;
  return out;
}

/** One `scored.json[l]` row: the labeled sample plus its `value` (null when unscored). */
export function toScoredSample(sample: Sample, state: SampleState, value: Record<string, unknown> | null): Record<string, unknown> {
  const row = toLabeledSample(sample, state.labels?.origin === 'sidecar' ? state.labelRecord : undefined);
  if (state.labels?.origin === 'embedded' && state.embedded?.rawLabels) row.labels = state.embedded.rawLabels;
  row.value = value;
  return row;
}

/** A `monitor_value.jsonl` line for the newest score record of a sample. */
export function toValueMonitorLine(sample: Sample, record: ScoreRecord, index: number, current: boolean): Record<string, unknown> {
  const m = record.monitor;
  return {
    sample_id: sample.id,
    id: sample.displayId,
    index,
    status: record.status,
    current,
    model: record.model ?? null,
    prompt_version: record.promptVersion,
    llm_calls: m.llm_calls,
    attempts: m.attempts,
    prompt_tokens: m.prompt_tokens,
    completion_tokens: m.completion_tokens,
    elapsed_seconds: Math.round(m.elapsed_ms) / 1000,
    latency_ms: m.latency_ms,
    assembled_prompt_bytes: m.prompt_bytes,
    budget_chars: m.budget_chars,
    truncated: m.truncated,
    response_format: m.response_format ?? null,
    validation_issues: m.validation_issues,
    errors: m.errors,
    ...(record.failure ? { error: record.failure.message, error_code: record.failure.code, http_status: record.failure.httpStatus ?? null } : {}),
    source_file: sample.source.file,
  };
}

/** Where a multi-reply row is, for `conversation_scores.json`. */
export interface RowInfo {
  line: number;
  rowId?: string;
  displayBase: string;
}

/** A `conversation_scores.json` record. */
export function conversationRecord(file: string, unit: Unit, info: RowInfo | undefined): Record<string, unknown> {
  return {
    conversation_id: info?.displayBase ?? `row${unit.rowIndex}`,
    conversation_key: `${file}::${unit.rowIndex}`,
    source_file: file,
    source_row: unit.rowIndex,
    source_line: info?.line ?? null,
    source_id: info?.rowId ?? null,
    ...unit.conversation,
  };
}

function round(v: number | null, dp: number): number | null {
  return v === null ? null : Math.round(v * 10 ** dp) / 10 ** dp;
}
