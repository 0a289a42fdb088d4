import { promises as fs } from 'node:fs';
import type { StatsRef } from '../model/records';
import { scanScored, walkScored, type ScoredScan, type ScoredScanOptions } from '../export/scoredScan';
import { toScoredSample, valueObject } from '../export/scoredFormat';
import type { Unit } from '../scoring/units';
import { AtomicStreamWriter } from '../util/atomicStream';
import { writeFileAtomic } from '../util/atomicWrite';
import type { SelectCriteria } from './criteria';
import { selectUnits, type SelectionReport } from './selectUnits';

export interface SelectFileOptions extends ScoredScanOptions {
  criteria: SelectCriteria;
  outFile: string;
  /**
   * `original`: the kept rows exactly as they are in the dataset (bytes copied), training-ready in the input's
   * format. `scored`: one scored record (`scored.json[l]` shape) per reply of the kept rows.
   */
  format: 'original' | 'scored';
  /** Also write the report as JSON here. */
  reportFile?: string;
  scan?: ScoredScan;
}

export interface SelectFileReport extends SelectionReport {
  input_file: string;
  output_file: string;
  format: 'original' | 'scored';
  criteria: SelectCriteria;
  baseline: StatsRef;
  unit_rule: string;
}

export const UNIT_RULE =
  'A row is kept or dropped whole. A row with one reply is judged by that reply; a row with several replies by its conversation: ' +
  'conv_value and conv_selection for the numbers, the union of its replies for tags, difficulties and flags, ' +
  'and slow/fast/mixed for thinking mode.';

/** Select rows of one dataset file and write them (and the report). */
export async function selectFile(file: string, opts: SelectFileOptions): Promise<SelectFileReport> {
  const scan = opts.scan ?? (await scanScored(file, opts));
  const { kept, report } = selectUnits(scan.table, scan.units, opts.criteria);
  if (opts.format === 'original') await writeOriginalRows(file, scan, kept, opts.outFile);
  else await writeScoredRows(file, scan, kept, opts.outFile, opts.signal);
  const full: SelectFileReport = {
    input_file: file,
    output_file: opts.outFile,
    format: opts.format,
    criteria: opts.criteria,
    baseline: scan.run.baseline.ref,
    unit_rule: UNIT_RULE,
    ...report,
  };
  if (opts.reportFile) await writeFileAtomic(opts.reportFile, JSON.stringify(full, null, 2) + '\n');
  return full;
}

/** Copy the kept rows' bytes in file order: a JSON array stays an array, JSONL stays one row per line. */
async function writeOriginalRows(file: string, scan: ScoredScan, kept: readonly Unit[], outFile: string): Promise<void> {
  const asArray = await isJsonArray(file);
  const rows = [...kept].sort((a, b) => a.rowIndex - b.rowIndex);
  const out = await AtomicStreamWriter.create(outFile);
  const input = await fs.open(file, 'r');
  try {
    if (asArray) await out.write('[\n');
    let first = true;
    for (const unit of rows) {
      const i = unit.samples[0]!;
      const start = scan.table.byteStart.get(i);
      const end = scan.table.byteEnd.get(i);
      const buf = Buffer.allocUnsafe(end - start);
      await input.read(buf, 0, buf.length, start);
      const text = buf.toString('utf8');
      await out.write(asArray ? `${first ? '' : ',\n'}${text}` : `${text}\n`);
      first = false;
    }
    if (asArray) await out.write(first ? ']\n' : '\n]\n');
    await out.commit();
  } catch (err) {
    await out.discard();
    throw err;
  } finally {
    await input.close();
  }
}

async function writeScoredRows(file: string, scan: ScoredScan, kept: readonly Unit[], outFile: string, signal?: AbortSignal): Promise<void> {
  const keep = new Set(kept.flatMap((u) => u.samples));
  const asArray = !/\.jsonl$/i.test(outFile);
  const out = await AtomicStreamWriter.create(outFile);
  try {
    if (asArray) await out.write('[\n');
    let written = 0;
    for await (const { index, sample, state } of walkScored(file, { signal })) {
      if (!keep.has(index)) continue;
      const row = JSON.stringify(toScoredSample(sample, state, valueObject(scan.table, scan.run, index, state)));
      await out.write(asArray ? `${written > 0 ? ',\n' : ''}${row}` : `${row}\n`);
      written++;
    }
    if (asArray) await out.write(written > 0 ? '\n]\n' : ']\n');
    await out.commit();
  } catch (err) {
    await out.discard();
    throw err;
  }
}

/** Whether the file is one JSON array (first byte after whitespace and a BOM is `[`), rather than JSONL. */
async function isJsonArray(file: string): Promise<boolean> {
  const h = await fs.open(file, 'r');
  try {
    const buf = Buffer.alloc(4096);
    const { bytesRead } = await h.read(buf, 0, buf.length, 0);
    const text = buf.toString('utf8', 0, bytesRead).replace(/^\ufeff/, '').trimStart();
    return text.startsWith('[');
  } finally {
    await h.close();
  }
}
