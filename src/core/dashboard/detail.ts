/**
 * The detail of one sample read back from disk: its record's bytes (the row knows where they are), its
 * conversation up to the reply, and its newest label and score records.
 */
import { promises as fs } from 'node:fs';
import { itemFromSpan } from '../dataset/records';
import { SampleStateReader } from '../scoring/labelSource';
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
 * Reads sample details for a dashboard. Opening a sidecar indexes its whole log, so each file's sidecar is
 * opened once and kept (read-only, never locking a run out); later lookups only index what was appended since.
 */
export class DetailReader {
  private readonly sidecars = new Map<string, Promise<Sidecar>>();

  private async sidecarOf(file: string): Promise<Sidecar> {
    let opened = this.sidecars.get(file);
    if (!opened) {
      opened = Sidecar.openForRead(file);
      this.sidecars.set(file, opened);
      opened.catch(() => this.sidecars.delete(file));
      return opened;
    }
    const sidecar = await opened;
    await sidecar.log.refresh();
    return sidecar;
  }

  /**
   * Detail of `row`, whose dataset file is `file`. When the record changed since the row was read (the
   * sample id no longer matches), the row's labels are still shown and the note says to refresh.
   */
  async read(file: string, row: SampleRow): Promise<SampleDetail> {
    let text: string;
    try {
      text = await readRange(file, row.byteStart, row.byteEnd);
    } catch (err) {
      return detailOf(row, { note: `Cannot read ${file}: ${(err as Error).message}` });
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
      return detailOf(row, { note: 'The file changed since the dashboard read it: refresh to see this sample as it is now.' });
    }
    const reader = new SampleStateReader(file, await this.sidecarOf(file));
    try {
      const state = await reader.read(sample, { score: true });
      const { turns, omitted } = detailTurns(sample.turns);
      return detailOf(row, {
        label: state.labelRecord,
        score: state.score,
        conversation: turns,
        note: omitted > 0 ? `${omitted} earlier turn(s) not shown.` : null,
      });
    } finally {
      await reader.close();
    }
  }

  async close(): Promise<void> {
    const all = [...this.sidecars.values()];
    this.sidecars.clear();
    for (const opened of all) await (await opened.catch(() => undefined))?.close();
  }
}

/** Detail of one sample, opening (and closing) its sidecar for this one read. */
export async function readSampleDetail(file: string, row: SampleRow): Promise<SampleDetail> {
  const reader = new DetailReader();
  try {
    return await reader.read(file, row);
  } finally {
    await reader.close();
  }
}
