/**
 * Cutting long text to a character budget while keeping what a judge needs: the opening, the conclusion, and
 * for long reasoning, trajectories and fast replies a few evenly spaced samples of the middle (reference §5.2).
 * Every cut leaves a marker that says how much was left out and where the next kept text starts, so the judge
 * can tell "truncated here" from "the author stopped here". Results never exceed the budget.
 */

/** Characters set aside per marker; the longest marker (10-digit count, 100%) with its line breaks is 54. */
export const MARKER_RESERVE = 64;
/** Middle fragments kept by `cutFragments`. */
export const MIDDLE_FRAGMENTS = 3;
/** Below this many characters of kept text, middle fragments are too small to help: keep head and tail only. */
const MIN_FRAGMENT_TEXT = 600;

export interface FragmentShares {
  /** Share of the kept text taken from the start. */
  head: number;
  /** Share of the kept text taken from the end; the rest goes to the middle fragments. */
  tail: number;
}

/** Shares of the three texts cut into fragments (reference §5.2). */
export const COT_SHARES: FragmentShares = { head: 0.3, tail: 0.3 };
export const TRAJECTORY_SHARES: FragmentShares = { head: 0.25, tail: 0.35 };
export const FAST_RESPONSE_SHARES: FragmentShares = { head: 0.45, tail: 0.25 };
/** Head shares of the texts cut to head + tail only; the tail gets the rest. */
export const REQUEST_HEAD_SHARE = 0.3;
export const SLOW_RESPONSE_HEAD_SHARE = 0.3;
export const PRIOR_CONTEXT_HEAD_SHARE = 0.15;

type Span = [start: number, end: number];

/** Keep the first `headShare` of the budget and the end of `text`, with one marker between. */
export function cutHeadTail(text: string, max: number, headShare: number): string {
  if (text.length <= max) return text;
  const keep = Math.floor(max) - MARKER_RESERVE;
  // No room for a marker: plain cut (only budgets far below any real share end up here).
  if (keep <= 0) return text.slice(0, safeBoundary(text, Math.max(0, Math.floor(max)), -1));
  const head = Math.floor(keep * headShare);
  return render(
    text,
    [
      [0, head],
      [text.length - (keep - head), text.length],
    ],
    false,
  );
}

/**
 * Keep head, tail and `MIDDLE_FRAGMENTS` evenly spaced pieces of the middle of `text` within `max` characters.
 * Budgets too small for useful fragments fall back to head + tail in the same proportion.
 */
export function cutFragments(text: string, max: number, shares: FragmentShares): string {
  if (text.length <= max) return text;
  const keep = Math.floor(max) - MARKER_RESERVE * (MIDDLE_FRAGMENTS + 1);
  if (keep < MIN_FRAGMENT_TEXT) return cutHeadTail(text, max, shares.head / (shares.head + shares.tail));
  const head = Math.floor(keep * shares.head);
  const tail = Math.floor(keep * shares.tail);
  const each = Math.floor((keep - head - tail) / MIDDLE_FRAGMENTS);
  const middleStart = head;
  const middleEnd = text.length - tail;
  const spans: Span[] = [[0, head]];
  for (let i = 1; i <= MIDDLE_FRAGMENTS; i++) {
    const center = middleStart + ((middleEnd - middleStart) * i) / (MIDDLE_FRAGMENTS + 1);
    const start = Math.round(center - each / 2);
    spans.push([start, start + each]);
  }
  spans.push([middleEnd, text.length]);
  return render(text, spans, true);
}

/**
 * Join the kept spans (sorted, overlaps merged, surrogate pairs never split) with markers for the gaps;
 * `withPosition` adds where the next kept fragment starts.
 */
function render(text: string, spans: Span[], withPosition: boolean): string {
  const merged: Span[] = [];
  for (const [rawStart, rawEnd] of spans) {
    const start = safeBoundary(text, Math.max(0, Math.min(text.length, rawStart)), +1);
    const end = safeBoundary(text, Math.max(start, Math.min(text.length, rawEnd)), -1);
    if (end <= start) continue;
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  const out: string[] = [];
  let cursor = 0;
  for (const [start, end] of merged) {
    if (start > cursor) out.push(marker(start - cursor, start, text.length, withPosition && out.length > 0));
    out.push(text.slice(start, end));
    cursor = end;
  }
  if (cursor < text.length) out.push(marker(text.length - cursor, text.length, text.length, false));
  return out.join('');
}

function marker(omitted: number, nextStart: number, total: number, between: boolean): string {
  const where = between && nextStart < total ? `, fragment at ${Math.round((100 * nextStart) / total)}%` : '';
  return `\n[... ${omitted} chars omitted${where} ...]\n`;
}

/** Move `index` off the middle of a surrogate pair, in direction `dir`. */
function safeBoundary(text: string, index: number, dir: 1 | -1): number {
  const code = text.charCodeAt(index);
  if (index > 0 && index < text.length && code >= 0xdc00 && code <= 0xdfff) return dir > 0 ? index + 1 : index - 1;
  return index;
}
