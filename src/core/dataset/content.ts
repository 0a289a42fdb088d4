/**
 * Turning message content into the plain text labelers read: multimodal part lists, tool calls given as
 * structured fields, scalars. Nothing is dropped silently: a part we cannot show becomes a placeholder.
 */

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const PLACEHOLDER_BY_TYPE: Record<string, string> = {
  image: '[image]',
  image_url: '[image]',
  input_image: '[image]',
  audio: '[audio]',
  input_audio: '[audio]',
  video: '[video]',
  video_url: '[video]',
  file: '[file]',
  input_file: '[file]',
};

function partText(part: unknown): string {
  if (typeof part === 'string') return part;
  if (!isObject(part)) return part == null ? '' : String(part);
  if (typeof part.text === 'string') return part.text;
  const type = typeof part.type === 'string' ? part.type : '';
  if (type === '') return '[part]';
  return PLACEHOLDER_BY_TYPE[type] ?? `[${type}]`;
}

/** Text of a `content`/`value` field: strings as-is, part lists joined by newlines, scalars stringified. */
export function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (content == null) return '';
  if (Array.isArray(content)) return content.map(partText).filter((t) => t !== '').join('\n');
  if (isObject(content)) return partText(content);
  return String(content);
}

function argumentsText(args: unknown): string {
  if (typeof args === 'string') return args.trim();
  if (args === undefined) return '';
  return JSON.stringify(args);
}

export interface RenderedCalls {
  /** One `[tool call] name(args)` line per call. */
  text: string;
  /** Distinct tool names, comma-separated. */
  names?: string;
}

/**
 * Renders `tool_calls` (and the older single `function_call`) as text, so a reply that only calls tools
 * still shows labelers what it did: `[tool call] search({"q":"x"})`.
 */
export function renderToolCalls(turn: JsonObject): RenderedCalls | undefined {
  const calls: unknown[] = Array.isArray(turn.tool_calls) ? [...turn.tool_calls] : [];
  if (isObject(turn.function_call)) calls.push(turn.function_call);
  if (calls.length === 0) return undefined;
  const lines: string[] = [];
  const names: string[] = [];
  for (const call of calls) {
    if (!isObject(call)) continue;
    const fn = isObject(call.function) ? call.function : call;
    const name = typeof fn.name === 'string' && fn.name !== '' ? fn.name : 'unnamed';
    if (!names.includes(name)) names.push(name);
    lines.push(`[tool call] ${name}(${argumentsText(fn.arguments ?? fn.parameters ?? fn.args)})`);
  }
  if (lines.length === 0) return undefined;
  return { text: lines.join('\n'), names: names.join(', ') };
}
