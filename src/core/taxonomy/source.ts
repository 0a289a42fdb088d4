import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, Scalar } from 'yaml';
import type { Document, Node, Pair } from 'yaml';
import type { TaxonomyRange } from './types';

/** A text handed to the validator: a path (used in messages) and its current content. */
export interface TaxonomyText {
  path: string;
  text: string;
}

/** Which of the two taxonomy file layouts a document follows. */
export type TaxonomyFileKind = 'root' | 'tags' | 'unknown';

/** One parsed YAML file with everything needed to map data back to exact source positions. */
export interface ParsedFile {
  path: string;
  text: string;
  doc: Document.Parsed;
  lines: LineCounter;
  kind: TaxonomyFileKind;
}

/** A path into a YAML document: mapping keys and sequence indexes. */
export type NodePath = readonly (string | number)[];

/** Parses one file; syntax errors stay on `doc.errors` for the caller to report. */
export function parseTaxonomyText(file: TaxonomyText): ParsedFile {
  const lines = new LineCounter();
  // prettyErrors would append a source excerpt to each message; we report positions ourselves.
  const doc = parseDocument(file.text, { lineCounter: lines, prettyErrors: false, keepSourceTokens: false });
  return { path: file.path, text: file.text, doc, lines, kind: kindOf(doc) };
}

function kindOf(doc: Document.Parsed): TaxonomyFileKind {
  const root = doc.contents;
  if (!isMap(root)) return 'unknown';
  if (root.has('categories')) return 'root';
  if (root.has('tags') || root.has('category')) return 'tags';
  return 'unknown';
}

/** Converts a character offset range of the file into a 0-based line/character range. */
export function offsetRange(file: ParsedFile, start: number, end: number): TaxonomyRange {
  return { start: position(file, start), end: position(file, Math.max(start, end)) };
}

function position(file: ParsedFile, offset: number): { line: number; character: number } {
  const clamped = Math.min(Math.max(offset, 0), file.text.length);
  const { line, col } = file.lines.linePos(clamped);
  return { line: line - 1, character: col - 1 };
}

/** The range of a node's value (without trailing comments or line breaks). */
export function nodeRange(file: ParsedFile, node: Node): TaxonomyRange {
  const [start, valueEnd] = node.range ?? [0, 0];
  return offsetRange(file, start, valueEnd);
}

/** An empty range at the start of the file, for problems that concern the file as a whole. */
export function fileStartRange(): TaxonomyRange {
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

interface Located {
  node?: Node;
  /** The mapping pair whose value is `node`, when the last path segment is a key. */
  pair?: Pair;
}

/** Follows `path` from the document root; missing segments leave `node` undefined. */
export function locate(file: ParsedFile, path: NodePath): Located {
  let node: unknown = file.doc.contents;
  let pair: Pair | undefined;
  for (const segment of path) {
    if (isAlias(node)) node = node.resolve(file.doc);
    pair = undefined;
    if (isMap(node) && typeof segment === 'string') {
      pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === segment);
      node = pair?.value ?? undefined;
      if (!pair) return {};
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
      if (node === undefined) return {};
    } else {
      return {};
    }
  }
  return { node: (node ?? undefined) as Node | undefined, pair };
}

/** The range of the key at the end of `path` (e.g. `name` in `name: X`), falling back to its value. */
export function keyRange(file: ParsedFile, path: NodePath): TaxonomyRange {
  const { pair, node } = locate(file, path);
  const key = pair?.key as Node | undefined;
  if (key?.range) return nodeRange(file, key);
  return node ? nodeRange(file, node) : fileStartRange();
}

/** The range of the value at `path`; for a missing or empty value, the range of its key. */
export function valueRange(file: ParsedFile, path: NodePath): TaxonomyRange {
  const { node, pair } = locate(file, path);
  const emptyScalar = isScalar(node) && node.value === null && node.range?.[0] === node.range?.[1];
  if (node?.range && !emptyScalar) return nodeRange(file, node);
  if (pair) return keyRange(file, path);
  return anchorRange(file, path.slice(0, -1));
}

/**
 * Where to point at a mapping as a whole: its first key. Underlining a whole multi-line
 * mapping would be noisy, and the first key (`id` in our files) names the entry.
 */
export function anchorRange(file: ParsedFile, path: NodePath): TaxonomyRange {
  const { node } = locate(file, path);
  if (isMap(node) && node.items.length > 0) {
    const first = node.items[0].key as Node | undefined;
    if (first?.range) return nodeRange(file, first);
  }
  return node?.range ? nodeRange(file, node) : fileStartRange();
}

/** The scalar node at `path`, if the value there is a scalar. */
export function scalarAt(file: ParsedFile, path: NodePath): Scalar | undefined {
  const { node } = locate(file, path);
  return isScalar(node) ? node : undefined;
}

/** The exact source text of the value at `path` (e.g. `2.0` for a number written that way). */
export function sourceTextAt(file: ParsedFile, path: NodePath): string | undefined {
  const { node } = locate(file, path);
  if (!node?.range) return undefined;
  return file.text.slice(node.range[0], node.range[1]);
}
