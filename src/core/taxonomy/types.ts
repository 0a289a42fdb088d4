import type { Dimension } from '../model/labels';

/** A tag as loaded from the taxonomy YAML. */
export interface TagDef {
  id: string;
  name: string;
  category: Dimension;
  description?: string;
  subcategory?: string;
  aliases: string[];
  related?: string[];
}

export interface CategoryDef {
  id: Dimension;
  name: string;
  description: string;
  select: 'single' | 'multi';
  /** Which Pass 1 call asks for this dimension. */
  call: 1 | 2;
  subcategories: { id: string; name: string; description?: string }[];
  tags: TagDef[];
}

/** A loaded, validated taxonomy: the single source for prompts, tag pools and canonicalization. */
export interface Taxonomy {
  version: string;
  /** sha256 over the canonical JSON of categories and tags: part of every label's cache key. */
  hash: string;
  /** Where it was loaded from (a file or folder), for messages. */
  origin: string;
  categories: CategoryDef[];
  category(dim: Dimension): CategoryDef;
  /** Tag ids of a dimension, in file order. */
  pool(dim: Dimension): readonly string[];
  /** Is `id` a tag of `dim`? */
  has(dim: Dimension, id: string): boolean;
  /** Resolve an alias (case-insensitive, `_`/space → `-`) to a tag id of `dim`, if any. */
  resolveAlias(dim: Dimension, raw: string): string | undefined;
  /** Every dimension in which `raw` (id or alias) is a valid tag, with the resolved id. */
  dimensionsOf(raw: string): { dim: Dimension; id: string }[];
  tag(dim: Dimension, id: string): TagDef | undefined;
}

/** A span of text, 0-based line and character like LSP; `end` is exclusive. */
export interface TaxonomyRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** A mechanical edit that resolves a problem: replace `range` in the problem's file with `newText`. */
export interface TaxonomyFix {
  /** Short imperative label for a quick-fix menu, e.g. "Rename to `code-review`". */
  title: string;
  range: TaxonomyRange;
  newText: string;
}

/** A problem found in a taxonomy file, with an exact range (0-based line and column, like LSP). */
export interface TaxonomyProblem {
  file: string;
  severity: 'error' | 'warning';
  /** Stable code, e.g. `taxonomy/duplicate-id`. */
  code: string;
  message: string;
  range: TaxonomyRange;
  /** Present when the problem has one obvious correction (editor quick fix). */
  fix?: TaxonomyFix;
}
