import type { LlmClient } from '../llm/types';
import type { Dimension } from '../model/labels';
import type { FailureCode, ScoreJudgement, ScoreMonitor } from '../model/records';

/** Bump when the scoring prompt, schema or validation change in a way that should rescore finished samples. */
export const SCORING_PROMPT_VERSION = 'pass2-v1';

/** Characters of conversation shown to the judge: `compact` is the default, `full` shows more. */
export const SCORING_BUDGETS = { compact: 14_000, full: 20_000 } as const;

export interface ScoreOptions {
  /** Characters of conversation (request, context, steps, reasoning, response) shown to the judge. */
  budgetChars: number;
  /** Attempts per sample when the answer is not usable (not JSON, or fewer than two usable dimensions). */
  maxAnswerAttempts: number;
  /** UTF-8 bytes the user message may take; the budget shrinks ×0.85 until it fits (reference §5.2 byte guard). */
  maxPromptBytes: number;
}

export const DEFAULT_SCORE_OPTIONS: ScoreOptions = {
  budgetChars: SCORING_BUDGETS.compact,
  maxAnswerAttempts: 3,
  maxPromptBytes: 24_000,
};

/** Scoring calls are near-deterministic; sft-label uses the same temperature. */
export const SCORING_TEMPERATURE = 0.1;
/** A full answer is ~120 tokens; the cap leaves room for verbose servers. */
export const SCORING_MAX_TOKENS = 800;

export interface ScoreContext {
  llm: LlmClient;
  options: ScoreOptions;
  signal?: AbortSignal;
}

/** What Pass 2 made of one sample: a judgement, or a failure with a stable code. Never a default-filled score. */
export interface ScoreOutcome {
  status: 'success' | 'failed';
  model?: string;
  judgement?: ScoreJudgement;
  failure?: { code: FailureCode; message: string; httpStatus?: number };
  monitor: ScoreMonitor;
}

/** Weights of the value score (reference §5.4 and §0: the code's weights, not the spec's). */
export interface ValueWeights {
  complexity: number;
  quality: number;
  reasoning: number;
  rarity: number;
}

export const DEFAULT_VALUE_WEIGHTS: ValueWeights = { complexity: 0.25, quality: 0.4, reasoning: 0.2, rarity: 0.15 };

/** How much each dimension's rarity counts (reference §5.1 `RARITY_WEIGHTS`). */
export const RARITY_DIMENSION_WEIGHTS: Readonly<Record<Dimension, number>> = {
  intent: 0.15,
  difficulty: 0.3,
  context: 0.5,
  language: 1.0,
  domain: 1.5,
  task: 1.0,
  concept: 2.0,
  agentic: 1.5,
  constraint: 1.0,
};

export interface RarityConfig {
  dimensionWeights: Readonly<Record<Dimension, number>>;
  /** Share of tag rarity in the raw rarity; the rest is combination rarity. */
  comboAlpha: number;
  /** `absolute`: against log2 N of the baseline; `percentile`: rank within the samples scored together. */
  mode: 'absolute' | 'percentile';
  /** Label confidence assumed for a dimension whose labels carry none. */
  defaultConfidence: number;
}

export const DEFAULT_RARITY_CONFIG: RarityConfig = {
  dimensionWeights: RARITY_DIMENSION_WEIGHTS,
  comboAlpha: 0.7,
  mode: 'absolute',
  defaultConfidence: 0.75,
};

export function emptyScoreMonitor(budgetChars: number): ScoreMonitor {
  return {
    llm_calls: 0,
    attempts: 0,
    prompt_tokens: 0,
    completion_tokens: 0,
    elapsed_ms: 0,
    latency_ms: 0,
    validation_issues: [],
    errors: [],
    truncated: false,
    prompt_bytes: 0,
    budget_chars: budgetChars,
  };
}
