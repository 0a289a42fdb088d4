import { Scalar } from 'yaml';
import type { TaxonomyFix } from './types';

/** Ids are lowercase words joined by single hyphens: `code-review-task`, `mql5`, `c`. */
export const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The kebab-case spelling of an id: `CodeReview`, `code_review` and `Code Review` all give `code-review`. */
export function toKebabCase(raw: string): string {
  return raw
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Levenshtein distance, for "did you mean" suggestions on short identifiers. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length];
}

/** The candidate with the smallest edit distance to `value` (case-insensitive), however far. */
export function closest(value: string, candidates: Iterable<string>): { candidate: string; distance: number } | undefined {
  const needle = value.toLowerCase();
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(needle, candidate.toLowerCase());
    if (!best || distance < best.distance) best = { candidate, distance };
  }
  return best;
}

/**
 * The candidate closest to `value` if it is close enough to be a plausible typo: at most
 * `maxDistance` edits and at most half the value's length (so `ab` never "means" `xy`).
 */
export function nearest(value: string, candidates: Iterable<string>, maxDistance = 3): string | undefined {
  const best = closest(value, candidates);
  const limit = Math.min(maxDistance, Math.max(1, Math.floor(value.length / 2)));
  return best && best.distance <= limit ? best.candidate : undefined;
}

/** Plain scalars that YAML would read as something other than a string. */
const NON_STRING_PLAIN = /^(?:[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?|0x[0-9a-f]+|0o[0-7]+|true|false|null|~|\.inf|\.nan)$/i;

/**
 * Source text that replaces a scalar's value with `value`, keeping the scalar's quoting
 * style, and quoting a plain value that YAML would otherwise read as a number or boolean.
 */
export function scalarReplacement(node: Scalar | undefined, value: string): string {
  if (node?.type === Scalar.QUOTE_SINGLE) return `'${value.replace(/'/g, "''")}'`;
  if (node?.type === Scalar.QUOTE_DOUBLE || NON_STRING_PLAIN.test(value)) return JSON.stringify(value);
  return value;
}

/** Applies a fix to the text it was computed for and returns the new text. */
export function applyFix(text: string, fix: TaxonomyFix): string {
  const start = offsetOf(text, fix.range.start);
  const end = offsetOf(text, fix.range.end);
  return text.slice(0, start) + fix.newText + text.slice(end);
}

function offsetOf(text: string, pos: { line: number; character: number }): number {
  let offset = 0;
  for (let line = 0; line < pos.line; line++) {
    const newline = text.indexOf('\n', offset);
    if (newline < 0) return text.length;
    offset = newline + 1;
  }
  return Math.min(offset + pos.character, text.length);
}
