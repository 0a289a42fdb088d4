/**
 * Content identity of rows and samples. Both are sha256 over `canonicalJson({ turns, tools })`, byte-for-byte
 * what `canonicalJson` from util/hash would produce, but built incrementally: a row with N replies needs N
 * prefix hashes, and hashing each prefix from scratch would cost O(N²) on long agent trajectories.
 */
import { createHash } from 'node:crypto';
import type { Turn } from '../model/conversation';
import { canonicalJson } from '../util/hash';

/** Fields a row may use for its own id, in the order they are tried. */
export const ROW_ID_FIELDS = ['id', 'uuid', 'sample_id', 'conversation_id', 'idx'] as const;

/** The row's own id, stringified, when it has a usable one. */
export function rowIdOf(row: Record<string, unknown>): string | undefined {
  for (const field of ROW_ID_FIELDS) {
    const value = row[field];
    if (typeof value === 'string' && value.trim() !== '') return value;
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  }
  return undefined;
}

/** `canonicalJson(turn)` for the `Turn` shape: keys written in sorted order, undefined ones left out. */
function canonicalTurn(turn: Turn): string {
  const sorted: Record<string, string> = {};
  if (turn.reasoning !== undefined) sorted.reasoning = turn.reasoning;
  sorted.role = turn.role;
  sorted.text = turn.text;
  if (turn.toolName !== undefined) sorted.toolName = turn.toolName;
  return JSON.stringify(sorted);
}

/**
 * sha256 hex of `canonicalJson({ turns: turns.slice(0, end), tools })` for every `end` in `ends`
 * (ascending, each ≤ turns.length), in one pass over the turns.
 */
export function prefixHashes(turns: readonly Turn[], tools: unknown[] | undefined, ends: readonly number[]): string[] {
  // "tools" sorts before "turns"; an undefined `tools` is dropped by JSON.stringify, as in canonicalJson.
  const head = tools === undefined ? '{"turns":[' : `{"tools":${canonicalJson(tools)},"turns":[`;
  const hash = createHash('sha256').update(head);
  const out: string[] = [];
  let next = 0;
  for (let i = 0; i <= turns.length && next < ends.length; i++) {
    while (next < ends.length && ends[next] === i) {
      out.push(hash.copy().update(']}').digest('hex'));
      next++;
    }
    if (i < turns.length && next < ends.length) {
      // Separate updates: concatenating first would copy every turn's text once more.
      if (i > 0) hash.update(',');
      hash.update(canonicalTurn(turns[i]));
    }
  }
  return out;
}

/** Every hash a conversation needs, from a single pass over its turns. */
export interface ConversationHashes {
  /** Hash of the whole row (`Conversation.rowHash`). */
  rowHash: string;
  /** Prefix hash by prefix length, for every prefix that ends with an assistant reply. */
  replies: Map<number, string>;
}

/** Reply prefix hashes and the row hash in one pass: hashing is the costliest step of reading a row. */
export function conversationHashes(turns: readonly Turn[], tools: unknown[] | undefined): ConversationHashes {
  const ends: number[] = [];
  turns.forEach((turn, i) => {
    if (turn.role === 'assistant') ends.push(i + 1);
  });
  if (ends[ends.length - 1] !== turns.length) ends.push(turns.length);
  const hashes = prefixHashes(turns, tools, ends);
  const replies = new Map<number, string>();
  ends.forEach((end, i) => {
    if (end > 0 && turns[end - 1].role === 'assistant') replies.set(end, hashes[i]);
  });
  return { rowHash: hashes[hashes.length - 1], replies };
}

/** Content hash of a whole normalised row. */
export function rowHashOf(turns: readonly Turn[], tools: unknown[] | undefined): string {
  return prefixHashes(turns, tools, [turns.length])[0];
}
