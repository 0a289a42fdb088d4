/**
 * Pyramid slicing: each assistant reply, with everything before it, is one sample to label. Sample ids are
 * content hashes, so rows without an id and OpenAI `messages` rows never collide (two sft-label bugs) and
 * the same conversation always gets the same id, wherever it sits in whatever file.
 */
import type { Conversation, Sample } from '../model/conversation';
import { prefixHashes, type ConversationHashes } from './identity';

const SAMPLE_ID_PREFIX = 's1:';
const SAMPLE_ID_HEX = 24;
const DISPLAY_HASH_HEX = 12;

/** Stable sample id from the hash of its prefix (see `prefixHashes`). */
export function sampleIdFromHash(prefixHash: string): string {
  return SAMPLE_ID_PREFIX + prefixHash.slice(0, SAMPLE_ID_HEX);
}

/**
 * Samples of a conversation. Every assistant reply yields one sample holding all turns before it plus the
 * reply. Packed rows and rows with a single reply yield one sample ending at their last reply; rows without
 * a reply yield none (the caller reports it). Turns after the last reply belong to no sample.
 * `hashes`, when the caller already has them from normalising, saves hashing the turns again.
 */
export function samplesOf(conv: Conversation, hashes?: ConversationHashes): Sample[] {
  const replyEnds: number[] = [];
  conv.turns.forEach((turn, i) => {
    if (turn.role === 'assistant') replyEnds.push(i + 1);
  });
  if (replyEnds.length === 0) return [];
  const ends = conv.packed ? replyEnds.slice(-1) : replyEnds;
  const known = hashes ? ends.map((end) => hashes.replies.get(end)) : [];
  const prefix = hashes && known.every((h) => h !== undefined)
    ? (known as string[])
    : prefixHashes(conv.turns, conv.tools, ends);
  const displayBase = conv.rowId ?? conv.rowHash.slice(0, DISPLAY_HASH_HEX);
  return ends.map((end, k): Sample => {
    const turns = conv.turns.slice(0, end);
    const sample: Sample = {
      id: sampleIdFromHash(prefix[k]),
      displayId: `${displayBase}_t${k + 1}`,
      turnIndex: k + 1,
      totalTurns: ends.length,
      turns,
      thinkingMode: turns[end - 1].reasoning ? 'slow' : 'fast',
      format: conv.format,
      rowHash: conv.rowHash,
      source: conv.source,
    };
    if (conv.tools !== undefined) sample.tools = conv.tools;
    if (conv.rowId !== undefined) sample.rowId = conv.rowId;
    return sample;
  });
}
