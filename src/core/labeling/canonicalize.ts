import { SINGLE_SELECT, type CanonicalizationNote, type Dimension, type UnmappedTag } from '../model/labels';
import type { Taxonomy } from '../taxonomy/types';
import { isDimension, type RawAnswer } from './schemas';

/**
 * Turning a call's raw answer into pool ids (reference §3.3). The model's vocabulary drifts (`c++`, `refactoring`,
 * `ml`, a concept in the domain list), so before calling a value unmapped we try, in order: the exact id, an
 * alias in the same dimension, and a "rescue" into the one other dimension where the value is valid. Every
 * rewrite is recorded so a reviewer can see what the model actually said.
 */

export interface CanonicalAnswer {
  /** Pool ids per dimension. May include dimensions of the other call (rescued values). */
  values: Partial<Record<Dimension, string[]>>;
  /** Valid confidences (0..1, 4 dp) of the call's own dimensions. */
  confidence: Partial<Record<Dimension, number>>;
  unmapped: UnmappedTag[];
  canonicalized: CanonicalizationNote[];
  issues: string[];
}

const PLACEHOLDERS = new Set([
  'none', 'null', 'nil', 'n/a', 'na', 'unknown', 'unspecified', 'not applicable', 'not-applicable', 'not specified',
  'empty', '-', 'other', 'multiple languages detected', 'user query not present', 'user context not provided',
]);
const PLACEHOLDER_PREFIXES = [
  'no specific ', 'no programming language', 'no code', 'no domain', 'no task', 'no difficulty', 'no context',
  'no concept', 'no agentic', 'no constraint', 'no intent', 'not applicable',
];

/** Values the model puts in `domain` that belong to other dimensions; dropped without a trace, as sft-label does. */
const DOMAIN_DROPS = new Set(['algorithm', 'algorithms', 'data-structure', 'data-structures', 'documentation', 'debugging']);

/** Values this long, or with this many spaces, are explanations rather than tag names. */
const SENTENCE_CHARS = 60;
const SENTENCE_SPACES = 3;

/** Lowercased, trimmed, `_` → `-`: the form values are compared and reported in. */
export function normalizeValue(raw: string): string {
  return raw.trim().toLowerCase().replace(/_/g, '-');
}

/** Does this value mean "nothing here"? */
export function isPlaceholder(value: string): boolean {
  const v = value.replace(/[.\s]+$/, '');
  if (v === '' || PLACEHOLDERS.has(v)) return true;
  return PLACEHOLDER_PREFIXES.some((p) => v.startsWith(p));
}

function isSentence(value: string): boolean {
  return value.length > SENTENCE_CHARS || (value.match(/ /g)?.length ?? 0) > SENTENCE_SPACES;
}

/** The id form of a normalised value: inner whitespace → `-`. */
function idForm(value: string): string {
  return value.replace(/\s+/g, '-');
}

/** A value resolved to one pool id in one dimension, and how. */
type Resolution = { dim: Dimension; id: string; how: 'exact' | 'alias' | 'rescue' };

function resolve(taxonomy: Taxonomy, dim: Dimension, value: string): Resolution | undefined {
  const id = idForm(value);
  if (taxonomy.has(dim, id)) return { dim, id, how: 'exact' };
  const alias = taxonomy.resolveAlias(dim, value) ?? taxonomy.resolveAlias(dim, id);
  if (alias && taxonomy.has(dim, alias)) return { dim, id: alias, how: 'alias' };
  const elsewhere = new Map<Dimension, string>();
  for (const hit of [...taxonomy.dimensionsOf(value), ...taxonomy.dimensionsOf(id)]) {
    if (hit.dim !== dim && taxonomy.has(hit.dim, hit.id)) elsewhere.set(hit.dim, hit.id);
  }
  if (elsewhere.size === 1) {
    const [[target, targetId]] = [...elsewhere];
    return { dim: target, id: targetId, how: 'rescue' };
  }
  return undefined;
}

