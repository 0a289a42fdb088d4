/**
 * The detail of one sample read back from disk: its record's bytes (the row knows where they are), its
 * conversation up to the reply, and its newest label and score records.
 */
import { promises as fs } from 'node:fs';
import { itemFromSpan } from '../dataset/records';
import { labelsFingerprint } from '../scoring/fingerprint';
import { Sidecar } from '../store/sidecar';
import { detailOf, detailTurns } from './detailView';
import type { SampleDetail, SampleRow } from './model';

async function readRange(file: string, start: number, end: number): Promise<string> {
  const handle = await fs.open(file, 'r');
  try {
    const buf = Buffer.alloc(end - start);
    const { bytesRead } = await handle.read(buf, 0, buf.length, start);
    return buf.toString('utf8', 0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * Detail of `row`, whose dataset file is `file`. When the record changed since the row was read (the
 * sample id no longer matches), the labels are still shown and the note says to refresh.
 */
export async function readSampleDetail(file: string, row: SampleRow): Promise<SampleDetail> {
  const sidecar = await Sidecar.openForRead(file);
  try {
    const label = await sidecar.get(row.id);
    const score = await sidecar.getOf('score', row.id);
    const currentScore = score && label?.labels && score.labelsFingerprint === labelsFingerprint(label.labels) ? score : undefined;
    let text: string;
    try {
      text = await readRange(file, row.byteStart, row.byteEnd);
    } catch (err) {
      return detailOf(row, { label, score: currentScore, note: `Cannot read ${file}: ${(err as Error).message}` });
    }
    const item = itemFromSpan(file, {
      kind: 'record',
      byteStart: row.byteStart,
      byteEnd: row.byteEnd,
      line: row.line,
      endLine: row.line,
      column: 1,
      rowIndex: row.rowIndex,
      text,
    });
    const sample = item.samples.find((s) => s.id === row.id);
    if (!sample) {
      return detailOf(row, {
        label,
        score: currentScore,
        note: 'The file changed since the dashboard read it: refresh to see this sample as it is now.',
      });
    }
    const { turns, omitted } = detailTurns(sample.turns);
    const note = omitted > 0 ? `${omitted} earlier turn(s) not shown.` : null;
    return detailOf(row, { label, score: currentScore, conversation: turns, note });
  } finally {
    await sidecar.close();
  }
}
