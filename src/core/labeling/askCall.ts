import { askForAnswer } from '../llm/askForAnswer';
import type { ChatMessage, LlmClient } from '../llm/types';
import { parseJsonAnswer } from '../llm/structured';
import type { LabelMonitor } from '../model/records';
import type { Taxonomy } from '../taxonomy/types';
import { canonicalizeAnswer, type CanonicalAnswer } from './canonicalize';
import { failureFromError, stopsTheRun, type CallFailure } from './failures';
import { CALL_DIMENSIONS, callSchemas, type CallNumber } from './schemas';

/** Everything one sample's calls share: the client, the taxonomy, limits, and the monitor they all add to. */
export interface CallRunner {
  llm: LlmClient;
  taxonomy: Taxonomy;
  maxAnswerAttempts: number;
  signal?: AbortSignal;
  monitor: LabelMonitor;
  /** Model that answered, from the first result. */
  model?: string;
}

export type CallOutcome = { ok: true; answer: CanonicalAnswer } | { ok: false; failure: CallFailure };

/** Upper bound on answer tokens: a full Call 2 answer with confidences is ~250 tokens; room for verbose servers. */
export const ANSWER_MAX_TOKENS = 800;

/**
 * Ask one call and canonicalize its answer. An answer that is not JSON of the right shape is asked again (with
 * the problem quoted back) up to `maxAnswerAttempts` times. Transport failures end the call at once (the client
 * already retried them); auth failures and aborts are re-thrown because they end the whole run.
 */
export async function askCall(
  runner: CallRunner,
  call: CallNumber,
  messages: ChatMessage[],
  temperature: number,
  label = `call ${call}`,
): Promise<CallOutcome> {
  const schemas = callSchemas(runner.taxonomy, call);
  const asked = await askForAnswer(
    runner.llm,
    { messages, temperature, maxTokens: ANSWER_MAX_TOKENS, schema: { name: schemas.name, jsonSchema: schemas.jsonSchema }, signal: runner.signal },
    {
      maxAttempts: runner.maxAnswerAttempts,
      counters: runner.monitor,
      label: `${label}: `,
      stopsRun: stopsTheRun,
      interpret: (text) => parseJsonAnswer(text, schemas.answer),
    },
  );
  if (asked.kind === 'request_failed') {
    const failure = failureFromError(asked.error);
    runner.monitor.errors.push(`${label}: ${failure.code}: ${failure.message}`);
    return { ok: false, failure };
  }
  if (asked.kind === 'unusable') {
    return { ok: false, failure: { code: 'invalid_answer', message: `${label}: no usable answer after ${asked.attempts} attempts: ${asked.problem}` } };
  }
  runner.model ??= asked.model;
  return { ok: true, answer: canonicalizeAnswer(asked.value, CALL_DIMENSIONS[call], runner.taxonomy) };
}
