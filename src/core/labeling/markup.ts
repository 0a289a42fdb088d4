/**
 * Making dataset text inert before it goes into a prompt. Training data is full of markup that other pipelines
 * use as control structure (`<tool_call>`, `<solution>`, fenced COT); shown verbatim it invites the labeler to
 * continue the format or obey it. We drop those tags (keeping what they wrap), drop reasoning blocks entirely,
 * and escape `<`, `>`, `&` so no text in the data can open or close the tags our prompts use.
 */

const TRAINING_TAGS = [
  'solution', 'tool_call', 'tool_calls', 'tool_response', 'tool_result', 'function_call', 'issue', 'patch',
  'code_change', 'file_change', 'original_code', 'new_code', 'bug_fixes', 'tests', 'diff', 'hunk', 'context',
  'change', 'fix', 'command', 'output', 'result', 'reasoning', 'response', 'answer', 'think', 'thinking',
  'observation', 'action', 'final_answer',
  // Our own delimiters: stripped as tags too, so a transcript never shows a look-alike even once escaped.
  'conversation', 'signals', 'call1_result', 'answer_schema',
];
/**
 * Lowercase tags. An opening tag glued to an identifier is code, not markup: `Promise<result>` and `Vec<response>`
 * are generics and stay as they are. Closing tags (`…text</solution>`) never occur in generics.
 */
const TAG_NAMES = TRAINING_TAGS.join('|');
const TAG_PATTERN = new RegExp(`(?<![\\w$.])<\\s*(?:${TAG_NAMES})\\b[^<>]{0,200}?/?\\s*>|<\\s*/\\s*(?:${TAG_NAMES})\\s*>`, 'g');

/** Fenced reasoning blocks (```COT … ```), removed with their content: Pass 1 labels the visible reply only. */
const REASONING_FENCE = /^[ \t]*(`{3,}|~{3,})[ \t]*(?:cot|reasoning|thinking|thought|think)[ \t]*\r?\n[\s\S]*?^[ \t]*\1[ \t]*$\r?\n?/gim;

/** Remove training tags (content kept) and fenced reasoning blocks (content dropped). */
export function stripTrainingMarkup(text: string): string {
  return text.replace(REASONING_FENCE, '').replace(TAG_PATTERN, '');
}

/** Escape the three characters that could form or end a tag. */
export function escapeForPrompt(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
