import { DIMENSIONS } from '../model/labels';
import { aggregateConversation, type ConversationScore, type ConversationSlice } from './conversation';
import type { RunWideScores } from './runWide';
import type { ScoreTable } from './table';

/**
 * Training rows as units of selection. A row with one reply is judged by that reply's scores; a row with
 * several replies is judged as one conversation (conversation aggregation), so selection keeps or drops whole
 * rows, which is what a training-ready output needs.
 */
export interface Unit {
  rowIndex: number;
  /** Table indices of the row's samples, in file order. */
  samples: number[];
  /** Present for rows with two or more samples. */
  conversation?: ConversationScore;
  /** The unit's value and selection: the sample's, or `conv_value`/`conv_selection`; NaN when unscored. */
  value: number;
  selection: number;
}

const AGENTIC = DIMENSIONS.indexOf('agentic');

export function buildUnits(table: ScoreTable, run: RunWideScores): Unit[] {
  const units: Unit[] = [];
  let current: Unit | undefined;
  for (let i = 0; i < table.size; i++) {
    const row = table.rowIndex.get(i);
    if (!current || current.rowIndex !== row) {
      current = { rowIndex: row, samples: [], value: NaN, selection: NaN };
      units.push(current);
    }
    current.samples.push(i);
  }
  for (const unit of units) {
    if (unit.samples.length === 1) {
      const i = unit.samples[0]!;
      unit.value = run.value[i]!;
      unit.selection = run.selection[i]!;
      continue;
    }
    unit.conversation = aggregateConversation(unit.samples.map((i) => sliceOf(table, run, i)));
    unit.value = unit.conversation.conv_value ?? NaN;
    unit.selection = unit.conversation.conv_selection ?? NaN;
  }
  return units;
}

function sliceOf(table: ScoreTable, run: RunWideScores, i: number): ConversationSlice {
  const num = (v: number) => (Number.isNaN(v) ? null : v);
  const agentic = table.dims[AGENTIC]!;
  return {
    turnIndex: table.turnIndex.get(i),
    value: num(run.value[i]!),
    selection: num(run.selection[i]!),
    complexity: num(table.complexity.get(i)),
    quality: num(table.quality.get(i)),
    rarity: num(run.rarityScore[i]!),
    confidence: num(table.confidence.get(i)),
    flags: table.flagsOf(i),
    thinkingMode: table.slow.get(i) ? 'slow' : 'fast',
    labelSignature: String(table.comboId.get(i)),
    agentic: agentic.offsets.get(i + 1) > agentic.offsets.get(i),
  };
}
