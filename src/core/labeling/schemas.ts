import { z } from 'zod';
import { CALL1_DIMENSIONS, CALL2_DIMENSIONS, DIMENSIONS, SINGLE_SELECT, type Dimension } from '../model/labels';
import type { Taxonomy } from '../taxonomy/types';

/**
 * Answer schemas of the two Pass 1 calls, in two flavours built from the same taxonomy:
 * - the wire schema (JSON Schema, strict-mode friendly: every field required, enums of pool ids, nullable
 *   single-select) tells the server exactly which ids exist;
 * - the local zod schema is lenient: it accepts any strings, so an out-of-pool tag reaches canonicalization
 *   (where an alias or a rescue can still save it) instead of failing the whole answer.
 */

export type CallNumber = 1 | 2;

export const CALL_DIMENSIONS: Readonly<Record<CallNumber, readonly Dimension[]>> = {
  1: CALL1_DIMENSIONS,
  2: CALL2_DIMENSIONS,
};

/** A call's answer after lenient parsing: raw strings per dimension, not yet checked against the pools. */
export interface RawAnswer {
  /** Raw values per dimension of the call; single-select ones as a list of 0–n values. Missing key = absent. */
  tags: Partial<Record<Dimension, string[]>>;
  /** Dimensions the answer did not mention at all. */
  missing: Dimension[];
  confidence: Record<string, unknown>;
  unmapped: { dimension: string; value: string }[];
}

export interface CallSchemas {
  name: string;
  /** Sent to the server (and embedded in the prompt by lower rungs of the ladder). */
  jsonSchema: Record<string, unknown>;
  /** Local validation: lenient about values, strict about shape. */
  answer: z.ZodType<RawAnswer>;
}

const cache = new WeakMap<Taxonomy, Map<CallNumber, CallSchemas>>();

/** Schemas of one call for one taxonomy (memoised: prompts and schemas are rebuilt only when the taxonomy changes). */
export function callSchemas(taxonomy: Taxonomy, call: CallNumber): CallSchemas {
  let perTaxonomy = cache.get(taxonomy);
  if (!perTaxonomy) cache.set(taxonomy, (perTaxonomy = new Map()));
  let schemas = perTaxonomy.get(call);
  if (!schemas) {
    schemas = { name: `pass1_call${call}`, jsonSchema: wireSchema(taxonomy, call), answer: lenientAnswer(call) };
    perTaxonomy.set(call, schemas);
  }
  return schemas;
}

function wireSchema(taxonomy: Taxonomy, call: CallNumber): Record<string, unknown> {
  const dims = CALL_DIMENSIONS[call];
  const shape: Record<string, z.ZodType> = {};
  for (const dim of dims) {
    const pool = [...taxonomy.pool(dim)];
    const ids = pool.length > 0 ? z.enum(pool as [string, ...string[]]) : null;
    if (SINGLE_SELECT.has(dim)) shape[dim] = ids ? ids.nullable() : z.null();
    else shape[dim] = ids ? z.array(ids) : z.array(z.string()).max(0);
  }
  shape.confidence = z
    .object(Object.fromEntries(dims.map((d) => [d, z.number().min(0).max(1)])))
    .describe('How sure you are of each dimension, 0 to 1.');
  shape.unmapped = z
    .array(z.object({ dimension: z.enum(dims as [Dimension, ...Dimension[]]), value: z.string() }))
    .describe('Tags you wanted to give that are not in the lists, as short kebab-case names.');
  const schema = z.toJSONSchema(z.object(shape)) as Record<string, unknown>;
  delete schema.$schema;
  return schema;
}

const rawValues = z.union([z.string(), z.array(z.unknown()), z.null()]).transform((v): string[] => {
  if (v === null) return [];
  if (typeof v === 'string') return [v];
  return v.filter((x): x is string => typeof x === 'string');
});

const rawUnmapped = z
  .array(z.unknown())
  .catch([])
  .transform((entries) =>
    entries.flatMap((e) => {
      if (!e || typeof e !== 'object') return [];
      const { dimension, value } = e as Record<string, unknown>;
      return typeof dimension === 'string' && typeof value === 'string' ? [{ dimension, value }] : [];
    }),
  );

function lenientAnswer(call: CallNumber): z.ZodType<RawAnswer> {
  const dims = CALL_DIMENSIONS[call];
  const shape: Record<string, z.ZodType> = Object.fromEntries(dims.map((d) => [d, rawValues.optional()]));
  shape.confidence = z.record(z.string(), z.unknown()).catch({}).optional();
  shape.unmapped = rawUnmapped.optional();
  return z
    .object(shape)
    .refine((o) => dims.some((d) => o[d] !== undefined), {
      message: `the answer has none of the fields ${dims.join(', ')}`,
    })
    .transform((o): RawAnswer => {
      const tags: Partial<Record<Dimension, string[]>> = {};
      const missing: Dimension[] = [];
      for (const d of dims) {
        const v = o[d] as string[] | undefined;
        if (v === undefined) missing.push(d);
        else tags[d] = v;
      }
      return {
        tags,
        missing,
        confidence: (o.confidence as Record<string, unknown> | undefined) ?? {},
        unmapped: (o.unmapped as RawAnswer['unmapped'] | undefined) ?? [],
      };
    }) as unknown as z.ZodType<RawAnswer>;
}

/** Is `value` one of the nine dimensions? */
export function isDimension(value: string): value is Dimension {
  return (DIMENSIONS as readonly string[]).includes(value);
}
