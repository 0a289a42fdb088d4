import type { ChatMessage } from '../llm/types';
import { ARBITRATION_TEMPERATURE, CALL1_DIMENSIONS, CALL2_DIMENSIONS, type LabelSet } from '../model/labels';
import type { Taxonomy } from '../taxonomy/types';
import { throwIfAborted } from '../util/abort';
import { askCall, type CallRunner } from './askCall';
import type { CanonicalAnswer } from './canonicalize';
import { consistencyWarnings } from './consistency';
import type { CallFailure } from './failures';
import { lowConfidenceDims, mergeAnswers, replaceDimensions } from './merge';
import { buildMessages, type Call1Summary } from './prompts';
import { CALL_DIMENSIONS, type CallNumber } from './schemas';
import { computeSignals, renderSignals } from './signals';
import { renderTranscript } from './transcript';
import { emptyMonitor, type CallEstimate, type LabelContext, type LabelOptions, type LabelOutcome, type Sample } from './types';

/**
 * Pass 1 for one sample: Call 1 (intent, language, domain, task, difficulty), then Call 2 (concept, agentic,
 * constraint, context) which also sees Call 1's answer. A call with a dimension below the confidence threshold
 * is asked once more at a higher temperature and only those dimensions are replaced. If Call 2 fails for good
 * after Call 1 succeeded, the sample keeps Call 1's labels with status `partial`.
 *
 * Failures of this sample are returned as an outcome; auth failures and cancellation are thrown, since they
 * stop the run.
 */
export async function labelSample(sample: Sample, ctx: LabelContext): Promise<LabelOutcome> {
  const started = Date.now();
  throwIfAborted(ctx.signal);
  const runner: CallRunner = {
    llm: ctx.llm,
    taxonomy: ctx.taxonomy,
    maxAnswerAttempts: ctx.options.maxAnswerAttempts,
    signal: ctx.signal,
    monitor: emptyMonitor(),
  };
  const { transcript, signals, truncated } = prepare(sample, ctx.taxonomy, ctx.options);
  runner.monitor.truncated = truncated;

  const finish = (status: LabelOutcome['status'], labels?: LabelSet, failure?: CallFailure): LabelOutcome => {
    runner.monitor.elapsed_ms = Date.now() - started;
    const outcome: LabelOutcome = { labeler: 'llm', model: runner.model ?? ctx.llm.model, status, monitor: runner.monitor };
    if (labels) outcome.labels = labels;
    if (failure) outcome.failure = failure;
    return outcome;
  };

  const call1Messages = buildMessages(ctx.taxonomy, 1, { transcript, signals });
  const call1 = await askCall(runner, 1, call1Messages, ctx.options.temperature);
  if (!call1.ok) return finish('failed', undefined, call1.failure);
  let answer1 = call1.answer;
  if (ctx.options.arbitration) answer1 = await arbitrate(runner, 1, call1Messages, answer1);

  const call2Messages = buildMessages(ctx.taxonomy, 2, { transcript, signals, call1: summarize(answer1) });
  const call2 = await askCall(runner, 2, call2Messages, ctx.options.temperature);
  if (!call2.ok) {
    const partial = mergeAnswers([{ answer: answer1, dims: CALL1_DIMENSIONS }]);
    runner.monitor.validation_issues.push(...answer1.issues);
    const failure = { ...call2.failure, message: `call 2 failed, labels are partial: ${call2.failure.message}` };
    return finish('partial', partial, failure);
  }
  let answer2 = call2.answer;
  if (ctx.options.arbitration) answer2 = await arbitrate(runner, 2, call2Messages, answer2);

  const labels = mergeAnswers([
    { answer: answer1, dims: CALL1_DIMENSIONS },
    { answer: answer2, dims: CALL2_DIMENSIONS },
  ]);
  runner.monitor.validation_issues.push(...answer1.issues, ...answer2.issues);
  runner.monitor.consistency_warnings.push(...consistencyWarnings(labels, ctx.taxonomy));
  return finish('success', labels);
}

/**
 * Re-ask a call whose answer has low-confidence dimensions, and take only those dimensions from the new answer.
 * A failed re-ask keeps the first answer: arbitration can improve a label, never cost one.
 */
async function arbitrate(runner: CallRunner, call: CallNumber, messages: ChatMessage[], answer: CanonicalAnswer): Promise<CanonicalAnswer> {
  const low = lowConfidenceDims(answer, CALL_DIMENSIONS[call]);
  if (low.length === 0) return answer;
  runner.monitor.low_confidence_dims.push(...low);
  const retry = await askCall(runner, call, messages, ARBITRATION_TEMPERATURE, `call ${call} arbitration`);
  if (!retry.ok) return answer;
  runner.monitor.arbitrated = true;
  return replaceDimensions(answer, retry.answer, low.map((l) => l.dim));
}

function summarize(answer: CanonicalAnswer): Call1Summary {
  const v = answer.values;
  return {
    intent: v.intent?.[0] ?? null,
    language: v.language ?? [],
    domain: v.domain ?? [],
    task: v.task ?? [],
    difficulty: v.difficulty?.[0] ?? null,
  };
}

/** The transcript and signals block both calls share. */
function prepare(sample: Sample, taxonomy: Taxonomy, options: LabelOptions): { transcript: string; signals: string; truncated: boolean } {
  const { text, truncated } = renderTranscript(sample, options.conversationBudgetChars);
  return { transcript: text, signals: renderSignals(computeSignals(sample, taxonomy)), truncated };
}

/** Calls per sample a dry run assumes: two, plus the observed share of arbitration re-asks. */
const CALLS_WITH_ARBITRATION = 2.2;

/**
 * What labeling `sample` would cost, for `--dry-run`: the number of calls and the prompt tokens (≈ chars / 4 of
 * the messages that would actually be sent; Call 2's answer-dependent part is a few dozen characters).
 */
export function estimateCalls(sample: Sample, taxonomy: Taxonomy, options: LabelOptions): CallEstimate {
  const { transcript, signals } = prepare(sample, taxonomy, options);
  const chars = [
    ...buildMessages(taxonomy, 1, { transcript, signals }),
    ...buildMessages(taxonomy, 2, { transcript, signals, call1: summarize({ values: {}, confidence: {}, unmapped: [], canonicalized: [], issues: [] }) }),
  ].reduce((n, m) => n + m.content.length, 0);
  const tokens = Math.ceil(chars / 4);
  return options.arbitration
    ? { calls: CALLS_WITH_ARBITRATION, promptTokens: Math.round((tokens * CALLS_WITH_ARBITRATION) / 2) }
    : { calls: 2, promptTokens: tokens };
}
