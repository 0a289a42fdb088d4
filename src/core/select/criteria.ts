import { DIMENSIONS, type Dimension } from '../model/labels';

/** A tag of one dimension, written `dim:tag` on the command line. */
export interface TagRef {
  dim: Dimension;
  tag: string;
}

/** Per-tag quota: stratified sampling over one dimension's tags (see `quota.ts`). */
export interface QuotaSpec {
  dim: Dimension;
  perTag: number;
  seed: number;
}

/**
 * What `select` keeps. Criteria combine with AND; the tag lists are OR inside themselves. Numbers are compared
 * with the unit's value or selection score: a reply's own, or its conversation's for multi-reply rows.
 */
export interface SelectCriteria {
  valueMin?: number;
  selectionMin?: number;
  /** Keep this share (0–100] of the units that pass every other filter, best first by `rankBy`. */
  topPercent?: number;
  /** What `topPercent` ranks by (default: selection score). */
  rankBy?: 'selection' | 'value';
  /** Keep units carrying at least one of these tags. */
  includeTags?: TagRef[];
  /** Drop units carrying any of these tags. */
  excludeTags?: TagRef[];
  /** Keep units with one of these difficulties. */
  difficulty?: string[];
  /** `mixed`: a conversation whose replies are partly slow, partly fast. */
  thinkingMode?: 'slow' | 'fast' | 'mixed';
  /** Keep only units flagged with one of these. */
  requireFlags?: string[];
  /** Drop units flagged with any of these. */
  excludeFlags?: string[];
  quota?: QuotaSpec;
  /** Keep units without any score too (they skip the numeric criteria). Default: dropped. */
  includeUnscored?: boolean;
}

/** A criteria value the user got wrong; the message says which and why. */
export class CriteriaError extends Error {
  override readonly name = 'CriteriaError';
}

/** Parse `dim:tag`. */
export function parseTagRef(text: string): TagRef {
  const at = text.indexOf(':');
  const dim = text.slice(0, at).trim();
  const tag = text.slice(at + 1).trim();
  if (at < 0 || !tag) throw new CriteriaError(`"${text}" is not dim:tag (for example concept:recursion)`);
  if (!(DIMENSIONS as readonly string[]).includes(dim)) {
    throw new CriteriaError(`"${dim}" in "${text}" is not a dimension; use one of ${DIMENSIONS.join(', ')}`);
  }
  return { dim: dim as Dimension, tag };
}

/** Parse `dim=N` (per-tag quota) with a seed. */
export function parseQuota(text: string, seed: number): QuotaSpec {
  const m = /^\s*([a-z]+)\s*[=:]\s*(\d+)\s*$/.exec(text);
  if (!m || !(DIMENSIONS as readonly string[]).includes(m[1]!)) {
    throw new CriteriaError(`"${text}" is not dim=N (for example concept=50) with one of ${DIMENSIONS.join(', ')}`);
  }
  const perTag = Number(m[2]);
  if (perTag < 1) throw new CriteriaError(`the quota in "${text}" must be at least 1`);
  return { dim: m[1] as Dimension, perTag, seed };
}

/** Check ranges; throws CriteriaError. */
export function checkCriteria(c: SelectCriteria): void {
  for (const [name, v] of [
    ['value minimum', c.valueMin],
    ['selection minimum', c.selectionMin],
  ] as const) {
    if (v !== undefined && !(Number.isFinite(v) && v >= 0 && v <= 10)) throw new CriteriaError(`the ${name} must be a number from 0 to 10 (got ${v})`);
  }
  if (c.topPercent !== undefined && !(Number.isFinite(c.topPercent) && c.topPercent > 0 && c.topPercent <= 100)) {
    throw new CriteriaError(`the top share must be a percentage above 0 and at most 100 (got ${c.topPercent})`);
  }
}
