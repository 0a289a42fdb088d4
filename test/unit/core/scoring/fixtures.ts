/** Builders for the scoring tests: judgements, label sets and samples without files or servers. */
import type { Sample, Turn } from '../../../../src/core/model/conversation';
import { emptyLabelSet, type Dimension, type LabelSet } from '../../../../src/core/model/labels';
import type { ScoreJudgement } from '../../../../src/core/model/records';

/** A judgement whose sub-scores all equal their dimension's overall. */
export function judgement(o: { complexity: number; quality: number; reasoning: number; confidence?: number; flags?: ScoreJudgement['flags'] }): ScoreJudgement {
  return {
    complexity: { instruction: o.complexity, analytical_depth: o.complexity, implementation: o.complexity, overall: o.complexity },
    quality: { correctness: o.quality, code_quality: o.quality, explanation: o.quality, completeness: o.quality, overall: o.quality },
    reasoning: { clarity: o.reasoning, consistency: o.reasoning, self_correction: false, overall: o.reasoning },
    flags: o.flags ?? [],
    unknown_flags: [],
    confidence: o.confidence ?? 0.9,
  };
}

/** Labels from `{ dim: tag | tags }` plus optional confidences. */
export function labelsOf(tags: Partial<Record<Dimension, string | string[]>>, confidence: Partial<Record<Dimension, number>> = {}): LabelSet {
  const labels = emptyLabelSet();
  for (const [dim, v] of Object.entries(tags) as [Dimension, string | string[]][]) {
    (labels as unknown as Record<string, unknown>)[dim] = v;
  }
  labels.confidence = { ...confidence };
  return labels;
}

/** A sample from `[role, text, reasoning?]` turns; the last turn is the reply. */
export function sampleFrom(turns: readonly (readonly [string, string, string?])[], over: Partial<Sample> = {}): Sample {
  const built: Turn[] = turns.map(([role, text, reasoning]) => {
    const [r, toolName] = role.split(':');
    const turn: Turn = { role: r!, text };
    if (toolName) turn.toolName = toolName;
    if (reasoning) turn.reasoning = reasoning;
    return turn;
  });
  return {
    id: 's1:test',
    displayId: 'row_t1',
    turnIndex: 1,
    totalTurns: 1,
    turns: built,
    thinkingMode: built[built.length - 1]?.reasoning ? 'slow' : 'fast',
    format: 'sharegpt',
    rowHash: 'f'.repeat(64),
    source: { file: 'test.jsonl', line: 1, endLine: 1, byteStart: 0, byteEnd: 10, rowIndex: 0 },
    ...over,
  };
}

/** Deterministic filler text of exactly `n` characters (n ≥ 40), with a recognisable start and end. */
export function filler(n: number, tag: string): string {
  const end = `<<${tag} end>>`;
  let text = `<<${tag} start>>`;
  while (text.length < n) text += `${tag}-`;
  return text.slice(0, n - end.length) + end;
}
