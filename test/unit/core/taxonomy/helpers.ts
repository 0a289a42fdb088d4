import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TaxonomyProblem } from '../../../../src/core/taxonomy/types';
import { validateTaxonomyTexts } from '../../../../src/core/taxonomy/validate';

export const FIXTURES = join(__dirname, '../../../fixtures/taxonomies');

/** The valid single-file fixture; its ids are ask, make, python, sql, analytics, finance, cleaning, plotting, ... */
export const SINGLE_FILE_ROOT = readFileSync(join(FIXTURES, 'single-file.yaml'), 'utf8');

/** Lines joined with `\n`, so array index = 0-based line number in assertions. */
export function lines(...rows: string[]): string {
  return rows.join('\n');
}

/** Validates a tag file next to the valid single-file root, so every problem comes from the tag file. */
export function validateTagFile(text: string): TaxonomyProblem[] {
  return validateTaxonomyTexts([
    { path: 'root.yaml', text: SINGLE_FILE_ROOT },
    { path: 'tags/extra.yaml', text },
  ]);
}

/** [startLine, startChar, endLine, endChar], 0-based, for compact exact-range assertions. */
export function span(p: TaxonomyProblem): [number, number, number, number] {
  return [p.range.start.line, p.range.start.character, p.range.end.line, p.range.end.character];
}

/** A compact view of a problem: severity, code and exact range. */
export function summary(p: TaxonomyProblem): string {
  return `${p.severity} ${p.code} ${span(p).join(',')}`;
}

/** One category as a single flow-style line, holding one tag `<id>-tag`. */
export function flowCategory(id: string, extra = ''): string {
  return `  - { id: ${id}, name: ${id}${extra}, tags: [{ id: ${id}-tag, name: ${id} tag }] }`;
}

/**
 * A valid root file with every category on one line: line 2 + index in DIMENSIONS order
 * (intent on line 2, context on line 10). `edit` replaces lines by index, or removes them with null.
 */
export function flowRoot(edit: Record<number, string | null> = {}): string {
  const ids = ['intent', 'language', 'domain', 'task', 'difficulty', 'concept', 'agentic', 'constraint', 'context'];
  const rows = ['version: "1"', 'categories:', ...ids.map((id) => flowCategory(id))];
  return rows
    .map((row, i) => (i in edit ? edit[i] : row))
    .filter((row): row is string => row !== null)
    .join('\n');
}