/**
 * Canonicalize one call's answer. `dims` are the call's own dimensions: their values and confidences are read;
 * rescues may land in any dimension.
 */
export function canonicalizeAnswer(answer: RawAnswer, dims: readonly Dimension[], taxonomy: Taxonomy): CanonicalAnswer {
  const out: CanonicalAnswer = { values: {}, confidence: {}, unmapped: [], canonicalized: [], issues: [] };
  const add = (dim: Dimension, id: string): boolean => {
    const list = (out.values[dim] ??= []);
    if (list.includes(id)) return true;
    if (SINGLE_SELECT.has(dim) && list.length > 0) return false;
    list.push(id);
    return true;
  };
  const unmapped = (dim: Dimension, value: string) => {
    out.issues.push(`${dim}: '${value.length > SENTENCE_CHARS ? value.slice(0, SENTENCE_CHARS) + '…' : value}' not in pool`);
    if (isSentence(value)) return;
    if (!out.unmapped.some((u) => u.dimension === dim && u.value === value)) out.unmapped.push({ dimension: dim, value });
  };
  const note = (from: Dimension, value: string, to: Resolution, reason: CanonicalizationNote['reason']) =>
    out.canonicalized.push({ source_dimension: from, source_value: value, target_dimension: to.dim, canonical_value: to.id, reason });

  // First every value that stays in its own dimension, so rescues into single-select slots only fill empty ones.
  const rescues: { from: Dimension; value: string; to: Resolution }[] = [];
  for (const dim of dims) {
    for (const d of answer.missing) if (d === dim) out.issues.push(`${dim}: missing from the answer`);
    const raw = answer.tags[dim] ?? [];
    if (SINGLE_SELECT.has(dim) && raw.filter((v) => !isPlaceholder(normalizeValue(v))).length > 1) {
      out.issues.push(`${dim}: expected one value, got ${raw.length}`);
    }
    for (const rawValue of raw) {
      const value = normalizeValue(rawValue);
      if (isPlaceholder(value)) continue;
      if (dim === 'domain' && DOMAIN_DROPS.has(idForm(value))) continue;
      const r = resolve(taxonomy, dim, value);
      if (!r) unmapped(dim, value);
      else if (r.how === 'rescue') rescues.push({ from: dim, value, to: r });
      else if (add(dim, r.id) && r.how === 'alias') note(dim, value, r, 'alias');
    }
  }
  for (const { from, value, to } of rescues) {
    if (add(to.dim, to.id)) note(from, value, to, 'cross_dimension_rescue');
    else unmapped(from, value);
  }

  // The model's own "unmapped" list often holds a tag under another name: mine it before giving up.
  for (const entry of answer.unmapped) {
    const value = normalizeValue(entry.value);
    const dimName = normalizeValue(entry.dimension);
    if (isPlaceholder(value)) continue;
    if (!isDimension(dimName)) {
      out.issues.push(`unmapped: unknown dimension '${dimName.slice(0, 40)}' for '${value.slice(0, 40)}'`);
      continue;
    }
    const r = resolve(taxonomy, dimName, value);
    const reason = r?.how === 'rescue' ? 'raw_unmapped_cross_dimension_rescue' : 'raw_unmapped_alias';
    if (r && add(r.dim, r.id)) note(dimName, value, r, reason);
    else if (!r && !isSentence(value) && !out.unmapped.some((u) => u.dimension === dimName && u.value === value)) {
      out.unmapped.push({ dimension: dimName, value });
    }
  }

  for (const dim of dims) {
    const c = answer.confidence[dim];
    if (typeof c === 'number' && Number.isFinite(c) && c >= 0 && c <= 1) out.confidence[dim] = Math.round(c * 10_000) / 10_000;
    else if (c === undefined) out.issues.push(`confidence.${dim}: missing`);
    else out.issues.push(`confidence.${dim}: '${String(JSON.stringify(c)).slice(0, 40)}' is not a number in [0, 1]`);
  }
  return out;
}
