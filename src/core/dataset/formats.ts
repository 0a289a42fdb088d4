/**
 * Row format detection and normalisation to `Conversation`. Detection follows sft-label: turn lists are
 * tried in the order `data` → `conversations` → `messages` and the first legal non-empty one wins; then
 * Alpaca keys; then sft-label's own output records. Anything else is reported, never guessed.
 */
import type { Conversation, DatasetFormat, InputIssue, SourceLocation, Turn } from '../model/conversation';
import { conversationHashes, rowIdOf, type ConversationHashes } from './identity';
import { issue } from './issues';
import { metaPromptTurns } from './pangu';
import { mergeReasoning, sidecarReasoning, splitThinkTags } from './reasoning';
import { readTurnList, type ReadTurns, type TextStyle } from './turns';

type Row = Record<string, unknown>;

export interface NormalisedRow {
  conversation?: Conversation;
  /** The conversation's hashes, computed while normalising; pass them to `samplesOf` to skip rehashing. */
  hashes?: ConversationHashes;
  issues: InputIssue[];
}

interface TurnListCandidate {
  key: 'data' | 'conversations' | 'messages';
  style: TextStyle;
}

const TURN_LISTS: readonly TurnListCandidate[] = [
  { key: 'data', style: 'pangu' },
  { key: 'conversations', style: 'plain' },
  { key: 'messages', style: 'plain' },
];

const MAX_KEYS_SHOWN = 10;

function isRow(value: unknown): value is Row {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}

/** Top-level `tools`, accepted as a list, a single object, or a JSON string of either (as Pangu rows ship it). */
export function normaliseTools(raw: unknown): unknown[] | undefined {
  let value = raw;
  if (typeof value === 'string') {
    if (value.trim() === '') return undefined;
    try {
      value = JSON.parse(value);
    } catch {
      return [raw];
    }
  }
  if (Array.isArray(value)) return value.length > 0 ? value : undefined;
  if (value == null) return undefined;
  return [value];
}

function formatOf(candidate: TurnListCandidate, read: ReadTurns): DatasetFormat {
  if (candidate.key === 'data') return 'pangu';
  if (candidate.key === 'messages') return 'openai_messages';
  return read.usesFromValue ? 'sharegpt' : 'openai_conversations';
}

function conversation(
  row: Row,
  format: DatasetFormat,
  turns: Turn[],
  source: SourceLocation,
  extra: { tools?: unknown[]; packed?: boolean } = {},
): NormalisedRow {
  const hashes = conversationHashes(turns, extra.tools);
  const conv: Conversation = { format, rowHash: hashes.rowHash, turns, source };
  const rowId = rowIdOf(row);
  if (rowId !== undefined) conv.rowId = rowId;
  if (extra.tools !== undefined) conv.tools = extra.tools;
  if (extra.packed) conv.packed = true;
  return { conversation: conv, hashes, issues: [] };
}

function fromTurnList(row: Row, candidate: TurnListCandidate, read: ReadTurns, source: SourceLocation): NormalisedRow {
  const tools = normaliseTools(row.tools);
  if (candidate.key !== 'data') return conversation(row, formatOf(candidate, read), read.turns, source, { tools });
  const turns = [...metaPromptTurns(row.meta_prompt), ...read.turns];
  return conversation(row, 'pangu', turns, source, { tools, packed: read.packed });
}

function assistantTurn(raw: unknown, fields: Row = {}): Turn {
  const split = splitThinkTags(typeof raw === 'string' ? raw : raw == null ? '' : String(raw));
  const turn: Turn = { role: 'assistant', text: split.text };
  const reasoning = mergeReasoning(sidecarReasoning(fields), split.reasoning);
  if (reasoning !== undefined) turn.reasoning = reasoning;
  return turn;
}

function asText(value: unknown): string {
  return typeof value === 'string' ? value : value == null ? '' : String(value);
}

