import { failureFromError, stopsTheRun } from '../labeling/failures';
import type { CallEstimate } from '../labeling/types';
import { parseJsonAnswer } from '../llm/structured';
import type { ChatMessage, ChatResult } from '../llm/types';
import type { Sample } from '../model/conversation';
import type { LabelSet } from '../model/labels';
import type { ScoreMonitor } from '../model/records';
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
/** How much of an unusable answer is quoted back when asking again. */
const REPAIR_QUOTE_CHARS = 1_500;

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
  let model: string | undefined;
  const finish = (outcome: Omit<ScoreOutcome, 'monitor' | 'model'>): ScoreOutcome => {
    monitor.elapsed_ms = Date.now() - started;
    return { ...outcome, model: model ?? ctx.llm.model, monitor };
  };
  if (!prompt.ok) return finish({ status: 'failed', failure: { code: 'prompt_budget_exceeded', message: prompt.message } });
  monitor.truncated = prompt.view.truncated;

  const attempts = Math.max(1, Math.floor(ctx.options.maxAnswerAttempts));
  let conversation = prompt.messages;
  let lastProblem = '';
  for (let attempt = 1; attempt <= attempts; attempt++) {
    throwIfAborted(ctx.signal);
    let result: ChatResult;
    try {
      result = await ctx.llm.complete({
        messages: conversation,
        temperature: SCORING_TEMPERATURE,
        maxTokens: SCORING_MAX_TOKENS,
        schema: { name: SCORE_SCHEMA_NAME, jsonSchema: scoreWireSchema() },
        signal: ctx.signal,
      });
    } catch (err) {
      if (stopsTheRun(err)) throw err;
      throwIfAborted(ctx.signal);
      recordFailedRequest(monitor, err);
      const failure = failureFromError(err);
      monitor.errors.push(`${failure.code}: ${failure.message}`);
      return finish({ status: 'failed', failure });
    }
    recordResult(monitor, result);
    model ??= result.model;
    if (looksLikeCotMimicry(result.text)) monitor.validation_issues.push('cot_mimicry: the answer starts like a reasoning block');
    const parsed = parseJsonAnswer(result.text, LENIENT_SCORE_ANSWER);
    let problem: string;
    if (parsed.ok) {
      const checked = validateScoreAnswer(parsed.value);
      if (checked.ok) {
        monitor.validation_issues.push(...checked.issues);
        return finish({ status: 'success', judgement: checked.judgement });
      }
      problem = checked.error;
    } else {
      problem = parsed.error;
    }
    lastProblem = problem;
    monitor.errors.push(`unusable answer (attempt ${attempt}/${attempts}): ${problem}`);
    conversation = [
      ...prompt.messages,
      { role: 'assistant', content: result.text.slice(0, REPAIR_QUOTE_CHARS) },
      { role: 'user', content: `That answer could not be used. ${problem} Reply again with only the JSON object described in the instructions.` },
    ];
  }
  return finish({ status: 'failed', failure: { code: 'invalid_answer', message: `no usable score after ${attempts} attempts: ${lastProblem}` } });
}

/** What scoring `sample` would cost, for `--dry-run`: one call, prompt tokens ≈ characters / 4 of what is sent. */
export function estimateScoreCall(sample: Sample, labels: LabelSet, options: ScoreOptions): CallEstimate {
  const prompt = prepareScoringPrompt(sample, labels, options);
  if (!prompt.ok) return { calls: 0, promptTokens: 0 };
  const chars = prompt.messages.reduce((n, m) => n + m.content.length, 0);
  return { calls: 1, promptTokens: Math.ceil(chars / 4) };
}

function recordResult(m: ScoreMonitor, result: ChatResult): void {
  m.llm_calls++;
  m.attempts += result.attempts;
  m.prompt_tokens += result.promptTokens;
  m.completion_tokens += result.completionTokens;
  m.latency_ms += result.latencyMs;
  m.response_format = result.responseFormat;
}

function recordFailedRequest(m: ScoreMonitor, err: unknown): void {
  const details = (err as { details?: { attempts?: number; latencyMs?: number } }).details ?? {};
  m.llm_calls++;
  m.attempts += details.attempts ?? 1;
  m.latency_ms += details.latencyMs ?? 0;
}
