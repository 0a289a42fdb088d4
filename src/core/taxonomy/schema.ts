import { z } from 'zod';

/**
 * Shapes of the two taxonomy file kinds. Collections inside a file (`categories`, `tags`,
 * `subcategories`) are typed `unknown[]` here and checked element by element, so one bad
 * entry is reported on its own and does not hide problems in its siblings.
 * Keep in step with taxonomy/taxonomy.schema.json (a unit test compares the field lists).
 */

export const SELECT_MODES = ['single', 'multi'] as const;
export const CALLS = [1, 2] as const;

/** One tag, inline in a root file or in a tag file. */
export const TagSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Optional here; when present it must equal the category the tag is listed under. */
  category: z.string().optional(),
  description: z.string().optional(),
  subcategory: z.string().optional(),
  aliases: z.array(z.string().min(1)).optional(),
  related: z.array(z.string()).optional(),
});
export type TagData = z.infer<typeof TagSchema>;

export const SubcategorySchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
});
export type SubcategoryData = z.infer<typeof SubcategorySchema>;

/** One category entry of the root file; `select` and `call` default to what the labeler expects. */
export const CategorySchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  select: z.enum(SELECT_MODES).optional(),
  call: z.literal(CALLS).optional(),
  subcategories: z.array(z.unknown()).optional(),
  tags: z.array(z.unknown()).optional(),
});
export type CategoryData = z.infer<typeof CategorySchema>;

/** `taxonomy.yaml`: the version and the category list (tags may be inline). */
export const RootFileSchema = z.object({
  version: z.string(),
  categories: z.array(z.unknown()),
});

/** `tags/<category>.yaml`: the tags of one category. */
export const TagFileSchema = z.object({
  category: z.string(),
  tags: z.array(z.unknown()),
});

/** The field names each entry kind accepts; anything else is reported as an unknown field. */
export function fieldsOf(schema: z.ZodObject): readonly string[] {
  return Object.keys(schema.shape);
}
