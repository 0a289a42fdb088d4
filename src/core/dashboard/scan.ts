/**
 * Reads one dataset file with its sidecar into dashboard rows: every distinct sample as the file is now,
 * with its labels (ours, or those an sft-label file carries) and scores. Value, rarity and selection are
 * the run-wide numbers of the file, computed with the scorer's own table and formulas (as exports and
 * `select` do), so the dashboard and the selected output agree. One pass over the file and one over the
 * sidecar; only rows and the score columns are kept.
 */
import { scanFile as scanRecords } from '../dataset/scan';
import { ItemAssembler } from '../dataset/records';
import type { InputIssue, Sample } from '../model/conversation';
import { parseEmbedded, type EmbeddedSftLabel } from '../scoring/embedded';
import { labelsFingerprint } from '../scoring/fingerprint';
import { computeRunWide, type RunWideScores } from '../scoring/runWide';
import { ORIGIN, ScoreTable, type TableEntry } from '../scoring/table';
import { buildUnits } from '../scoring/units';
import { scoreNumbers } from '../scoring/value';
import type { SampleRow, ScoreState, ScoreValues } from './model';
import { Interner, rowOf, type RowSource } from './rows';
import { readSidecarSnapshot, type SampleRecords } from './sidecarSnapshot';

export interface FileScan {
  rows: SampleRow[];
  /** Problems found in the file (bad JSON, rows without replies...). */
  issues: number;
}

export interface ScanOptions {
  signal?: AbortSignal;
  intern?: Interner;
  onIssue?: (issue: InputIssue) => void;
}

/** Labels and value an sft-label row carries; they belong to the row's last reply. Rows without either are not parsed. */
function embeddedOf(sample: Sample, recordText: string): EmbeddedSftLabel | undefined {
  if (sample.turnIndex !== sample.totalTurns) return undefined;
  if (!recordText.includes('"labels"') && !recordText.includes('"value"')) return undefined;
  try {
    return parseEmbedded(JSON.parse(recordText));
  } catch {
    return undefined;
  }
}

interface SampleState {
  row: Omit<RowSource, 'fileIndex'>;
  entry: TableEntry;
}

/**
 * A sample's labels and score, with the scorer's rules (`SampleStateReader`): our successful label, else the
 * labels the row carries; our score when it succeeded from exactly these labels, else the value the row
 * carries (when there are labels to go with it).
 */
function stateOf(sample: Sample, records: SampleRecords | undefined, embedded: EmbeddedSftLabel | undefined): SampleState {
  const label = records?.label;
  const ours = label?.status === 'success' && label.labels ? label.labels : undefined;
  const labels = ours ? { labels: ours, origin: 'sidecar' as const } : embedded?.labels ? { labels: embedded.labels, origin: 'embedded' as const } : undefined;
  const record = records?.score;
  const current = record?.status === 'success' && labels && record.labelsFingerprint === labelsFingerprint(labels.labels) ? record : undefined;
  const imported = !current && labels ? embedded?.value : undefined;
  const numbers = current?.judgement ? scoreNumbers(current.judgement) : imported?.numbers;
  const flags = current?.judgement?.flags ?? imported?.flags;
  const scoreState: ScoreState = current ? 'scored' : imported?.numbers ? 'imported' : record?.status === 'failed' ? 'failed' : record ? 'stale' : 'none';
  return {
    row: { sample, label, labels, scoreState, flags: numbers ? flags : undefined },
    entry: {
      rowIndex: sample.source.rowIndex,
      turnIndex: sample.turnIndex,
      totalTurns: sample.totalTurns,
      thinkingMode: sample.thinkingMode,
      byteStart: sample.source.byteStart,
      byteEnd: sample.source.byteEnd,
      labels: labels?.labels,
      numbers,
      flags,
      origin: current ? 'ours' : 'imported',
    },
  };
}

const orNull = (v: number) => (Number.isNaN(v) ? null : v);

function scoresAt(table: ScoreTable, run: RunWideScores, i: number): ScoreValues | null {
  const numbers = table.numbersOf(i);
  if (!numbers) return null;
  return {
    value: orNull(run.value[i]!),
    selection: orNull(run.selection[i]!),
    complexity: numbers.complexity,
    quality: numbers.quality,
    reasoning: numbers.reasoning,
    rarity: orNull(run.rarityScore[i]!),
    confidence: numbers.confidence,
  };
}

/** Rows of `file`, numbered `fileIndex` in its scope. */
export async function scanFile(file: string, fileIndex: number, opts: ScanOptions = {}): Promise<FileScan> {
  const intern = opts.intern ?? new Interner();
  const records = await readSidecarSnapshot(file, opts.signal);
  const rows: SampleRow[] = [];
  const table = new ScoreTable();
  const seen = new Set<string>();
  const assembler = new ItemAssembler(file);
  let issues = 0;
  const take = (item: ReturnType<ItemAssembler['accept']>, text: string) => {
    if (!item) return;
    for (const issue of item.issues) {
      issues++;
      opts.onIssue?.(issue);
    }
    for (const sample of item.samples) {
      if (seen.has(sample.id)) continue;
      seen.add(sample.id);
      const state = stateOf(sample, records.get(sample.id), embeddedOf(sample, text));
      table.add(state.entry);
      rows.push(rowOf({ ...state.row, fileIndex }, intern));
    }
  };
  for await (const event of scanRecords(file, { signal: opts.signal })) {
    take(assembler.accept(event), event.kind === 'record' ? event.text : '');
  }
  take(assembler.finish(), '');
  if (rows.some((r) => r.scoreState === 'scored' || r.scoreState === 'imported')) {
    const run = computeRunWide(table);
    for (let i = 0; i < rows.length; i++) {
      if (table.origin.get(i) !== ORIGIN.none) rows[i]!.scores = scoresAt(table, run, i);
    }
    for (const unit of buildUnits(table, run)) {
      const c = unit.conversation;
      if (!c) continue;
      const conv = { value: c.conv_value, selection: c.conv_selection, peakComplexity: c.peak_complexity };
      for (const i of unit.samples) rows[i]!.conv = conv;
    }
  }
  return { rows, issues };
}