/** Alpaca: optional `system`, `history` of [question, answer] pairs, then `instruction` (+ `input`) → `output`. */
function fromAlpaca(row: Row, source: SourceLocation): NormalisedRow {
  const turns: Turn[] = [];
  const system = asText(row.system);
  if (system.trim() !== '') turns.push({ role: 'system', text: system });
  if (row.history != null) {
    if (!Array.isArray(row.history)) {
      return { issues: [issue(source.file, source.line, 'error', 'invalid-turns', `invalid Alpaca row: "history" is ${kindOf(row.history)}, expected a list of [question, answer] pairs`)] };
    }
    for (let i = 0; i < row.history.length; i++) {
      const pair: unknown = row.history[i];
      if (!Array.isArray(pair) || pair.length !== 2) {
        return { issues: [issue(source.file, source.line, 'error', 'invalid-turns', `invalid Alpaca row: history[${i}] is not a [question, answer] pair`)] };
      }
      turns.push({ role: 'user', text: asText(pair[0]) }, assistantTurn(pair[1]));
    }
  }
  const instruction = asText(row.instruction);
  const input = asText(row.input);
  turns.push({ role: 'user', text: input.trim() === '' ? instruction : `${instruction}\n\n${input}` });
  if (row.output !== undefined) turns.push(assistantTurn(row.output));
  return conversation(row, 'alpaca', turns, source);
}

/**
 * sft-label output records. Scored slices keep the labeled text in `selection_view`; the trajectory summary
 * between request and response becomes a `tool` turn so the reply stays the single labelable sample.
 */
function fromSftLabelRecord(row: Row, source: SourceLocation): NormalisedRow {
  const view = isRow(row.selection_view) ? row.selection_view : undefined;
  const request = asText(view?.current_request);
  const response = asText(view?.response);
  if (!view || (request.trim() === '' && response.trim() === '')) {
    return {
      issues: [issue(source.file, source.line, 'warning', 'no-conversation', 'sft-label record without conversation text: nothing to label')],
    };
  }
  const turns: Turn[] = [{ role: 'user', text: request }];
  const trajectory = asText(view.trajectory);
  if (trajectory.trim() !== '') turns.push({ role: 'tool', text: trajectory, toolName: 'trajectory' });
  if (response.trim() !== '') turns.push(assistantTurn(response));
  return conversation(row, 'sftlabel_record', turns, source);
}

function unknownFormat(row: Row, source: SourceLocation): NormalisedRow {
  const keys = Object.keys(row);
  const shown = keys.length === 0 ? 'none' : keys.slice(0, MAX_KEYS_SHOWN).join(', ') + (keys.length > MAX_KEYS_SHOWN ? ', …' : '');
  return {
    issues: [issue(source.file, source.line, 'error', 'unknown-format',
      `unknown row format (keys: ${shown}); expected conversations, messages, data or instruction/output`)],
  };
}

/** Detects the format of one parsed row and normalises it; problems come back as issues, never thrown. */
export function normaliseRow(row: unknown, source: SourceLocation): NormalisedRow {
  if (!isRow(row)) {
    return { issues: [issue(source.file, source.line, 'error', 'not-an-object', `row is ${kindOf(row)}, expected a JSON object`)] };
  }
  let illegal: string | undefined;
  let emptyLegal: { candidate: TurnListCandidate; read: ReadTurns } | undefined;
  for (const candidate of TURN_LISTS) {
    const list = row[candidate.key];
    if (!Array.isArray(list)) continue;
    const read = readTurnList(list, candidate.style);
    if ('problem' in read) {
      illegal ??= `invalid turn list: ${candidate.key}[${read.index}] ${read.problem}`;
      continue;
    }
    if (read.turns.length === 0) {
      emptyLegal ??= { candidate, read };
      continue;
    }
    return fromTurnList(row, candidate, read, source);
  }
  if (illegal !== undefined) return { issues: [issue(source.file, source.line, 'error', 'invalid-turns', illegal)] };
  if (emptyLegal) return fromTurnList(row, emptyLegal.candidate, emptyLegal.read, source);
  if (typeof row.instruction === 'string' || typeof row.output === 'string') return fromAlpaca(row, source);
  if (isRow(row.labels) || isRow(row.value) || isRow(row.selection_view)) return fromSftLabelRecord(row, source);
  return unknownFormat(row, source);
}
