/**
 * Structured output: the response-format ladder (how the answer's shape is requested) and the tolerant
 * parser for what comes back. OpenAI-compatible servers differ in what they accept (vLLM, Ollama and LiteLLM
 * all vary by version and model), so we start strict and step down when a server rejects a rung.
 */
import type { ZodType } from 'zod';
import type { ChatMessage, ChatRequest, ResponseFormatRung } from './types';

/** Markers around the schema when it travels in the system prompt (the test server looks for them). */
export const ANSWER_SCHEMA_OPEN = '<answer_schema>';
export const ANSWER_SCHEMA_CLOSE = '</answer_schema>';

/** Rungs from strictest to loosest. */
export const RESPONSE_FORMAT_LADDER: readonly ResponseFormatRung[] = ['json_schema', 'json_object', 'prompt'];

/** The rung below `rung`, or undefined at the bottom. */
export function nextRung(rung: ResponseFormatRung): ResponseFormatRung | undefined {
  return RESPONSE_FORMAT_LADDER[RESPONSE_FORMAT_LADDER.indexOf(rung) + 1];
}

// Process-wide: a server that rejected json_schema once will reject it for every sample of the run.
const rungCache = new Map<string, ResponseFormatRung>();

function cacheKey(baseUrl: string, model: string): string {
  return `${baseUrl.replace(/\/+$/, '')}\n${model}`;
}

/** The rung to start with for this endpoint and model (json_schema until a server says otherwise). */
export function rememberedRung(baseUrl: string, model: string): ResponseFormatRung {
  return rungCache.get(cacheKey(baseUrl, model)) ?? 'json_schema';
}

/** Records that `rung` is the best this endpoint and model accept. Never moves back up the ladder. */
export function rememberRung(baseUrl: string, model: string, rung: ResponseFormatRung): void {
  const key = cacheKey(baseUrl, model);
  const known = rungCache.get(key);
  if (known && RESPONSE_FORMAT_LADDER.indexOf(known) >= RESPONSE_FORMAT_LADDER.indexOf(rung)) return;
  rungCache.set(key, rung);
}

/** Forgets every remembered rung (call when the endpoint or model settings change). */
export function resetResponseFormatCache(): void {
  rungCache.clear();
}

/** True when a 4xx message says the server does not accept the requested response_format. */
export function isResponseFormatRejection(serverMessage: string): boolean {
  return /response_format|json_schema|json_object|structured output|guided_json|guided_decoding/i.test(serverMessage);
}

export interface StructuredRequestParts {
  messages: ChatMessage[];
  response_format?:
    | { type: 'json_schema'; json_schema: { name: string; strict: true; schema: Record<string, unknown> } }
    | { type: 'json_object' };
}

/** The messages and response_format to send for `req` on the given rung. */
export function buildStructuredRequest(req: ChatRequest, rung: ResponseFormatRung): StructuredRequestParts {
  const name = schemaName(req.schema.name);
  if (rung === 'json_schema') {
    return {
      messages: req.messages,
      response_format: { type: 'json_schema', json_schema: { name, strict: true, schema: req.schema.jsonSchema } },
    };
  }
  // The title lets servers and logs tell schemas apart when no response_format carries the name.
  const described = { title: name, ...req.schema.jsonSchema };
  const lead =
    rung === 'json_object'
      ? 'Answer with one JSON object that matches this JSON schema:'
      : 'Reply with one JSON object matching this JSON schema and nothing else: no prose, no code fences.';
  const instruction = `${lead}\n${ANSWER_SCHEMA_OPEN}\n${JSON.stringify(described)}\n${ANSWER_SCHEMA_CLOSE}`;
  const messages = appendToSystemMessage(req.messages, instruction);
  return rung === 'json_object' ? { messages, response_format: { type: 'json_object' } } : { messages };
}

function appendToSystemMessage(messages: ChatMessage[], text: string): ChatMessage[] {
  const index = messages.findIndex((m) => m.role === 'system');
  if (index < 0) return [{ role: 'system', content: text }, ...messages];
  return messages.map((m, i) => (i === index ? { ...m, content: `${m.content}\n\n${text}` } : m));
}

/** OpenAI requires ^[a-zA-Z0-9_-]{1,64}$ for json_schema names. */
function schemaName(name: string): string {
  return name.replace(/[^a-zA-Z0-9_-]/g, '_').slice(0, 64) || 'answer';
}

export type JsonAnswer<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * Finds the JSON object in a model's answer (tolerating code fences and prose around it) and validates it.
 * Errors are one short sentence, fit to quote back to the model in a repair turn.
 */
export function parseJsonAnswer<T>(text: string, schema: ZodType<T>): JsonAnswer<T> {
  const found = findJsonObject(text);
  if (!found.ok) return found;
  const result = schema.safeParse(found.value);
  if (result.success) return { ok: true, value: result.data };
  const issues = result.error.issues;
  const shown = issues.slice(0, 3).map((issue) => {
    const path = issue.path.map(String).join('.');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  const more = issues.length > 3 ? ` (+${issues.length - 3} more)` : '';
  return { ok: false, error: `The JSON does not match the schema: ${shown.join('; ')}${more}` };
}

/** How many `{` positions to try before giving up, so pathological prose stays linear-ish. */
const MAX_OBJECT_STARTS = 20;

function findJsonObject(text: string): JsonAnswer<unknown> {
  const trimmed = text.trim();
  if (!trimmed) return { ok: false, error: 'The answer is empty.' };
  let firstParseError: string | undefined;
  for (const candidate of candidateTexts(trimmed)) {
    let start = candidate.indexOf('{');
    for (let tries = 0; start >= 0 && tries < MAX_OBJECT_STARTS; tries++) {
      const end = balancedObjectEnd(candidate, start);
      if (end < 0) break;
      try {
        return { ok: true, value: JSON.parse(candidate.slice(start, end + 1)) };
      } catch (err) {
        firstParseError ??= (err as Error).message;
      }
      start = candidate.indexOf('{', start + 1);
    }
  }
  if (firstParseError) return { ok: false, error: `The answer's JSON is invalid: ${clip(firstParseError, 160)}` };
  return { ok: false, error: `No JSON object found in the answer (it starts with "${clip(trimmed, 60)}").` };
}

/** Fenced blocks first (the model's own framing of its answer), then the whole text. */
function candidateTexts(text: string): string[] {
  const fenced = [...text.matchAll(/```[a-zA-Z0-9_-]*\s*\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
  return [...fenced, text];
}

/** Index of the `}` closing the object opened at `start`, skipping braces inside strings; -1 if unbalanced. */
function balancedObjectEnd(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') {
      inString = true;
    } else if (ch === '{') {
      depth++;
    } else if (ch === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

function clip(text: string, max: number): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}
