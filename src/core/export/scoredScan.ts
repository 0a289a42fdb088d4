import { readDataset } from '../dataset/read';
import type { InputIssue, Sample } from '../model/conversation';
import { loadBaselineFile, type BaselineSource, type RarityBaseline } from '../scoring/baseline';
import { SampleStateReader, type SampleState } from '../scoring/labelSource';
import { baselineFromTable, computeRunWide, type RunWideScores } from '../scoring/runWide';
import { ORIGIN, ScoreTable } from '../scoring/table';
import type { RarityConfig, ValueWeights } from '../scoring/types';
import { buildUnits, type Unit } from '../scoring/units';
import { scoreNumbers } from '../scoring/value';
import { ScoreTotals } from '../stats/scoringStats';
import { Sidecar } from '../store/sidecar';

/**
 * A dataset file with its labels and scores, ready for run-wide numbers: one streaming pass fills a column
 * table (one entry per distinct sample, in file order), then rarity, value, selection and conversation scores
 * are computed for all of it. `walkScored` streams the file again in the same order, so entry `index` of the
 * table is the sample the walk yields with that index.
 */

export interface ScoredScanOptions {
  signal?: AbortSignal;
  onIssue?: (issue: InputIssue) => void;
  /** Default: the dataset's own labels. */
  baseline?: BaselineSource;
  rarity?: RarityConfig;
  weights?: ValueWeights;
}

export interface ScoredScan {
  file: string;
  table: ScoreTable;
  run: RunWideScores;
  units: Unit[];
  totals: ScoreTotals;
  issues: number;
}

export interface WalkedSample {
  index: number;
  sample: Sample;
  state: SampleState;
}

export async function scanScored(file: string, opts: ScoredScanOptions = {}): Promise<ScoredScan> {
  const table = new ScoreTable();
  const totals = new ScoreTotals();
  let issues = 0;
  const external = opts.baseline?.kind === 'stats-file' ? await loadBaselineFile(opts.baseline.path) : undefined;
  for await (const { sample, state } of walkScored(file, {
    signal: opts.signal,
    onIssue: (i) => {
      issues++;
      opts.onIssue?.(i);
    },
  })) {
    if (state.scoreRecord) totals.addRecord(state.scoreRecord, state.score !== undefined);
    const imported = !state.score && state.labels ? state.embedded?.value : undefined;
    if (imported?.numbers) totals.addImported(imported.estimated);
    table.add({
      rowIndex: sample.source.rowIndex,
      turnIndex: sample.turnIndex,
      totalTurns: sample.totalTurns,
      thinkingMode: sample.thinkingMode,
      byteStart: sample.source.byteStart,
      byteEnd: sample.source.byteEnd,
      labels: state.labels?.labels,
      numbers: state.score?.judgement ? scoreNumbers(state.score.judgement) : imported?.numbers,
      flags: state.score?.judgement?.flags ?? imported?.flags,
      origin: state.score ? 'ours' : 'imported',
    });
  }
  const baseline: RarityBaseline =
    external ??
    (opts.baseline?.kind === 'scored'
      ? baselineFromTable(table, 'scored', (i) => table.origin.get(i) !== ORIGIN.none)
      : baselineFromTable(table, 'dataset'));
  const run = computeRunWide(table, { baseline, rarity: opts.rarity, weights: opts.weights });
  return { file, table, run, units: buildUnits(table, run), totals, issues };
}

/** Every distinct sample of the file, in order, with its labels and score (the table's order). */
export async function* walkScored(
  file: string,
  opts: { signal?: AbortSignal; onIssue?: (issue: InputIssue) => void } = {},
): AsyncGenerator<WalkedSample> {
  const sidecar = await Sidecar.openForRead(file);
  const reader = new SampleStateReader(file, sidecar);
  try {
    const seen = new Set<string>();
    let index = 0;
    for await (const item of readDataset(file, { signal: opts.signal })) {
      for (const issue of item.issues) opts.onIssue?.(issue);
      for (const sample of item.samples) {
        if (seen.has(sample.id)) continue;
        seen.add(sample.id);
        yield { index: index++, sample, state: await reader.read(sample, { score: true }) };
      }
    }
  } finally {
    await reader.close();
    await sidecar.close();
  }
}
