// Label records and sample views for the view tests.
import { emptyLabelSet } from '../../../../src/core/model/labels';
import type { LabelRecord, ScoreRecord } from '../../../../src/core/model/records';
import { labelsFingerprint } from '../../../../src/core/scoring/fingerprint';
import { SCORING_PROMPT_VERSION } from '../../../../src/core/scoring/types';
import type { SampleView } from '../../../../src/core/views/sampleState';

/** A successful LLM label record; `over` replaces any field. */
export function record(sampleId: string, over: Partial<LabelRecord> = {}): LabelRecord {
  return {
    kind: 'label',
    v: 1,
    sampleId,
    taxonomyHash: 'tax-1',
    promptVersion: 'pass1-v1',
    labeler: 'llm',
    model: 'gpt-test',
    status: 'success',
    labels: {
      ...emptyLabelSet(),
      intent: 'build',
      difficulty: 'intermediate',
      language: ['python'],
      domain: ['web-backend'],
      task: ['feature-implementation', 'testing'],
      concept: ['functions'],
      context: 'snippet',
      confidence: { intent: 0.92, language: 0.99, domain: 0.7, task: 0.81, difficulty: 0.66 },
    },
    monitor: {
      llm_calls: 2,
      attempts: 3,
      prompt_tokens: 1200,
      completion_tokens: 140,
      elapsed_ms: 1530,
      latency_ms: 1400,
      arbitrated: false,
      low_confidence_dims: [],
      validation_issues: [],
      consistency_warnings: [],
      response_format: 'json_schema',
      errors: [],
    },
    locator: { rowIndex: 0, line: 1, turnIndex: 1, totalTurns: 1, displayId: 'r0_t1', format: 'sharegpt' },
    runId: 'run-1',
    at: '2026-01-02T03:04:05.000Z',
    ...over,
  };
}

/** A failed record with the given reason. */
export function failedRecord(sampleId: string, message: string): LabelRecord {
  const base = record(sampleId, { status: 'failed', failure: { code: 'http_error', message, httpStatus: 400 } });
  delete base.labels;
  return base;
}

/** A view of reply `turnIndex` of `totalTurns`. */
export function view(state: SampleView['state'], rec: LabelRecord | undefined, turnIndex = 1, totalTurns = 1): SampleView {
  return rec ? { sampleId: rec.sampleId, turnIndex, totalTurns, state, record: rec } : { sampleId: `s${turnIndex}`, turnIndex, totalTurns, state };
}

/** A successful Pass 2 score computed from `label`'s labels. */
export function scoreRecord(label: LabelRecord, over: Partial<ScoreRecord> = {}): ScoreRecord {
  return {
    kind: 'score',
    v: 1,
    sampleId: label.sampleId,
    labelsFingerprint: labelsFingerprint(label.labels!),
    labelsOrigin: 'sidecar',
    promptVersion: SCORING_PROMPT_VERSION,
    model: 'judge-test',
    status: 'success',
    thinkingMode: 'fast',
    judgement: {
      complexity: { instruction: 6, analytical_depth: 5, implementation: 7, overall: 6 },
      quality: { correctness: 8, code_quality: 7, explanation: 6, completeness: 8, overall: 8 },
      reasoning: { clarity: 7, consistency: 7, self_correction: null, overall: 7 },
      flags: ['incomplete'],
      unknown_flags: ['<weird>'],
      confidence: 0.8,
    },
    rarity: { score: 5.25, tag_rarity: 5, combo_rarity: null, effective_confidence: 0.8, uncertainty: 0.1, stats_ref: { source: 'dataset', total_samples: 10, timestamp: 'now' } },
    value_score: 7.4,
    monitor: {
      llm_calls: 1, attempts: 1, prompt_tokens: 900, completion_tokens: 80, elapsed_ms: 800, latency_ms: 790,
      validation_issues: [], errors: [], truncated: false, prompt_bytes: 3000, budget_chars: 12000,
    },
    locator: label.locator,
    runId: 'run-2',
    at: '2026-01-03T00:00:00.000Z',
    ...over,
  };
}
