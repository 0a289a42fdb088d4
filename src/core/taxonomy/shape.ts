import type { z } from 'zod';
import { closest, nearest, scalarReplacement } from './fixes';
import { PROBLEM_CODES as C, ProblemList } from './problems';
import {
  CategorySchema,
  fieldsOf,
  RootFileSchema,
  SELECT_MODES,
  SubcategorySchema,
  TagFileSchema,
  TagSchema,
  type CategoryData,
  type SubcategoryData,
  type TagData,
} from './schema';
import {
  anchorRange,
  fileStartRange,
  keyRange,
  offsetRange,
  scalarAt,
  sourceTextAt,
  valueRange,
  type NodePath,
  type ParsedFile,
} from './source';

/** An entry read from a file, with where it came from. `complete` is false when a field was unusable. */
export interface Entry<T> {
  file: ParsedFile;
  path: NodePath;
  data: Partial<T>;
  complete: boolean;
}

export interface CategoryEntry extends Entry<CategoryData> {
  subcategories: Entry<SubcategoryData>[];
}

export interface TagEntry extends Entry<TagData> {
  /** The category the tag is listed under: the tag file's `category`, or the enclosing inline category. */
  listedUnder?: string;
  /** Where `listedUnder` is written, for messages and fixes. */
  listedUnderPath: NodePath;
}

export interface TagFileEntry {
  file: ParsedFile;
  category?: string;
}

/** Everything the files declare, before cross-entry rules run. */
export interface TaxonomyShape {
  root?: ParsedFile;
  /** False when the root file's `categories` is unusable, so absent categories are not news. */
  categoriesListed: boolean;
  version?: string;
  categories: CategoryEntry[];
  tagFiles: TagFileEntry[];
  tags: TagEntry[];
}

/**
 * Reads the parsed files into entries, reporting syntax errors, unknown file kinds, missing
 * fields, wrong types and unknown fields. Root files are read before tag files, so inline
 * tags come first in each category.
 */
export function readShape(files: readonly ParsedFile[], problems: ProblemList): TaxonomyShape {
  const shape: TaxonomyShape = { categoriesListed: false, categories: [], tagFiles: [], tags: [] };
  const readable = files.filter((file) => reportSyntax(file, problems));
  for (const file of readable.filter((f) => f.kind === 'root')) readRoot(file, shape, problems);
  for (const file of readable.filter((f) => f.kind === 'tags')) readTagFile(file, shape, problems);
  for (const file of readable.filter((f) => f.kind === 'unknown')) reportUnknownKind(file, problems);
  return shape;
}

/** Reports YAML errors and warnings; returns whether the file is clean enough to read further. */
function reportSyntax(file: ParsedFile, problems: ProblemList): boolean {
  for (const e of file.doc.errors) {
    problems.error(file.path, C.yamlSyntax, e.message, offsetRange(file, e.pos[0], e.pos[1]));
  }
  for (const w of file.doc.warnings) {
    problems.warning(file.path, C.yamlWarning, w.message, offsetRange(file, w.pos[0], w.pos[1]));
  }
  // Reading a half-parsed document would only add confusing follow-up problems.
  return file.doc.errors.length === 0;
}

function reportUnknownKind(file: ParsedFile, problems: ProblemList): void {
  const empty = file.doc.contents === null;
  const message = empty
    ? 'the file is empty; a taxonomy file needs `categories` (root file) or `category` and `tags` (tag file)'
    : 'not a taxonomy file: expected `version` and `categories` (root file) or `category` and `tags` (tag file)';
  problems.error(file.path, C.unknownFileKind, message, empty ? fileStartRange() : anchorRange(file, []));
}

