import { promises as fs } from 'node:fs';
import { scanLog, type LoggedRecord } from './scanLog';

/**
 * Where a sample sits in its file, as far as "the same place after an edit" goes: the row's own id when
 * it has one (survives rows being inserted above), else its position among the file's rows; plus which
 * reply of the row it is.
 */
export interface SamplePlace {
  rowId?: string;
  rowIndex: number;
  /** 1-based index of the reply among the row's assistant replies. */
  turnIndex: number;
}

/** Every key a record's place is indexed under. */
export function placeKeysOf(place: SamplePlace): string[] {
  const byRow = `row:${place.rowIndex}#${place.turnIndex}`;
  return place.rowId === undefined ? [byRow] : [`id:${place.rowId}#${place.turnIndex}`, byRow];
}

/**
 * The key to look a sample's place up by: its row id when it has one, so a row with an id never inherits
 * the labels of another row that used to sit at its position.
 */
export function lookupKeyOf(place: SamplePlace): string {
  return place.rowId === undefined ? `row:${place.rowIndex}#${place.turnIndex}` : `id:${place.rowId}#${place.turnIndex}`;
}

interface LocatedLine {
  locator?: { rowId?: unknown; rowIndex?: unknown; turnIndex?: unknown };
}

/**
 * Place → newest sample id labeled there, read from a label log without ever writing it (a run may be
 * appending at the same time). The editor uses it to tell "stale" (this place was labeled, but for other
 * content) from "not labeled". Content-keyed lookups stay with `LabelLog`; this index only answers the
 * question the content key cannot.
 *
 * Like the log's read-only view, an unterminated last line counts as not written yet, and `refresh()`
 * indexes only what was appended since.
 */
export class LocatorIndex {
  private readonly byPlace = new Map<string, string>();
  private size = 0;

  private constructor(readonly file: string) {}

  /** Indexes the log at `labelsFile`; a missing file is an empty index (it may be created later). */
  static async open(labelsFile: string): Promise<LocatorIndex> {
    const index = new LocatorIndex(labelsFile);
    await index.refresh();
    return index;
  }

  /** Sample id of the newest label record written at `place`, if any. */
  sampleIdAt(place: SamplePlace): string | undefined {
    return this.byPlace.get(lookupKeyOf(place));
  }

  /** Number of distinct places indexed. */
  get places(): number {
    return this.byPlace.size;
  }

  /** Indexes complete lines appended since the last read. Returns how many were new. */
  async refresh(): Promise<number> {
    let size: number;
    try {
      size = (await fs.stat(this.file)).size;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      throw err;
    }
    if (size < this.size) {
      // The log was replaced by a shorter one (deleted and relabeled): start over.
      this.byPlace.clear();
      this.size = 0;
    }
    let added = 0;
    this.size = await scanLog(this.file, (record) => {
      if (this.indexRecord(record)) added++;
    }, { fromByte: this.size });
    return added;
  }

  private indexRecord(record: LoggedRecord & LocatedLine): boolean {
    const locator = record.locator;
    if (record.kind !== 'label' || !locator) return false;
    if (typeof locator.rowIndex !== 'number' || typeof locator.turnIndex !== 'number') return false;
    const place: SamplePlace = {
      rowIndex: locator.rowIndex,
      turnIndex: locator.turnIndex,
      ...(typeof locator.rowId === 'string' ? { rowId: locator.rowId } : {}),
    };
    for (const key of placeKeysOf(place)) this.byPlace.set(key, record.sampleId);
    return true;
  }
}
