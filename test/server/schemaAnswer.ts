/**
 * Builds an answer that satisfies the request's JSON schema, so tests exercise real parsing and validation
 * rather than canned strings. Picks are deterministic: enum values mentioned in the conversation win,
 * otherwise a hash of the conversation decides. Markers in the prompt steer special cases:
 * - `LOW-CONFIDENCE`: every `confidence` number is 0.4 at temperature < 0.2 and 0.85 at ≥ 0.2 (arbitration).
 * - `UNMAPPED-TAG`: an `unmapped` array gets one `{ dimension: 'language', value: 'brainfuck' }`-like entry.
 */
import { createHash } from 'node:crypto';
import type { JsonSchema } from './requestInfo';

export interface AnswerContext {
  promptText: string;
  conversationText: string;
  temperature: number | null;
}

export const LOW_CONFIDENCE_MARKER = 'LOW-CONFIDENCE';
export const UNMAPPED_TAG_MARKER = 'UNMAPPED-TAG';
/** What an `unmapped` entry carries when the prompt asks for one. */
export const UNMAPPED_VALUE = 'brainfuck';

const MAX_DEPTH = 12;

export function answerFromSchema(schema: JsonSchema, ctx: AnswerContext): unknown {
  return new SchemaAnswerer(schema, ctx).value(schema, '$', '', 0);
}

class SchemaAnswerer {
  private readonly seed: string;
  private readonly haystack: string;

  constructor(
    private readonly root: JsonSchema,
    private readonly ctx: AnswerContext,
  ) {
    // Seeded by the conversation, not the whole prompt: a sample gets the same picks whatever the instructions say.
    this.seed = createHash('sha256').update(ctx.conversationText).digest('hex');
    this.haystack = ctx.conversationText.toLowerCase();
  }

  value(raw: JsonSchema, path: string, name: string, depth: number): unknown {
    const schema = this.resolve(raw);
    if (depth > MAX_DEPTH) return null;
    if ('const' in schema) return schema.const;
    const options = (schema.anyOf ?? schema.oneOf ?? schema.allOf) as JsonSchema[] | undefined;
    if (Array.isArray(options) && options.length) {
      const chosen = options.find((o) => this.resolve(o).type !== 'null') ?? options[0]!;
      return this.value(chosen, path, name, depth + 1);
    }
    if (Array.isArray(schema.enum)) return this.pickEnum(schema.enum, path);
    if (name === 'confidence') return this.confidence(schema);
    switch (typeOf(schema)) {
      case 'object':
        return this.object(schema, path, depth);
      case 'array':
        return this.array(schema, path, name, depth);
      case 'integer':
      case 'number':
        return this.number(schema, path);
      case 'boolean':
        return this.pick(path, 2) === 1;
      case 'null':
        return null;
      default:
        return this.string(schema, name);
    }
  }

  private object(schema: JsonSchema, path: string, depth: number): Record<string, unknown> {
    const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
    const out: Record<string, unknown> = {};
    for (const [key, prop] of Object.entries(properties)) out[key] = this.value(prop, `${path}.${key}`, key, depth + 1);
    return out;
  }

  private array(schema: JsonSchema, path: string, name: string, depth: number): unknown[] {
    const items = this.resolve((schema.items ?? {}) as JsonSchema);
    const minItems = typeof schema.minItems === 'number' ? schema.minItems : 0;
    const maxItems = typeof schema.maxItems === 'number' ? schema.maxItems : Number.POSITIVE_INFINITY;
    const choices = enumValues(items, (s) => this.resolve(s));
    if (choices) return this.enumArray(choices, path, minItems, maxItems);
    let count = Math.min(Math.max(minItems, 1), maxItems);
    if (name === 'unmapped') {
      count = this.ctx.promptText.includes(UNMAPPED_TAG_MARKER) ? Math.max(minItems, Math.min(1, maxItems)) : minItems;
      return Array.from({ length: count }, (_, i) => this.unmappedEntry(items, `${path}[${i}]`, depth));
    }
    return Array.from({ length: count }, (_, i) => this.value(items, `${path}[${i}]`, name, depth + 1));
  }

  /** Values mentioned in the conversation first (up to 3), else 0–3 hash picks; then topped up to minItems. */
  private enumArray(choices: unknown[], path: string, minItems: number, maxItems: number): unknown[] {
    const limit = Math.min(3, maxItems);
    let picked = this.mentioned(choices).slice(0, limit);
    if (picked.length === 0) {
      const count = Math.min(this.pick(path, 4), limit, choices.length);
      picked = this.distinctPicks(choices, path, count, []);
    }
    const wanted = Math.min(Math.max(minItems, picked.length), maxItems, choices.length);
    return this.distinctPicks(choices, `${path}+`, wanted - picked.length, picked);
  }

  private distinctPicks(choices: unknown[], path: string, count: number, already: unknown[]): unknown[] {
    const out = [...already];
    const start = this.pick(path, choices.length);
    for (let i = 0; out.length < already.length + count && i < choices.length; i++) {
      const candidate = choices[(start + i) % choices.length];
      if (!out.includes(candidate)) out.push(candidate);
    }
    return out;
  }

  private pickEnum(choices: unknown[], path: string): unknown {
    return this.mentioned(choices)[0] ?? choices[this.pick(path, choices.length)];
  }

