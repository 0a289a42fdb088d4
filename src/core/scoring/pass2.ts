import { failureFromError, stopsTheRun } from '../labeling/failures';
import type { CallEstimate } from '../labeling/types';
import { parseJsonAnswer } from '../llm/structured';
import { askForAnswer } from '../llm/askForAnswer';
import type { ChatMessage } from '../llm/types';
import type { Sample } from '../model/conversation';
import type { LabelSet } from '../model/labels';
import { throwIfAborted } from '../util/abort';
import { buildScoringMessages } from './prompts';
import { LENIENT_SCORE_ANSWER, SCORE_SCHEMA_NAME, scoreWireSchema } from './schemas';
import { buildScoringView, type ScoringView } from './scoringView';
import {
  SCORING_MAX_TOKENS, SCORING_TEMPERATURE, emptyScoreMonitor, type ScoreContext, type ScoreOptions, type ScoreOutcome,
} from './types';
import { looksLikeCotMimicry, validateScoreAnswer } from './validate';

/** The byte guard shrinks the budget by this factor per step... */
const BUDGET_SHRINK = 0.85;
/** ...down to this many characters, below which the sample fails with `prompt_budget_exceeded`. */
const MIN_BUDGET_CHARS = 2_000;

export type ScoringPrompt =
  | { ok: true; messages: ChatMessage[]; view: ScoringView; budgetChars: number; userBytes: number }
  | { ok: false; message: string; budgetChars: number; userBytes: number };

/**
 * The messages for one sample, cut to the character budget, then shrunk until the user message fits the byte cap
 * (CJK text takes three bytes a character, so a character budget alone does not bound the request size).
 */
export function prepareScoringPrompt(sample: Sample, labels: LabelSet, options: ScoreOptions): ScoringPrompt {
  let budget = Math.max(MIN_BUDGET_CHARS, Math.floor(options.budgetChars));
  for (;;) {
    const view = buildScoringView(sample, budget);
    const messages = buildScoringMessages(sample, view, labels);
    const userBytes = Buffer.byteLength(messages[1]!.content, 'utf8');
    if (userBytes <= options.maxPromptBytes) return { ok: true, messages, view, budgetChars: budget, userBytes };
    if (budget <= MIN_BUDGET_CHARS) {
      return {
        ok: false,
        budgetChars: budget,
        userBytes,
        message: `the scoring prompt is ${userBytes} bytes even at the smallest budget (${MIN_BUDGET_CHARS} chars); the limit is ${options.maxPromptBytes}`,
      };
    }
    budget = Math.max(MIN_BUDGET_CHARS, Math.floor(budget * BUDGET_SHRINK));
  }
}

/**
 * Pass 2 for one sample: one call asking the judge for complexity, quality, reasoning, flags and confidence.
 * An answer that is not JSON, or has fewer than two usable dimensions, is asked again with the problem quoted
 * back, up to `maxAnswerAttempts` times; then the sample fails (`invalid_answer`). Transport failures end the
 * sample at once (the client already retried them). Auth failures and cancellation are thrown: they stop the run.
 */
export async function scoreSample(sample: Sample, labels: LabelSet, ctx: ScoreContext): Promise<ScoreOutcome> {
  const started = Date.now();
  throwIfAborted(ctx.signal);
  const prompt = prepareScoringPrompt(sample, labels, ctx.options);
  const monitor = emptyScoreMonitor(prompt.budgetChars);
  monitor.prompt_bytes = prompt.userBytes;
  const finish = (outcome: Omit<ScoreOutcome, 'monitor' | 'model'>, model = ctx.llm.model): ScoreOutcome => {
    monitor.elapsed_ms = Date.now() - started;
    return { ...outcome, model, monitor };
  };
  if (!prompt.ok) return finish({ status: 'failed', failure: { code: 'prompt_budget_exceeded', message: prompt.message } });
  monitor.truncated = prompt.view.truncated;

  const asked = await askForAnswer(
    ctx.llm,
    {
      messages: prompt.messages,
      temperature: SCORING_TEMPERATURE,
      maxTokens: SCORING_MAX_TOKENS,
      schema: { name: SCORE_SCHEMA_NAME, jsonSchema: scoreWireSchema() },
      signal: ctx.signal,
    },
    {
      maxAttempts: ctx.options.maxAnswerAttempts,
      counters: monitor,
      stopsRun: stopsTheRun,
      interpret: (text) => {
        if (looksLikeCotMimicry(text)) monitor.validation_issues.push('cot_mimicry: the answer starts like a reasoning block');
        const parsed = parseJsonAnswer(text, LENIENT_SCORE_ANSWER);
        if (!parsed.ok) return parsed;
        const checked = validateScoreAnswer(parsed.value);
        return checked.ok ? { ok: true, value: checked } : { ok: false, error: checked.error };
      },
    },
  );
  if (asked.kind === 'request_failed') {
    const failure = failureFromError(asked.error);
    monitor.errors.push(`${failure.code}: ${failure.message}`);
    return finish({ status: 'failed', failure });
  }
  if (asked.kind === 'unusable') {
    return finish({
      status: 'failed',
      failure: { code: 'invalid_answer', message: `no usable score after ${asked.attempts} attempts: ${asked.problem}` },
    });
  }
  monitor.validation_issues.push(...asked.value.issues);
  return finish({ status: 'success', judgement: asked.value.judgement }, asked.model);
}

/** What scoring `sample` would cost, for `--dry-run`: one call, prompt tokens ≈ characters / 4 of what is sent. */
export function estimateScoreCall(sample: Sample, labels: LabelSet, options: ScoreOptions): CallEstimate {
  const prompt = prepareScoringPrompt(sample, labels, options);
  if (!prompt.ok) return { calls: 0, promptTokens: 0 };
  const chars = prompt.messages.reduce((n, m) => n + m.content.length, 0);
  return { calls: 1, promptTokens: Math.ceil(chars / 4) };
}


