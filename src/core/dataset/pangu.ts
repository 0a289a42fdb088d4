/**
 * Pangu training rows carry their chat template inside the text: `[unusedN]` control tokens, `/no_think`
 * switches, `[unused16]…[unused17]` reasoning. These helpers turn that into readable text.
 */
import type { Turn } from '../model/conversation';

/** Turn separator inside a packed user turn: marks a row that is already one packed training sample. */
export const PACKED_MARKER = '[unused10]';

// [unused10] ends a turn and [unused11]/[unused12] wrap a tool call: they become line breaks so the pieces
// they separate stay apart. The other template tokens ([unused9], [unused13]…[unused17]) just go away.
const SEPARATOR_TOKENS = /\[unused1[0-2]\]/g;
const OTHER_TOKENS = /\[unused(?:9|1[3-7])\]/g;
const NO_THINK = / ?\/no_think/g;

/** Strips the template tokens and `/no_think`; reasoning must already have been taken out. */
export function cleanPanguText(raw: string): string {
  if (!raw.includes('[unused') && !raw.includes('/no_think')) return raw;
  return raw
    .replace(NO_THINK, '')
    .replace(SEPARATOR_TOKENS, '\n')
    .replace(OTHER_TOKENS, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** `meta_prompt` (a string or a list of strings) becomes leading system turns. */
export function metaPromptTurns(metaPrompt: unknown): Turn[] {
  const prompts = Array.isArray(metaPrompt) ? metaPrompt : [metaPrompt];
  const turns: Turn[] = [];
  for (const prompt of prompts) {
    if (typeof prompt !== 'string') continue;
    const text = cleanPanguText(prompt).trim();
    if (text !== '') turns.push({ role: 'system', text });
  }
  return turns;
}
