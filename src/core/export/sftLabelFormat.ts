import type { Sample, Turn } from '../model/conversation';
import type { LabelRecord } from '../model/records';

/** Roles as sft-label writes them in `conversations[].from`. */
const FROM: Record<string, string> = { user: 'human', assistant: 'gpt', system: 'system', tool: 'tool' };

function toShareGpt(turn: Turn): { from: string; value: string } {
  return { from: FROM[turn.role] ?? turn.role, value: turn.text };
}

/**
 * One exported sample in the shape of sft-label's `labeled.json` (reference §4.6): ShareGPT turns,
 * slice metadata, `labels` and `labeling_monitor`, plus our `sample_id` so files can be joined back.
 */
export function toLabeledSample(sample: Sample, record: LabelRecord | undefined): Record<string, unknown> {
  const final = sample.turns[sample.turns.length - 1];
  const metadata: Record<string, unknown> = {
    source_file: sample.source.file,
    source_row: sample.source.rowIndex,
    source_line: sample.source.line,
    source_id: sample.rowId ?? null,
    turn_index: sample.turnIndex,
    total_turns: sample.totalTurns,
    original_format: sample.format,
    thinking_mode: sample.thinkingMode,
  };
  if (final?.reasoning) metadata.cot_text = final.reasoning;
  if (sample.tools?.length) metadata.tool_definitions = sample.tools;
  const out: Record<string, unknown> = {
    id: sample.displayId,
    sample_id: sample.id,
    conversations: sample.turns.map(toShareGpt),
    metadata,
  };
  if (record?.labels) {
    out.labels =
      record.status === 'partial'
        ? { ...record.labels, partial: true, partial_stage: 'call1' }
        : record.labels;
  }
  if (record) {
    out.labeling_monitor = {
      status: record.status,
      labeler: record.labeler,
      model: record.model ?? null,
      llm_calls: record.monitor.llm_calls,
      arbitrated: record.monitor.arbitrated,
      validation_issues: record.monitor.validation_issues,
      consistency_warnings: record.monitor.consistency_warnings,
      ...(record.failure ? { error: record.failure.message, error_code: record.failure.code } : {}),
    };
  }
  return out;
}

/** A `monitor.jsonl` line (reference §4.7). */
export function toMonitorLine(sample: Sample, record: LabelRecord, index: number): Record<string, unknown> {
  const m = record.monitor;
  return {
    sample_id: sample.id,
    id: sample.displayId,
    index,
    status: record.status,
    labeler: record.labeler,
    llm_calls: m.llm_calls,
    attempts: m.attempts,
    total_prompt_tokens: m.prompt_tokens,
    total_completion_tokens: m.completion_tokens,
    elapsed_seconds: Math.round(m.elapsed_ms) / 1000,
    latency_ms: m.latency_ms,
    arbitrated: m.arbitrated,
    low_confidence_dims: m.low_confidence_dims,
    validation_issues: m.validation_issues,
    consistency_warnings: m.consistency_warnings,
    response_format: m.response_format ?? null,
    truncated: m.truncated ?? false,
    errors: m.errors,
    ...(record.failure ? { error: record.failure.message, error_code: record.failure.code, http_status: record.failure.httpStatus ?? null } : {}),
    source_file: sample.source.file,
  };
}
