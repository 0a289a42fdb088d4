/**
 * Checks a 2xx body really is a chat completion. Servers behind proxies sometimes answer 200 with an HTML
 * page, an empty `choices` list or a truncated object; those are retried like transient errors.
 */
import type { AttemptFailure } from './classify';

export interface CompletionContent {
  text: string;
  promptTokens: number;
  completionTokens: number;
}

export function readCompletion(
  body: unknown,
  endpoint: string,
): { ok: true; content: CompletionContent } | { ok: false; failure: AttemptFailure } {
  const malformed = (what: string) => ({
    ok: false as const,
    failure: { kind: 'malformed' as const, retryable: true, httpStatus: 200, statsKey: 'malformed', overload: false, downgrade: false, message: `${endpoint} answered 200 but ${what}` },
  });
  if (typeof body === 'string') return malformed('the body is not JSON');
  if (!body || typeof body !== 'object') return malformed('the body is empty');
  const record = body as { choices?: unknown; usage?: { prompt_tokens?: unknown; completion_tokens?: unknown } };
  if (!Array.isArray(record.choices) || record.choices.length === 0) return malformed('the completion has no choices');
  const choice = record.choices[0] as { message?: { content?: unknown; refusal?: unknown }; finish_reason?: unknown };
  const content = choice?.message?.content;
  const refusal = choice?.message?.refusal;
  if (choice?.finish_reason === 'content_filter' || (typeof refusal === 'string' && refusal && !content)) {
    const reason = typeof refusal === 'string' && refusal ? `: ${refusal.slice(0, 200)}` : '';
    return {
      ok: false,
      failure: { kind: 'content_filter', retryable: false, httpStatus: 200, statsKey: 'content_filter', overload: false, downgrade: false, message: `The model at ${endpoint} refused to answer${reason}` },
    };
  }
  let text: string;
  if (typeof content === 'string') text = content;
  // Out of tokens before any visible answer (reasoning models): an empty answer, not a transport fault.
  else if (choice?.finish_reason === 'length') text = '';
  else return malformed('the first choice has no message content');
  return {
    ok: true,
    content: {
      text,
      promptTokens: tokenCount(record.usage?.prompt_tokens),
      completionTokens: tokenCount(record.usage?.completion_tokens),
    },
  };
}

function tokenCount(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : 0;
}
