import { isMap, isScalar } from 'yaml';
import { CALL1_DIMENSIONS, DIMENSIONS, SINGLE_SELECT, type Dimension } from '../model/labels';
import { KEBAB_CASE, nearest, scalarReplacement, toKebabCase } from './fixes';
import { PROBLEM_CODES as C, ProblemList } from './problems';
import type { CategoryEntry, Entry, TaxonomyShape } from './shape';
import { fileStartRange, keyRange, scalarAt, valueRange, type NodePath, type ParsedFile } from './source';
import type { TaxonomyFix } from './types';

/** The select mode the labeler's record shape needs for a dimension (one value or a list). */
export function expectedSelect(dim: Dimension): 'single' | 'multi' {
  return SINGLE_SELECT.has(dim) ? 'single' : 'multi';
}

/** Which labeling call asks for a dimension when the taxonomy does not say. */
export function defaultCall(dim: Dimension): 1 | 2 {
  return (CALL1_DIMENSIONS as readonly Dimension[]).includes(dim) ? 1 : 2;
}

export function isDimension(id: string | undefined): id is Dimension {
  return id !== undefined && (DIMENSIONS as readonly string[]).includes(id);
}

/** Reports an id that is not kebab-case, with a rename fix; returns whether it was fine. */
export function checkKebabId(entry: Entry<{ id: string }>, what: string, problems: ProblemList): boolean {
  const id = entry.data.id;
  if (id === undefined || KEBAB_CASE.test(id)) return true;
  const path = [...entry.path, 'id'];
  const range = valueRange(entry.file, path);
  const kebab = toKebabCase(id);
  const fix: TaxonomyFix | undefined = kebab
    ? { title: `Rename to \`${kebab}\``, range, newText: scalarReplacement(scalarAt(entry.file, path), kebab) }
    : undefined;
  const message = `${what} id \`${id}\` must be kebab-case (lowercase letters and digits joined by single hyphens)`;
  problems.error(entry.file.path, C.notKebabCase, message, range, fix);
  return false;
}

/** `file:line` (1-based) of the value at `path`, to point from one problem to the other definition. */
export function where(file: ParsedFile, path: NodePath): string {
  return `${file.path}:${valueRange(file, path).start.line + 1}`;
}

/**
 * Category-level rules: a root file exists, ids are kebab-case and unique, the nine labeler
 * categories are all present with the select mode the label record needs, extra categories
 * are flagged as unused, subcategory ids are sound. Returns the declared categories by id.
 */
export function checkCategories(
  shape: TaxonomyShape,
  files: readonly ParsedFile[],
  problems: ProblemList,
): Map<string, CategoryEntry> {
  const declared = new Map<string, CategoryEntry>();
  if (!shape.root) {
    // A root file that failed to parse has already been reported; do not pile on.
    if (!files.some((f) => f.kind === 'root')) {
      const file = files[0]?.path ?? '(no files)';
      problems.error(file, C.missingRoot, 'no root file: one file must declare `version` and `categories`', fileStartRange());
    }
    return declared;
  }
  for (const category of shape.categories) {
    const id = category.data.id;
    if (id === undefined) continue;
    const kebab = checkKebabId(category, 'category', problems);
    const first = declared.get(id);
    if (first) {
      const message = `category \`${id}\` is already declared at ${where(first.file, [...first.path, 'id'])}`;
      problems.error(category.file.path, C.duplicateId, message, valueRange(category.file, [...category.path, 'id']));
      continue;
    }
    declared.set(id, category);
    if (isDimension(id)) checkSelect(category, id, problems);
    else if (kebab) reportExtraCategory(category, id, problems);
    checkSubcategories(category, problems);
  }
  for (const dim of DIMENSIONS) {
    if (declared.has(dim) || !shape.categoriesListed) continue;
    const message = `required category \`${dim}\` is missing; the labeler needs all of ${DIMENSIONS.join(', ')}`;
    problems.error(shape.root.path, C.missingCategory, message, keyRange(shape.root, ['categories']));
  }
  return declared;
}

function checkSelect(category: CategoryEntry, dim: Dimension, problems: ProblemList): void {
  const select = category.data.select;
  const expected = expectedSelect(dim);
  if (select === undefined || select === expected) return;
  const path = [...category.path, 'select'];
  const range = valueRange(category.file, path);
  const reason = expected === 'single' ? 'holds one tag per sample' : 'holds a list of tags per sample';
  const message = `category \`${dim}\` must be \`${expected}\`: the label record ${reason}`;
  problems.error(category.file.path, C.selectMismatch, message, range, {
    title: `Change to \`${expected}\``,
    range,
    newText: scalarReplacement(scalarAt(category.file, path), expected),
  });
}

function reportExtraCategory(category: CategoryEntry, id: string, problems: ProblemList): void {
  const suggestion = nearest(id, DIMENSIONS);
  const hint = suggestion ? `; did you mean \`${suggestion}\`?` : '';
  const message = `category \`${id}\` is not used by the labeler (it labels ${DIMENSIONS.join(', ')})${hint}`;
  problems.warning(category.file.path, C.extraCategory, message, valueRange(category.file, [...category.path, 'id']));
}

function checkSubcategories(category: CategoryEntry, problems: ProblemList): void {
  const seen = new Map<string, NodePath>();
  for (const sub of category.subcategories) {
    const id = sub.data.id;
    if (id === undefined) continue;
    checkKebabId(sub, 'subcategory', problems);
    const first = seen.get(id);
    if (first) {
      const message = `subcategory \`${id}\` is already declared at ${where(category.file, first)}`;
      problems.error(sub.file.path, C.duplicateId, message, valueRange(sub.file, [...sub.path, 'id']));
    } else {
      seen.set(id, [...sub.path, 'id']);
    }
  }
}

/** Tag files must name a declared category. Returns the categories whose tags are partly unreadable. */
export function checkTagFiles(
  shape: TaxonomyShape,
  declared: ReadonlyMap<string, CategoryEntry>,
  files: readonly ParsedFile[],
  problems: ProblemList,
): Set<string> {
  if (shape.root) {
    for (const tagFile of shape.tagFiles) {
      const category = tagFile.category;
      if (category === undefined || declared.has(category)) continue;
      const path = ['category'];
      const range = valueRange(tagFile.file, path);
      const suggestion = nearest(category, declared.keys());
      const fix = suggestion
        ? { title: `Change to \`${suggestion}\``, range, newText: scalarReplacement(scalarAt(tagFile.file, path), suggestion) }
        : undefined;
      const hint = suggestion ? `; did you mean \`${suggestion}\`?` : '';
      const message = `unknown category \`${category}\`: it is not declared in ${shape.root.path}${hint}`;
      problems.error(tagFile.file.path, C.unknownCategory, message, range, fix);
    }
  }
  return categoriesOfBrokenFiles(files);
}

/** Categories named by tag files that failed to parse: their apparent emptiness is not news. */
function categoriesOfBrokenFiles(files: readonly ParsedFile[]): Set<string> {
  const broken = new Set<string>();
  for (const file of files) {
    if (file.doc.errors.length === 0 || !isMap(file.doc.contents)) continue;
    const category = file.doc.contents.get('category', true);
    if (isScalar(category) && typeof category.value === 'string') broken.add(category.value);
  }
  return broken;
}
