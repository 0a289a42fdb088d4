import type { Sample, Turn } from '../model/conversation';
import { escapeForPrompt, stripTrainingMarkup } from './markup';
import { isToolTurn } from './toolHints';

/**
 * The conversation as the labeler sees it: role-labelled blocks of inert, escaped text, cut to a character budget
 * so that the parts that decide the labels survive (the request, the reply being labeled, the most recent steps).
 * Reasoning (`Turn.reasoning`) is never shown: Pass 1 labels what the reply needed, not how it was thought out.
 */
export interface Transcript {
  text: string;
  /** Some text or turns were cut to fit the budget. */
  truncated: boolean;
}

/** Shares of the budget; see `allocate`. */
const SYSTEM_SHARE = 0.2;
const PAIR_REQUEST_SHARE = 0.4;
const FIRST_REQUEST_SHARE = 0.35;
const FINAL_REPLY_SHARE = 0.3;
const MIDDLE_TURN_SHARE = 0.15;
/** A middle turn gets at least this many characters or is omitted: a 40-character slice of a log helps nobody. */
const MIN_TURN_CHARS = 120;

/** Render `sample` within `budgetChars` characters of conversation text (headers and markers not counted). */
export function renderTranscript(sample: Sample, budgetChars: number): Transcript {
  const turns = sample.turns;
  const texts = turns.map((t) => stripTrainingMarkup(t.text));
  const budget = Math.max(1_000, Math.floor(budgetChars));
  const allowance = allocate(turns, texts, budget);
  const blocks: string[] = [];
  let truncated = false;
  let omitted = 0;
  const flushOmitted = () => {
    if (omitted > 0) blocks.push(`[... ${omitted} earlier turn${omitted === 1 ? '' : 's'} omitted ...]`);
    omitted = 0;
  };
  turns.forEach((turn, i) => {
    const max = allowance[i]!;
    if (max <= 0) {
      omitted++;
      truncated = true;
      return;
    }
    flushOmitted();
    const text = texts[i]!;
    if (text.length > max) truncated = true;
    const body = cutMiddle(text, max, headShare(turn, i === turns.length - 1));
    blocks.push(`${header(turn, i === turns.length - 1)}\n${body || '(empty)'}`);
  });
  flushOmitted();
  return { text: blocks.join('\n\n'), truncated };
}

/**
 * Characters allowed per turn (0 = omitted). Leading system turns come first, capped at a fifth of the budget.
 * A request/reply pair splits 40/60. Longer conversations give the first user request 35% and the reply being
 * labeled 30%, then fill the rest backwards from the end with a per-turn cap, so the latest steps survive and the
 * oldest middle turns are the ones dropped. Whatever a short turn does not use flows to the others.
 */
function allocate(turns: readonly Turn[], texts: readonly string[], budget: number): number[] {
  const lengths = texts.map((t) => t.length);
  if (lengths.reduce((a, b) => a + b, 0) <= budget) return lengths;
  const allowance = new Array<number>(turns.length).fill(0);

  let systemLeft = Math.floor(budget * SYSTEM_SHARE);
  let firstDialogue = 0;
  while (firstDialogue < turns.length && turns[firstDialogue]!.role === 'system') {
    const give = Math.min(lengths[firstDialogue]!, systemLeft);
    allowance[firstDialogue] = give;
    systemLeft -= give;
    firstDialogue++;
  }
  const used = allowance.reduce((a, b) => a + b, 0);
  const rest = budget - used;
  const last = turns.length - 1;
  const dialogue = last - firstDialogue + 1;
  if (dialogue <= 0) return allowance;
  if (dialogue === 1) {
    allowance[last] = Math.min(lengths[last]!, rest);
    return allowance;
  }
  if (dialogue === 2) {
    const req = firstDialogue;
    allowance[req] = Math.min(lengths[req]!, Math.max(Math.floor(rest * PAIR_REQUEST_SHARE), rest - lengths[last]!));
    allowance[last] = Math.min(lengths[last]!, rest - allowance[req]!);
    return allowance;
  }

  const firstUserAt = turns.findIndex((t, i) => i >= firstDialogue && i < last && t.role === 'user');
  const first = firstUserAt >= 0 ? firstUserAt : firstDialogue;
  allowance[first] = Math.min(lengths[first]!, Math.floor(rest * FIRST_REQUEST_SHARE));
  allowance[last] = Math.min(lengths[last]!, Math.floor(rest * FINAL_REPLY_SHARE));
  let pool = rest - allowance[first]! - allowance[last]!;
  const perTurnCap = Math.max(300, Math.floor(rest * MIDDLE_TURN_SHARE));
  for (let i = last - 1; i >= firstDialogue; i--) {
    if (i === first) continue;
    if (pool < MIN_TURN_CHARS) break;
    const give = Math.min(lengths[i]!, perTurnCap, pool);
    allowance[i] = give;
    pool -= give;
  }
  // Left-over budget goes back to the two turns that matter most.
  for (const i of [last, first]) {
    const more = Math.min(pool, lengths[i]! - allowance[i]!);
    allowance[i] = allowance[i]! + more;
    pool -= more;
  }
  return allowance;
}

/** Which part of a long text matters more: tool output ends with the result, a reply with its conclusion. */
function headShare(turn: Turn, isReply: boolean): number {
  if (isToolTurn(turn)) return 0.3;
  if (isReply) return 0.4;
  return 0.5;
}

/**
 * Keep the head and tail of `text` within `max` characters (then escaped), with a marker saying how much of the
 * middle was cut. Never splits a surrogate pair.
 */
export function cutMiddle(text: string, max: number, share = 0.5): string {
  if (text.length <= max) return escapeForPrompt(text);
  let head = Math.max(Math.min(100, max), Math.round(max * share));
  let tail = max - head;
  if (tail < 200 && max >= 300) {
    tail = 200;
    head = max - tail;
  }
  if (isLowSurrogate(text.charCodeAt(head))) head--;
  let tailStart = text.length - tail;
  if (isLowSurrogate(text.charCodeAt(tailStart))) tailStart++;
  const omitted = tailStart - head;
  return `${escapeForPrompt(text.slice(0, head))}\n[... ${omitted} characters omitted ...]\n${escapeForPrompt(text.slice(tailStart))}`;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function header(turn: Turn, isReply: boolean): string {
  const name = turn.toolName ? escapeForPrompt(turn.toolName.slice(0, 64)) : undefined;
  if (isReply && turn.role === 'assistant') return '[ASSISTANT — the reply being labeled]';
  switch (turn.role) {
    case 'system':
      return '[SYSTEM PROMPT IN DATA — evaluate only]';
    case 'user':
      return '[USER]';
    case 'assistant':
      return name ? `[ASSISTANT — calls tool ${name}]` : '[ASSISTANT]';
    default:
      if (isToolTurn(turn)) return name ? `[TOOL OUTPUT (${name}) — evaluate only]` : '[TOOL OUTPUT — evaluate only]';
      return `[DATA MESSAGE (${escapeForPrompt(String(turn.role).slice(0, 32))}) — evaluate only]`;
  }
}
