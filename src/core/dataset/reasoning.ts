/**
 * Reasoning (chain of thought) carried inside reply text. It is moved to `Turn.reasoning` so labelers see
 * the visible answer, and so `thinkingMode` can tell slow (reasoned) replies from fast ones.
 */

export interface SplitReasoning {
  text: string;
  /** Undefined when there was no reasoning or it was empty (`<think></think>` is a fast reply). */
  reasoning?: string;
}

const ANY_THINK_TAG = /<\/?think/i;
const THINK_BLOCK = /<(think|thinking)>([\s\S]*?)<\/\1>/gi;
const LEADING_OPEN = /^\s*<(think|thinking)>/i;
const LONE_CLOSE = /<\/(think|thinking)>/i;

function joinNonEmpty(parts: (string | undefined)[]): string | undefined {
  const kept = parts.map((p) => p?.trim()).filter((p): p is string => !!p);
  return kept.length > 0 ? kept.join('\n\n') : undefined;
}

/**
 * `<think>…</think>` and `<thinking>…</thinking>` blocks anywhere in the text, plus two shapes seen in the
 * wild: a reply cut off inside its reasoning (leading `<think>` never closed: all of it is reasoning), and a
 * reply whose opening tag lived in the chat template (text before a lone `</think>` is reasoning).
 */
export function splitThinkTags(raw: string): SplitReasoning {
  if (!ANY_THINK_TAG.test(raw)) return { text: raw };
  const found: string[] = [];
  let text = raw.replace(THINK_BLOCK, (_m, _tag: string, inner: string) => {
    found.push(inner);
    return '';
  });
  const open = LEADING_OPEN.exec(text);
  if (open) {
    found.push(text.slice(open[0].length));
    text = '';
  } else {
    const close = LONE_CLOSE.exec(text);
    if (close) {
      found.unshift(text.slice(0, close.index));
      text = text.slice(close.index + close[0].length);
    }
  }
  return withReasoning(text.trim(), joinNonEmpty(found));
}

const PANGU_COT = /\[unused16\]([\s\S]*?)\[unused17\]/g;

/** Pangu marks reasoning as `[unused16]…[unused17]`; an unclosed `[unused16]` runs to the end. */
export function splitPanguReasoning(raw: string): SplitReasoning {
  if (!raw.includes('[unused16]')) return { text: raw };
  const found: string[] = [];
  let text = raw.replace(PANGU_COT, (_m, inner: string) => {
    found.push(inner);
    return '';
  });
  const unclosed = text.indexOf('[unused16]');
  if (unclosed !== -1) {
    found.push(text.slice(unclosed + '[unused16]'.length));
    text = text.slice(0, unclosed);
  }
  return withReasoning(text, joinNonEmpty(found));
}

/** Names of assistant-turn fields that carry reasoning beside `content`, in the order they are tried. */
export const REASONING_FIELDS = ['reasoning_content', 'thinking_content', 'cot_content', 'reasoning'] as const;

/** First non-empty string among the reasoning sidecar fields of a raw turn. */
export function sidecarReasoning(turn: Record<string, unknown>): string | undefined {
  for (const field of REASONING_FIELDS) {
    const value = turn[field];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return undefined;
}

/** Sidecar reasoning first (it came before the answer), then whatever the text carried. */
export function mergeReasoning(first: string | undefined, second: string | undefined): string | undefined {
  return joinNonEmpty([first, second]);
}

function withReasoning(text: string, reasoning: string | undefined): SplitReasoning {
  return reasoning === undefined ? { text } : { text, reasoning };
}
