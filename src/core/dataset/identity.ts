/**
 * Content identity of rows and samples: sha256 over a length-prefixed encoding of the turns (and the
 * row's tools). Length prefixes make the encoding unambiguous without escaping the text, which matters:
 * escaping every turn through JSON.stringify cost more than parsing the file (bench `index`: 0.50 of
 * the JSON.parse ceiling with it, 0.87 without). Built incrementally: a row with N replies needs N
 * prefix hashes, and hashing each prefix from scratch would cost O(N²) on long agent trajectories.
 *
 * Encoding: `sft-id-1` [`tools` canonical JSON when present] then per turn
 * `\u0000r<len>:<role>t<len>:<text>` + `c<len>:<reasoning>` when present + `n<len>:<toolName>` when present,
 * lengths in UTF-16 code units.
 */
import { createHash, type Hash } from 'node:crypto';
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

/** Feed one turn's encoding into the hash (separate updates: concatenating would copy the text again). */
function updateWithTurn(hash: Hash, turn: Turn): void {
  hash.update(`\u0000r${turn.role.length}:${turn.role}t${turn.text.length}:`);
  hash.update(turn.text);
  if (turn.reasoning !== undefined) {
    hash.update(`c${turn.reasoning.length}:`);
    hash.update(turn.reasoning);
  }
  if (turn.toolName !== undefined) hash.update(`n${turn.toolName.length}:${turn.toolName}`);
}

/** The whole encoding of a prefix as one string: the documented form, for tests and tools. */
export function identityText(turns: readonly Turn[], tools: unknown[] | undefined): string {
  let out = tools === undefined ? 'sft-id-1' : `sft-id-1${canonicalJson(tools)}`;
  for (const t of turns) {
    out += `\u0000r${t.role.length}:${t.role}t${t.text.length}:${t.text}`;
    if (t.reasoning !== undefined) out += `c${t.reasoning.length}:${t.reasoning}`;
    if (t.toolName !== undefined) out += `n${t.toolName.length}:${t.toolName}`;
  }
  return out;
}

/**
 * sha256 hex of `identityText(turns.slice(0, end), tools)` for every `end` in `ends`
 * (ascending, each ≤ turns.length), in one pass over the turns.
 */
export function prefixHashes(turns: readonly Turn[], tools: unknown[] | undefined, ends: readonly number[]): string[] {
  const hash = createHash('sha256').update(tools === undefined ? 'sft-id-1' : `sft-id-1${canonicalJson(tools)}`);
  const out: string[] = [];
  let next = 0;
  for (let i = 0; i <= turns.length && next < ends.length; i++) {
    while (next < ends.length && ends[next] === i) {
      // The last prefix can finish the running hash itself; earlier ones need a copy to keep going.
      const last = next === ends.length - 1;
      out.push((last ? hash : hash.copy()).digest('hex'));
      next++;
    }
    if (i < turns.length && next < ends.length) {
      updateWithTurn(hash, turns[i]);
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
