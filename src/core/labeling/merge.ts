import { ARBITRATION_THRESHOLD, DIMENSIONS, SINGLE_SELECT, emptyLabelSet, type Dimension, type LabelSet } from '../model/labels';
import type { CanonicalAnswer } from './canonicalize';

/**
 * Combining call answers: the two calls into one label set, and an arbitration re-ask into the first answer.
 */

/**
 * Merge canonical answers into a label set. Each dimension takes its owning call's values first, then values
 * rescued into it by the other call; a single-select dimension keeps its owner's value when it has one.
 */
export function mergeAnswers(answers: readonly { answer: CanonicalAnswer; dims: readonly Dimension[] }[]): LabelSet {
  const labels = emptyLabelSet();
  const owned = (dim: Dimension) => answers.filter((a) => a.dims.includes(dim));
  const others = (dim: Dimension) => answers.filter((a) => !a.dims.includes(dim));
  for (const dim of DIMENSIONS) {
    const values: string[] = [];
    for (const { answer } of [...owned(dim), ...others(dim)]) {
      for (const v of answer.values[dim] ?? []) if (!values.includes(v)) values.push(v);
    }
    if (SINGLE_SELECT.has(dim)) (labels[dim] as string | null) = values[0] ?? null;
    else (labels[dim] as string[]) = values;
  }
  for (const { answer } of answers) {
    Object.assign(labels.confidence, answer.confidence);
    for (const u of answer.unmapped) {
      if (!labels.unmapped.some((x) => x.dimension === u.dimension && x.value === u.value)) labels.unmapped.push(u);
    }
    labels.canonicalized.push(...answer.canonicalized);
  }
  return labels;
}

/** Dimensions of `dims` whose confidence is known and below the arbitration threshold. */
export function lowConfidenceDims(answer: CanonicalAnswer, dims: readonly Dimension[]): { dim: Dimension; conf: number }[] {
  return dims.flatMap((dim) => {
    const conf = answer.confidence[dim];
    return conf !== undefined && conf < ARBITRATION_THRESHOLD ? [{ dim, conf }] : [];
  });
}

/**
 * The first answer with `dims` taken from the re-ask: their values, confidences, unmapped tags and rewrite notes.
 * No voting: the re-ask at a higher temperature is a second opinion we trust for the dimensions that were unsure.
 */
export function replaceDimensions(base: CanonicalAnswer, retry: CanonicalAnswer, dims: readonly Dimension[]): CanonicalAnswer {
  const replaced = new Set(dims);
  const values = { ...base.values };
  const confidence = { ...base.confidence };
  for (const dim of dims) {
    values[dim] = [...(retry.values[dim] ?? [])];
    if (retry.confidence[dim] !== undefined) confidence[dim] = retry.confidence[dim];
  }
  const touches = (issue: string) => dims.some((d) => issue.startsWith(`${d}:`) || issue.startsWith(`confidence.${d}:`));
  return {
    values,
    confidence,
    unmapped: [...base.unmapped.filter((u) => !replaced.has(u.dimension)), ...retry.unmapped.filter((u) => replaced.has(u.dimension))],
    canonicalized: [
      ...base.canonicalized.filter((n) => !replaced.has(n.target_dimension)),
      ...retry.canonicalized.filter((n) => replaced.has(n.target_dimension)),
    ],
    issues: [...base.issues.filter((i) => !touches(i)), ...retry.issues.filter(touches)],
  };
}
