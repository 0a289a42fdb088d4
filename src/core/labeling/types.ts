import type { Sample } from '../model/conversation';
import { LABELING_TEMPERATURE, type LabelSet } from '../model/labels';
import type { FailureCode, LabelMonitor, LabelerKind, SampleStatus } from '../model/records';
import type { LlmClient } from '../llm/types';
import type { Taxonomy } from '../taxonomy/types';

/** Bump when prompts or canonicalization change in a way that should relabel finished samples. */
export const PROMPT_VERSION = 'pass1-v1';

export interface LabelOptions {
  /** Re-ask calls with a dimension below the confidence threshold. */
  arbitration: boolean;
  /** Characters of conversation shown to the labeler; longer ones keep head and tail. */
  conversationBudgetChars: number;
  /** Attempts per call when the answer is not valid JSON for the schema. */
  maxAnswerAttempts: number;
  /** Sampling temperature of Call 1 and Call 2 (arbitration re-asks at ARBITRATION_TEMPERATURE). */
  temperature: number;
}

export const DEFAULT_LABEL_OPTIONS: LabelOptions = {
  arbitration: true,
  conversationBudgetChars: 12_000,
  maxAnswerAttempts: 3,
  temperature: LABELING_TEMPERATURE,
};

export interface LabelContext {
  taxonomy: Taxonomy;
  llm: LlmClient;
  options: LabelOptions;
  signal?: AbortSignal;
}

export interface LabelOutcome {
  labeler: LabelerKind;
  model?: string;
  status: SampleStatus;
  labels?: LabelSet;
  failure?: { code: FailureCode; message: string; httpStatus?: number };
  monitor: LabelMonitor;
}

export function emptyMonitor(): LabelMonitor {
  return {
    llm_calls: 0,
    attempts: 0,
    prompt_tokens: 0,
    completion_tokens: 0,
    elapsed_ms: 0,
    latency_ms: 0,
    arbitrated: false,
    low_confidence_dims: [],
    validation_issues: [],
    consistency_warnings: [],
    errors: [],
  };
}

/** What a dry run prints for one sample: how many calls and roughly how many prompt tokens. */
export interface CallEstimate {
  calls: number;
  promptTokens: number;
}

export type { Sample };