  /** Enum values that occur as whole words in the conversation, ordered by first occurrence. */
  private mentioned(choices: unknown[]): unknown[] {
    const hits: Array<{ value: unknown; at: number }> = [];
    for (const value of choices) {
      if (typeof value !== 'string' || value.length < 2) continue;
      const at = wordIndex(this.haystack, value.toLowerCase());
      if (at >= 0) hits.push({ value, at });
    }
    return hits.sort((a, b) => a.at - b.at).map((h) => h.value);
  }

  private unmappedEntry(items: JsonSchema, path: string, depth: number): unknown {
    const entry = this.value(items, path, 'unmapped_item', depth + 1);
    if (!entry || typeof entry !== 'object') return UNMAPPED_VALUE;
    const props = (items.properties ?? {}) as Record<string, JsonSchema>;
    const out = entry as Record<string, unknown>;
    if ('dimension' in out) {
      const allowed = enumValues(this.resolve(props.dimension ?? {}), (s) => this.resolve(s));
      out.dimension = !allowed || allowed.includes('language') ? 'language' : allowed[0];
    }
    for (const key of ['value', 'tag', 'label']) if (key in out) out[key] = UNMAPPED_VALUE;
    return out;
  }

  private confidence(schema: JsonSchema): unknown {
    const score = this.confidenceScore();
    if (typeOf(schema) === 'object') {
      const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
      return Object.fromEntries(Object.entries(properties).map(([k, p]) => [k, clamp(score, this.resolve(p))]));
    }
    return clamp(score, schema);
  }

  private confidenceScore(): number {
    if (!this.ctx.promptText.includes(LOW_CONFIDENCE_MARKER)) return 0.9;
    return this.ctx.temperature !== null && this.ctx.temperature >= 0.2 ? 0.85 : 0.4;
  }

  private number(schema: JsonSchema, path: string): number {
    const min = numberOr(schema.minimum, numberOr(schema.exclusiveMinimum, 0));
    const max = numberOr(schema.maximum, numberOr(schema.exclusiveMaximum, min + 10));
    if (typeOf(schema) === 'integer') {
      const lo = Math.ceil(min);
      return lo + this.pick(path, Math.max(1, Math.floor(max) - lo + 1));
    }
    return Math.round((min + ((max - min) * this.pick(path, 101)) / 100) * 100) / 100;
  }

  private string(schema: JsonSchema, name: string): string {
    let text = `${name || 'answer'} written by the test server`;
    const minLength = numberOr(schema.minLength, 0);
    while (text.length < minLength) text += ' and more';
    return typeof schema.maxLength === 'number' ? text.slice(0, schema.maxLength) : text;
  }

  /** Deterministic integer in [0, n) for this prompt and field. */
  private pick(path: string, n: number): number {
    if (n <= 1) return 0;
    const digest = createHash('sha256').update(`${this.seed}:${path}`).digest();
    return digest.readUInt32BE(0) % n;
  }

  private resolve(schema: JsonSchema): JsonSchema {
    let current = schema;
    for (let hops = 0; typeof current.$ref === 'string' && hops < MAX_DEPTH; hops++) {
      const target = pointer(this.root, current.$ref as string);
      if (!target) break;
      current = target;
    }
    return current;
  }
}

function typeOf(schema: JsonSchema): string {
  const type = schema.type;
  if (Array.isArray(type)) return (type.find((t) => t !== 'null') as string | undefined) ?? 'null';
  if (typeof type === 'string') return type;
  if (schema.properties) return 'object';
  if (schema.items) return 'array';
  return 'string';
}

/** Enum choices of a schema, also through `anyOf` of enums (how unions of string literals are emitted). */
function enumValues(schema: JsonSchema, resolve: (s: JsonSchema) => JsonSchema): unknown[] | undefined {
  if (Array.isArray(schema.enum)) return schema.enum;
  const options = schema.anyOf ?? schema.oneOf;
  if (!Array.isArray(options)) return undefined;
  const values: unknown[] = [];
  for (const option of options as JsonSchema[]) {
    const resolved = resolve(option);
    if (Array.isArray(resolved.enum)) values.push(...resolved.enum);
    else if ('const' in resolved) values.push(resolved.const);
    else return undefined;
  }
  return values.length ? values : undefined;
}

function pointer(root: JsonSchema, ref: string): JsonSchema | undefined {
  if (!ref.startsWith('#')) return undefined;
  let node: unknown = root;
  for (const part of ref.slice(1).split('/').filter(Boolean)) {
    const key = decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~');
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  }
  return node && typeof node === 'object' ? (node as JsonSchema) : undefined;
}

/** Index of `word` in `text` bounded by non-alphanumerics (also matching `-`/`_` written as spaces); -1 if absent. */
function wordIndex(text: string, word: string): number {
  let best = -1;
  for (const variant of new Set([word, word.replace(/[-_]/g, ' ')])) {
    const escaped = variant.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const match = new RegExp(`(?<![a-z0-9])${escaped}(?![a-z0-9])`).exec(text);
    if (match && (best < 0 || match.index < best)) best = match.index;
  }
  return best;
}

function clamp(value: number, schema: JsonSchema): number {
  const min = numberOr(schema.minimum, Number.NEGATIVE_INFINITY);
  const max = numberOr(schema.maximum, Number.POSITIVE_INFINITY);
  return Math.min(max, Math.max(min, value));
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}