function readRoot(file: ParsedFile, shape: TaxonomyShape, problems: ProblemList): void {
  if (shape.root) {
    const message = `a second root file; the categories are already declared in ${shape.root.path}`;
    problems.error(file.path, C.duplicateRoot, message, keyRange(file, ['categories']));
    return;
  }
  shape.root = file;
  const js = toPlain(file);
  const root = readEntry(RootFileSchema, 'the root file', file, [], js, problems);
  if (!root) return;
  shape.version = root.data.version;
  shape.categoriesListed = root.data.categories !== undefined;
  (root.data.categories ?? []).forEach((_, i) => {
    const category = readCategory(file, ['categories', i], js, problems);
    if (category) shape.categories.push(category);
    category?.data.tags?.forEach((_t, k) => {
      const path = ['categories', i, 'tags', k];
      const tag = readEntry(TagSchema, 'tag', file, path, js, problems);
      if (tag) shape.tags.push({ ...tag, listedUnder: category.data.id, listedUnderPath: ['categories', i, 'id'] });
    });
  });
}

function readCategory(file: ParsedFile, path: NodePath, js: unknown, problems: ProblemList): CategoryEntry | undefined {
  const entry = readEntry(CategorySchema, 'category', file, path, js, problems);
  if (!entry) return undefined;
  const subcategories: Entry<SubcategoryData>[] = [];
  entry.data.subcategories?.forEach((_, j) => {
    const sub = readEntry(SubcategorySchema, 'subcategory', file, [...path, 'subcategories', j], js, problems);
    if (sub) subcategories.push(sub);
  });
  return { ...entry, subcategories };
}

function readTagFile(file: ParsedFile, shape: TaxonomyShape, problems: ProblemList): void {
  const js = toPlain(file);
  const entry = readEntry(TagFileSchema, 'the tag file', file, [], js, problems);
  if (!entry) return;
  const category = entry.data.category;
  shape.tagFiles.push({ file, category });
  entry.data.tags?.forEach((_, k) => {
    const tag = readEntry(TagSchema, 'tag', file, ['tags', k], js, problems);
    if (tag) shape.tags.push({ ...tag, listedUnder: category, listedUnderPath: ['category'] });
  });
}

function toPlain(file: ParsedFile): unknown {
  try {
    return file.doc.toJS({ maxAliasCount: 1000 });
  } catch {
    // Only alias bombs get here; the syntax report has already said what is wrong.
    return undefined;
  }
}

