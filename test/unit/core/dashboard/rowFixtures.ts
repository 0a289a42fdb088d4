// Hand-built dashboard rows for the aggregation and query tests: every figure they assert can be counted here.
import type { SampleRow, ScoreValues } from '../../../../src/core/dashboard/model';
import { DIMENSIONS, type Dimension } from '../../../../src/core/model/labels';

let counter = 0;

/** Scores with the given values, the rest null. */
export function scores(values: Partial<ScoreValues>): ScoreValues {
  return { value: null, selection: null, complexity: null, quality: null, reasoning: null, rarity: null, confidence: null, ...values };
}

/** Confidence per dimension, aligned with DIMENSIONS. */
export function conf(values: Partial<Record<Dimension, number>>): (number | null)[] {
  return DIMENSIONS.map((d) => values[d] ?? null);
}

/** A labeled row; `tags` as `dim:tag`, intent and difficulty taken from them. */
export function row(partial: Partial<SampleRow> & { tags?: string[] } = {}): SampleRow {
  counter++;
  const tags = partial.tags ?? [];
  const single = (dim: Dimension) => tags.find((t) => t.startsWith(`${dim}:`))?.slice(dim.length + 1) ?? null;
  return {
    file: 0,
    line: counter,
    byteStart: 0,
    byteEnd: 0,
    rowIndex: counter,
    id: `s1:${String(counter).padStart(24, '0')}`,
    displayId: `row${counter}_t1`,
    turn: 1,
    turns: 1,
    thinking: 'fast',
    status: 'success',
    labeler: 'llm',
    tokens: 100,
    calls: 2,
    arbitrated: false,
    intent: single('intent'),
    difficulty: single('difficulty'),
    conf: conf({}),
    unmapped: [],
    scores: null,
    scoreState: 'none',
    flags: [],
    conv: null,
    query: `request ${counter}`,
    reply: `reply ${counter}`,
    ...partial,
    tags,
  };
}

/** An unlabeled row (no record for its content). */
export function unlabeled(partial: Partial<SampleRow> = {}): SampleRow {
  return row({ status: 'unlabeled', labeler: null, tokens: 0, calls: 0, tags: [], ...partial });
}
