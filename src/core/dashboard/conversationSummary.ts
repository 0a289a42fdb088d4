/**
 * Conversation-level panels for multi-turn data: a conversation is one dataset record whose samples are
 * its replies. Pure (bundled into the browser).
 */
import type { ConversationSummary, SampleRow } from './model';
import { histogram, histogramShape, round } from './numbers';

const TURN_BUCKETS: { label: string; min: number; max: number | null }[] = [
  { label: '2', min: 2, max: 3 },
  { label: '3', min: 3, max: 4 },
  { label: '4', min: 4, max: 5 },
  { label: '5–7', min: 5, max: 8 },
  { label: '8–15', min: 8, max: 16 },
  { label: '16+', min: 16, max: null },
];

/** Samples grouped by the record they come from (file and row), in scope order. */
export function groupConversations(rows: readonly SampleRow[]): SampleRow[][] {
  const byKey = new Map<string, SampleRow[]>();
  for (const r of rows) {
    const key = `${r.file}:${r.rowIndex}`;
    const list = byKey.get(key);
    if (list) list.push(r);
    else byKey.set(key, [r]);
  }
  return [...byKey.values()];
}

/** Null when no record of the scope has two or more replies. */
export function conversationsOf(rows: readonly SampleRow[]): ConversationSummary | null {
  const multi = groupConversations(rows).filter((c) => c[0]!.turns >= 2);
  if (multi.length === 0) return null;
  const turnBuckets = TURN_BUCKETS.map((b) => ({ ...b, count: 0 }));
  const thinking = { allFast: 0, allSlow: 0, mixed: 0 };
  const values: number[] = [];
  const selections: number[] = [];
  const peaks: number[] = [];
  let turnSum = 0;
  for (const conv of multi) {
    const turns = conv[0]!.turns;
    turnSum += turns;
    const bucket = turnBuckets.find((b) => turns >= b.min && (b.max === null || turns < b.max));
    if (bucket) bucket.count++;
    const slow = conv.filter((r) => r.thinking === 'slow').length;
    if (slow === 0) thinking.allFast++;
    else if (slow === conv.length) thinking.allSlow++;
    else thinking.mixed++;
    // Conversation scores are the same on every reply of the record (see scan.ts).
    const c = conv[0]!.conv;
    if (c?.value !== null && c?.value !== undefined) values.push(c.value);
    if (c?.selection !== null && c?.selection !== undefined) selections.push(c.selection);
    if (c?.peakComplexity !== null && c?.peakComplexity !== undefined) peaks.push(c.peakComplexity);
  }
  const shape = histogramShape('value');
  return {
    count: multi.length,
    meanTurns: round(turnSum / multi.length, 2),
    turnBuckets,
    thinking,
    convValue: values.length ? histogram(values, shape) : null,
    convSelection: selections.length ? histogram(selections, shape) : null,
    peakComplexity: peaks.length ? histogram(peaks, shape) : null,
  };
}
