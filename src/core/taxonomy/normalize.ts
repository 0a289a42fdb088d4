/**
 * The form in which ids and aliases are compared: trimmed, lowercase, with runs of spaces and
 * underscores turned into one hyphen. `Code Review`, `code_review` and `CODE-REVIEW` all match.
 */
export function normalizeTagText(raw: string): string {
  return raw.trim().toLowerCase().replace(/[\s_]+/g, '-');
}
