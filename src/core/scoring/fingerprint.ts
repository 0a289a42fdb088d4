import { DIMENSIONS, tagsOf, type LabelSet } from '../model/labels';
import { canonicalJson, sha256Hex } from '../util/hash';

/**
 * Fingerprint of the labels a score was computed from: the nine dimensions' tags (sorted, so order does not
 * matter) and their confidences. Any relabel that changes either makes the score stale; notes such as
 * `unmapped` or `canonicalized` do not, since neither the judge nor rarity sees them.
 */
export function labelsFingerprint(labels: LabelSet): string {
  const shape: Record<string, unknown> = {};
  for (const dim of DIMENSIONS) shape[dim] = [...tagsOf(labels, dim)].sort();
  const confidence: Record<string, number> = {};
  for (const dim of DIMENSIONS) {
    const c = labels.confidence[dim];
    if (typeof c === 'number' && Number.isFinite(c)) confidence[dim] = c;
  }
  shape.confidence = confidence;
  return sha256Hex(canonicalJson(shape)).slice(0, 16);
}
