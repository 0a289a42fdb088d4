import { DIMENSIONS, type Dimension } from '../model/labels';
import { canonicalJson, sha256Hex } from '../util/hash';
import { defaultCall, expectedSelect, isDimension } from './categoryRules';
import { normalizeTagText } from './normalize';
import type { TaxonomyShape } from './shape';
import type { CategoryDef, Taxonomy, TagDef } from './types';

/**
 * Builds the taxonomy from entries that passed validation (no errors). Categories the labeler
 * does not use are left out: they were only reported as warnings.
 */
export function buildTaxonomy(shape: TaxonomyShape, origin: string): Taxonomy {
  const categories: CategoryDef[] = [];
  for (const entry of shape.categories) {
    const id = entry.data.id;
    if (!isDimension(id) || categories.some((c) => c.id === id)) continue;
    categories.push({
      id,
      name: entry.data.name ?? id,
      description: entry.data.description ?? '',
      select: entry.data.select ?? expectedSelect(id),
      call: entry.data.call ?? defaultCall(id),
      subcategories: entry.subcategories.map((s) => withoutUndefined({
        id: s.data.id ?? '',
        name: s.data.name ?? s.data.id ?? '',
        description: s.data.description,
      })),
      tags: shape.tags.filter((t) => t.listedUnder === id).map((t) => tagDef(t.data, id)),
    });
  }
  return new LoadedTaxonomy(shape.version ?? '', origin, categories);
}

function tagDef(data: TaxonomyShape['tags'][number]['data'], category: Dimension): TagDef {
  return withoutUndefined({
    id: data.id ?? '',
    name: data.name ?? data.id ?? '',
    category,
    description: data.description,
    subcategory: data.subcategory,
    aliases: data.aliases ?? [],
    related: data.related,
  });
}

/** Drops keys whose value is undefined, so definitions compare and serialise cleanly. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * The hash of everything that can change what the labeler asks or accepts: category settings
 * and every tag field, in order (order decides how pools are listed in prompts). The version
 * string, comments and formatting are not part of it.
 */
export function taxonomyHash(categories: readonly CategoryDef[]): string {
  return sha256Hex(canonicalJson({ categories }));
}

class LoadedTaxonomy implements Taxonomy {
  readonly hash: string;
  private readonly byDim = new Map<Dimension, CategoryDef>();
  private readonly pools = new Map<Dimension, readonly string[]>();
  private readonly tags = new Map<Dimension, Map<string, TagDef>>();
  /** Per dimension: normalised id or alias → tag id. Ids are entered first so they win over aliases. */
  private readonly lookup = new Map<Dimension, Map<string, string>>();

  constructor(
    readonly version: string,
    readonly origin: string,
    readonly categories: CategoryDef[],
  ) {
    this.hash = taxonomyHash(categories);
    for (const category of categories) {
      this.byDim.set(category.id, category);
      this.pools.set(category.id, Object.freeze(category.tags.map((t) => t.id)));
      this.tags.set(category.id, new Map(category.tags.map((t) => [t.id, t])));
      const lookup = new Map<string, string>();
      for (const tag of category.tags) lookup.set(normalizeTagText(tag.id), tag.id);
      for (const tag of category.tags) {
        for (const alias of tag.aliases) {
          const key = normalizeTagText(alias);
          if (!lookup.has(key)) lookup.set(key, tag.id);
        }
      }
      this.lookup.set(category.id, lookup);
    }
  }

  category(dim: Dimension): CategoryDef {
    const category = this.byDim.get(dim);
    // Validation guarantees all nine; reaching this means a caller passed a non-dimension.
    if (!category) throw new Error(`taxonomy ${this.origin} has no category "${dim}"`);
    return category;
  }

  pool(dim: Dimension): readonly string[] {
    return this.pools.get(dim) ?? [];
  }

  has(dim: Dimension, id: string): boolean {
    return this.tags.get(dim)?.has(id) ?? false;
  }

  tag(dim: Dimension, id: string): TagDef | undefined {
    return this.tags.get(dim)?.get(id);
  }

  resolveAlias(dim: Dimension, raw: string): string | undefined {
    return this.lookup.get(dim)?.get(normalizeTagText(raw));
  }

  dimensionsOf(raw: string): { dim: Dimension; id: string }[] {
    const found: { dim: Dimension; id: string }[] = [];
    for (const dim of DIMENSIONS) {
      const id = this.resolveAlias(dim, raw);
      if (id !== undefined) found.push({ dim, id });
    }
    return found;
  }
}
