import type { Role, Turn } from '../model/conversation';
import { contentText, renderToolCalls } from './content';
import { PACKED_MARKER, cleanPanguText } from './pangu';
import { mergeReasoning, sidecarReasoning, splitPanguReasoning, splitThinkTags } from './reasoning';

const ROLE_ALIASES: Record<string, Role> = {
  user: 'user',
  human: 'user',
  assistant: 'assistant',
  gpt: 'assistant',
  model: 'assistant',
  system: 'system',
  tool: 'tool',
  function: 'tool',
  observation: 'tool',
};

/** `user|human → user`, `assistant|gpt|model → assistant`, `tool|function|observation → tool`; others lowercase. */
export function normaliseRole(raw: string): Role {
  const lower = raw.trim().toLowerCase();
  return ROLE_ALIASES[lower] ?? lower;
}

/** Pangu rows keep reasoning and template tokens inside the text; the others use think tags. */
export type TextStyle = 'pangu' | 'plain';

export interface TurnListProblem {
  index: number;
  problem: string;
}

export interface ReadTurns {
  turns: Turn[];
  /** Some turn used ShareGPT `from`/`value` keys. */
  usesFromValue: boolean;
  /** A Pangu user turn packed earlier turns with `[unused10]`. */
  packed: boolean;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}

/**
 * Reads a raw turn list (`conversations`, `messages`, `data`). Per turn `from`/`value` win over
 * `role`/`content`. Returns the first problem instead when a turn cannot be read, so the caller can name it.
 */
export function readTurnList(list: unknown[], style: TextStyle): ReadTurns | TurnListProblem {
  const turns: Turn[] = [];
  let usesFromValue = false;
  let packed = false;
  for (let index = 0; index < list.length; index++) {
    const raw = list[index];
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      return { index, problem: `is ${describe(raw)}, not an object` };
    }
    const fields = raw as Record<string, unknown>;
    const roleField = typeof fields.from === 'string' ? fields.from : fields.role;
    if (typeof roleField !== 'string') return { index, problem: 'has no role (expected "from" or "role")' };
    if (typeof fields.from === 'string' || 'value' in fields) usesFromValue = true;
    const calls = renderToolCalls(fields);
    const hasValue = fields.value !== undefined;
    if (!hasValue && !('content' in fields) && !calls) {
      return { index, problem: 'has no text (expected "value" or "content")' };
    }
    const role = normaliseRole(roleField);
    const rawText = contentText(hasValue ? fields.value : fields.content);
    if (style === 'pangu' && role === 'user' && rawText.includes(PACKED_MARKER)) packed = true;
    turns.push(buildTurn(role, rawText, fields, style, calls));
  }
  return { turns, usesFromValue, packed };
}

function buildTurn(
  role: Role,
  rawText: string,
  fields: Record<string, unknown>,
  style: TextStyle,
  calls: ReturnType<typeof renderToolCalls>,
): Turn {
  if (role !== 'assistant') {
    const text = style === 'pangu' ? cleanPanguText(rawText) : rawText;
    const toolName = role === 'tool' && typeof fields.name === 'string' && fields.name !== '' ? fields.name : undefined;
    return toolName === undefined ? { role, text } : { role, text, toolName };
  }
  const split = style === 'pangu' ? splitPanguReasoning(rawText) : splitThinkTags(rawText);
  let text = style === 'pangu' ? cleanPanguText(split.text) : split.text;
  if (calls) text = text === '' ? calls.text : `${text}\n${calls.text}`;
  const turn: Turn = { role, text };
  const reasoning = mergeReasoning(sidecarReasoning(fields), split.reasoning);
  if (reasoning !== undefined) turn.reasoning = reasoning;
  if (calls?.names) turn.toolName = calls.names;
  return turn;
}