function valueAt(js: unknown, path: NodePath): unknown {
  let value = js;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Checks one mapping against its schema and reports every issue at its exact node.
 * Fields with problems are dropped and the rest is kept, so later rules still see the
 * entry's id and do not report follow-up problems (such as a dangling reference to it).
 */
function readEntry<S extends z.ZodObject>(
  schema: S,
  what: string,
  file: ParsedFile,
  path: NodePath,
  js: unknown,
  problems: ProblemList,
): Entry<z.infer<S>> | undefined {
  const raw = valueAt(js, path);
  if (!isPlainObject(raw)) {
    const message = `${capitalize(what)} must be a mapping of fields, found ${describe(raw)}`;
    problems.error(file.path, C.wrongType, message, valueRange(file, path));
    return undefined;
  }
  const fields = fieldsOf(schema);
  const present: Record<string, unknown> = {};
  const empty = new Set<string>();
  for (const [key, value] of Object.entries(raw)) {
    if (!fields.includes(key)) reportUnknownField(file, path, key, fields, what, problems);
    else if (value === null) empty.add(key);
    else present[key] = value;
  }
  const parsed = schema.safeParse(present);
  if (parsed.success) return { file, path, data: parsed.data as z.infer<S>, complete: true };

  const unusable = new Set<string>();
  for (const issue of parsed.error.issues) {
    const relative = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
    const field = String(relative[0] ?? '');
    unusable.add(field);
    reportIssue({ file, path, relative, field, what, present, empty, issue }, problems);
  }
  for (const field of unusable) delete present[field];
  const salvaged = schema.partial().safeParse(present);
  const data = (salvaged.success ? salvaged.data : {}) as Partial<z.infer<S>>;
  return { file, path, data, complete: false };
}

interface IssueContext {
  file: ParsedFile;
  path: NodePath;
  relative: (string | number)[];
  field: string;
  what: string;
  present: Record<string, unknown>;
  empty: ReadonlySet<string>;
  issue: z.core.$ZodIssue;
}

function reportIssue(ctx: IssueContext, problems: ProblemList): void {
  const { file, path, relative, field, what, present, empty, issue } = ctx;
  const full = [...path, ...relative];
  const label = fieldLabel(relative);
  if (relative.length === 1 && !(field in present)) {
    const message = empty.has(field)
      ? `${capitalize(what)} field \`${field}\` has no value`
      : `${capitalize(what)} is missing the required field \`${field}\``;
    problems.error(file.path, C.missingField, message, empty.has(field) ? keyRange(file, full) : anchorRange(file, path));
    return;
  }
  const actual = valueAt(present, relative);
  if (issue.code === 'invalid_value' && field === 'select') {
    const written = String(actual);
    const suggestion = closest(written, SELECT_MODES)?.candidate ?? 'multi';
    const range = valueRange(file, full);
    problems.error(file.path, C.unknownSelect, `unknown select mode \`${written}\`: use \`single\` or \`multi\``, range, {
      title: `Change to \`${suggestion}\``,
      range,
      newText: scalarReplacement(scalarAt(file, full), suggestion),
    });
    return;
  }
  if (issue.code === 'invalid_value') {
    const allowed = issue.values.map((v) => `\`${String(v)}\``).join(' or ');
    const message = `\`${label}\` must be ${allowed}, found ${describe(actual)}`;
    problems.error(file.path, C.invalidValue, message, valueRange(file, full));
    return;
  }
  if (issue.code === 'too_small') {
    problems.error(file.path, C.emptyValue, `\`${label}\` must not be empty`, valueRange(file, full));
    return;
  }
  const expected = issue.code === 'invalid_type' ? expectedText(issue.expected) : 'a different value';
  const range = valueRange(file, full);
  const message = `\`${label}\` must be ${expected}, found ${describe(actual)}`;
  problems.error(file.path, C.wrongType, message, range, quoteFix(file, full, actual, issue, range));
}

/** A number or boolean where a string belongs (`version: 1.0`) is fixed by quoting the source text. */
function quoteFix(
  file: ParsedFile,
  full: NodePath,
  actual: unknown,
  issue: z.core.$ZodIssue,
  range: ReturnType<typeof valueRange>,
) {
  if (issue.code !== 'invalid_type' || issue.expected !== 'string') return undefined;
  if (typeof actual !== 'number' && typeof actual !== 'boolean') return undefined;
  const source = sourceTextAt(file, full);
  if (source === undefined) return undefined;
  return { title: `Quote as the string "${source}"`, range, newText: JSON.stringify(source) };
}

function reportUnknownField(
  file: ParsedFile,
  path: NodePath,
  key: string,
  fields: readonly string[],
  what: string,
  problems: ProblemList,
): void {
  const range = keyRange(file, [...path, key]);
  const suggestion = nearest(key, fields, 2);
  const hint = suggestion ? `; did you mean \`${suggestion}\`?` : `; known fields: ${fields.join(', ')}`;
  const fix = suggestion ? { title: `Rename to \`${suggestion}\``, range, newText: suggestion } : undefined;
  problems.warning(file.path, C.unknownField, `unknown field \`${key}\` in ${article(what)} is ignored${hint}`, range, fix);
}

function fieldLabel(relative: readonly (string | number)[]): string {
  return relative.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function expectedText(expected: string): string {
  switch (expected) {
    case 'array':
      return 'a list';
    case 'object':
      return 'a mapping';
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    default:
      return expected;
  }
}

/** A short description of a YAML value for messages: "a list", "the number 12". */
export function describe(value: unknown): string {
  if (value === undefined || value === null) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the string "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  return `the ${typeof value} ${String(value)}`;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function article(what: string): string {
  return what.startsWith('the ') ? what : `${/^[aeiou]/.test(what) ? 'an' : 'a'} ${what}`;
}
