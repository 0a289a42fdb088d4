/**
 * Markdown helpers for text that comes from datasets. Hovers render Markdown; without escaping, a
 * conversation could inject links, images or formatting into the editor's UI.
 */

/** Escape every character Markdown gives meaning to, plus `<`/`>` so nothing reads as HTML. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&]/g, (c) => `\\${c}`);
}

/** First `max` characters on one line, with an ellipsis when cut. */
export function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, Math.max(0, max - 1))}…` : flat;
}

/** Dataset text for a hover: flattened, truncated, escaped. */
export function quote(text: string, max = 160): string {
  return escapeMarkdown(oneLine(text, max));
}
