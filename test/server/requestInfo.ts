/** What the test server needs to know about a chat request: prompt text, the sample it is about, its schema. */
import { createHash } from 'node:crypto';

export type JsonSchema = Record<string, unknown>;

export interface ChatRequestInfo {
  model: string;
  /** All message contents joined: what fault `matchText` and the answer markers are searched in. */
  promptText: string;
  /** Text between `<conversation>` tags of the last user message, else that message's whole text. */
  conversationText: string;
  /** sampleKey(conversation) when the tags are present, else '(none)'. */
  sampleKey: string;
  temperature: number | null;
  /** The request limited output with the older `max_tokens` field. */
  usesMaxTokens: boolean;
  responseFormat: 'json_schema' | 'json_object' | 'none';
  schema: JsonSchema | null;
  schemaName: string | null;
}

const CONVERSATION = /<conversation>([\s\S]*?)<\/conversation>/;
const ANSWER_SCHEMA = /<answer_schema>([\s\S]*?)<\/answer_schema>/;

/** Key the server logs a sample's requests under: first 16 hex chars of sha256 of the trimmed conversation text. */
export function sampleKey(conversationText: string): string {
  return createHash('sha256').update(conversationText.trim()).digest('hex').slice(0, 16);
}

export function describeChatRequest(body: Record<string, unknown>): ChatRequestInfo {
  const messages = Array.isArray(body.messages) ? (body.messages as Array<Record<string, unknown>>) : [];
  const texts = messages.map((m) => ({ role: String(m.role ?? ''), text: contentText(m.content) }));
  const promptText = texts.map((m) => m.text).join('\n');
  const lastUser = [...texts].reverse().find((m) => m.role === 'user')?.text ?? '';
  const tagged = CONVERSATION.exec(lastUser)?.[1];

  const format = body.response_format as { type?: unknown; json_schema?: { name?: unknown; schema?: unknown } } | undefined;
  const responseFormat = format?.type === 'json_schema' ? 'json_schema' : format?.type === 'json_object' ? 'json_object' : 'none';
  let schema: JsonSchema | null = null;
  let schemaName: string | null = null;
  if (responseFormat === 'json_schema' && isObject(format?.json_schema?.schema)) {
    schema = format.json_schema.schema;
    schemaName = typeof format.json_schema.name === 'string' ? format.json_schema.name : null;
  } else {
    schema = embeddedSchema(texts.filter((m) => m.role === 'system').map((m) => m.text).join('\n'))
      ?? embeddedSchema(promptText);
    schemaName = typeof schema?.title === 'string' ? schema.title : null;
  }

  return {
    model: typeof body.model === 'string' ? body.model : '',
    promptText,
    conversationText: tagged ?? lastUser,
    sampleKey: tagged === undefined ? '(none)' : sampleKey(tagged),
    temperature: typeof body.temperature === 'number' ? body.temperature : null,
    usesMaxTokens: body.max_tokens !== undefined,
    responseFormat,
    schema,
    schemaName,
  };
}

function embeddedSchema(text: string): JsonSchema | null {
  const raw = ANSWER_SCHEMA.exec(text)?.[1];
  if (raw === undefined) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    return isObject(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content.map((part) => (isObject(part) && typeof part.text === 'string' ? part.text : '')).join('');
  }
  return '';
}

function isObject(value: unknown): value is JsonSchema {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}
