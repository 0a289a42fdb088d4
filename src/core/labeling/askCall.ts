import type { ChatMessage, ChatResult, LlmClient } from '../llm/types';
import { parseJsonAnswer } from '../llm/structured';
import type { LabelMonitor } from '../model/records';
import type { Taxonomy } from '../taxonomy/types';
import { throwIfAborted } from '../util/abort';
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

/** How much of an unusable answer is quoted back to the model when asking again. */
const REPAIR_QUOTE_CHARS = 1_500;

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
  const attempts = Math.max(1, Math.floor(runner.maxAnswerAttempts));
  let conversation = messages;
  let lastProblem = '';
  for (let attempt = 1; attempt <= attempts; attempt++) {
    throwIfAborted(runner.signal);
    let result: ChatResult;
    try {
      result = await runner.llm.complete({
        messages: conversation,
        temperature,
        maxTokens: ANSWER_MAX_TOKENS,
        schema: { name: schemas.name, jsonSchema: schemas.jsonSchema },
        signal: runner.signal,
      });
    } catch (err) {
      if (stopsTheRun(err)) throw err;
      throwIfAborted(runner.signal);
      recordFailedRequest(runner.monitor, err);
      const failure = failureFromError(err);
      runner.monitor.errors.push(`${label}: ${failure.code}: ${failure.message}`);
      return { ok: false, failure };
    }
    recordResult(runner, result);
    const parsed = parseJsonAnswer(result.text, schemas.answer);
    if (parsed.ok) return { ok: true, answer: canonicalizeAnswer(parsed.value, CALL_DIMENSIONS[call], runner.taxonomy) };
    lastProblem = parsed.error;
    runner.monitor.errors.push(`${label}: unusable answer (attempt ${attempt}/${attempts}): ${parsed.error}`);
    conversation = [
      ...messages,
      { role: 'assistant', content: result.text.slice(0, REPAIR_QUOTE_CHARS) },
      { role: 'user', content: `That answer could not be used. ${parsed.error} Reply again with only the JSON object described in the instructions.` },
    ];
  }
  return { ok: false, failure: { code: 'invalid_answer', message: `${label}: no usable answer after ${attempts} attempts: ${lastProblem}` } };
}

function recordResult(runner: CallRunner, result: ChatResult): void {
  const m = runner.monitor;
  m.llm_calls++;
  m.attempts += result.attempts;
  m.prompt_tokens += result.promptTokens;
  m.completion_tokens += result.completionTokens;
  m.latency_ms += result.latencyMs;
  m.response_format = result.responseFormat;
  runner.model ??= result.model;
}

function recordFailedRequest(monitor: LabelMonitor, err: unknown): void {
  const details = (err as { details?: { attempts?: number; latencyMs?: number } }).details ?? {};
  monitor.llm_calls++;
  monitor.attempts += details.attempts ?? 1;
  monitor.latency_ms += details.latencyMs ?? 0;
}
