import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { LabelRecord, RecordKind, ScoreRecord, StoreRecord } from '../model/records';
import type { LabelerKind } from '../model/records';

/** What the in-memory index keeps per sample: enough to decide "already done?" without reading the record. */
export interface IndexEntry {
  offset: number;
  length: number;
  taxonomyHash: string;
  promptVersion: string;
  labeler: LabelerKind;
  status: LabelRecord['status'];
}

/** Index entry of a record of another kind (`score`, later `review`): where it is and what it was computed from. */
export interface RecordEntry {
  offset: number;
  length: number;
  status: string;
  promptVersion: string;
  /** Fingerprint of the labels the record was computed from, when the kind has one. */
  labelsFingerprint?: string;
}

/** The record type of each indexed kind. */
export interface RecordOfKind {
  label: LabelRecord;
  score: ScoreRecord;
}

/**
 * The sidecar's append-only JSONL log of records (labels, scores; the newest of a kind per sample wins).
 *
 * Crash safety comes from the shape of the file rather than from rewriting it: every record is one
 * line written with a single append, so a crash can at worst leave one unterminated last line. Opening
 * the log cuts such a tail off (the sample is simply labeled again), and every complete line is a
 * complete record. Memory stays small on millions of samples: only offsets are indexed, records are
 * read back on demand.
 */
export class LabelLog {
  private readonly index = new Map<string, IndexEntry>();
  /** Newest record per sample of every kind other than `label`, by kind. */
  private readonly byKind = new Map<string, Map<string, RecordEntry>>();
  private handle: fs.FileHandle | undefined;
  private reader: Promise<fs.FileHandle> | undefined;
  private size = 0;
  private writing: Promise<void> = Promise.resolve();
  private unsynced = false;
  /** Lines that were not valid records when the log was opened (reported, never fatal). */
  readonly corruptLines: number[] = [];
  /** True when the log ended in a torn line that was cut off on open. */
  repairedTail = false;
  private readOnly = false;
  /** Complete lines indexed so far (grows with refresh; counts replaced records too). */
  private appendedSinceOpen = 0;

  private constructor(readonly file: string) {}

  /**
   * Open for writing: repairs a torn tail and appends after it. Only one writer may do this at a time
   * (the sidecar lock guarantees it).
   */
  static async open(file: string): Promise<LabelLog> {
    const log = new LabelLog(file);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await log.load(true);
    log.handle = await fs.open(file, 'a');
    return log;
  }

  /**
   * Open for reading while someone else may be writing (the editor during a CLI run): never truncates,
   * treats an unterminated last line as not written yet, and `refresh()` picks up what was appended since.
   */
  static async openReadOnly(file: string): Promise<LabelLog> {
    const log = new LabelLog(file);
    log.readOnly = true;
    await log.load(false);
    return log;
  }

  /** Index the records appended since the last load (read-only logs). Returns how many lines were new. */
  async refresh(): Promise<number> {
    const before = this.appendedSinceOpen;
    await this.load(false);
    return this.appendedSinceOpen - before;
  }

  private lineNo = 0;

  /** Index complete lines from `this.size` on; with `repair`, cut off a torn tail (writers only). */
  private async load(repair: boolean): Promise<void> {
    let handle: fs.FileHandle;
    try {
      handle = await fs.open(this.file, repair ? 'r+' : 'r');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw err;
    }
    try {
      const { size } = await handle.stat();
      const chunk = Buffer.allocUnsafe(1 << 20);
      let carry: Buffer = Buffer.alloc(0);
      let pos = this.size;
      let lastGoodEnd = this.size;
      while (pos < size) {
        const { bytesRead } = await handle.read(chunk, 0, chunk.length, pos);
        if (bytesRead === 0) break;
        const buf = carry.length ? Buffer.concat([carry, chunk.subarray(0, bytesRead)]) : chunk.subarray(0, bytesRead);
        const base = pos - carry.length;
        let start = 0;
        for (let nl = buf.indexOf(10, start); nl !== -1; nl = buf.indexOf(10, start)) {
          this.lineNo++;
          this.appendedSinceOpen++;
          this.indexLine(buf, start, nl, base + start, this.lineNo);
          start = nl + 1;
          lastGoodEnd = base + start;
        }
        carry = Buffer.from(buf.subarray(start));
        pos += bytesRead;
      }
      this.size = lastGoodEnd;
      if (repair && lastGoodEnd < size) {
        // A torn final line from a crash mid-append: drop it so the next append starts on a clean line.
        await handle.truncate(lastGoodEnd);
        this.repairedTail = true;
      }
    } finally {
      await handle.close();
    }
  }

  private indexLine(buf: Buffer, start: number, end: number, offset: number, lineNo: number): void {
    if (end === start) return;
    let rec: Partial<StoreRecord>;
    try {
      rec = JSON.parse(buf.toString('utf8', start, end)) as Partial<StoreRecord>;
    } catch {
      this.corruptLines.push(lineNo);
      return;
    }
    this.indexRecord(rec, offset, end - start);
  }

  /** Make `rec` the newest of its kind for its sample. Records without a kind or a sample id are skipped. */
  private indexRecord(rec: Partial<StoreRecord>, offset: number, length: number): void {
    if (!rec || typeof rec !== 'object' || typeof rec.kind !== 'string' || typeof rec.sampleId !== 'string') return;
    if (rec.kind === 'label') {
      const label = rec as Partial<LabelRecord>;
      this.index.set(rec.sampleId, {
        offset,
        length,
        taxonomyHash: String(label.taxonomyHash),
        promptVersion: String(label.promptVersion),
        labeler: label.labeler === 'heuristic' ? 'heuristic' : 'llm',
        status: label.status ?? 'failed',
      });
      return;
    }
    const fields = rec as { status?: unknown; promptVersion?: unknown; labelsFingerprint?: unknown };
    const entry: RecordEntry = {
      offset,
      length,
      status: typeof fields.status === 'string' ? fields.status : 'failed',
      promptVersion: String(fields.promptVersion),
    };
    if (typeof fields.labelsFingerprint === 'string') entry.labelsFingerprint = fields.labelsFingerprint;
    let entries = this.byKind.get(rec.kind);
    if (!entries) this.byKind.set(rec.kind, (entries = new Map()));
    entries.set(rec.sampleId, entry);
  }

  get count(): number {
    return this.index.size;
  }

  entry(sampleId: string): IndexEntry | undefined {
    return this.index.get(sampleId);
  }

  sampleIds(): IterableIterator<string> {
    return this.index.keys();
  }

  /** Read the newest label record of a sample from disk. */
  get(sampleId: string): Promise<LabelRecord | undefined> {
    return this.readAt(this.index.get(sampleId)) as Promise<LabelRecord | undefined>;
  }

  /** Index entry of the newest record of `kind` for a sample (label entries carry more: see `entry`). */
  entryOf(kind: RecordKind | (string & {}), sampleId: string): RecordEntry | undefined {
    if (kind === 'label') return this.index.get(sampleId);
    return this.byKind.get(kind)?.get(sampleId);
  }

  /** Number of samples with a record of `kind`. */
  countOf(kind: RecordKind | (string & {})): number {
    return kind === 'label' ? this.index.size : (this.byKind.get(kind)?.size ?? 0);
  }

  /** Read the newest record of `kind` for a sample from disk. */
  getOf<K extends RecordKind>(kind: K, sampleId: string): Promise<RecordOfKind[K] | undefined> {
    return this.readAt(this.entryOf(kind, sampleId)) as Promise<RecordOfKind[K] | undefined>;
  }

  private async readAt(e: { offset: number; length: number } | undefined): Promise<unknown> {
    if (!e) return undefined;
    await this.writing;
    this.reader ??= fs.open(this.file, 'r');
    const h = await this.reader;
    const buf = Buffer.allocUnsafe(e.length);
    await h.read(buf, 0, e.length, e.offset);
    return JSON.parse(buf.toString('utf8')) as unknown;
  }

  /** Append records; resolves once they are written (visible to readers and safe from a process kill). */
  append(records: StoreRecord[]): Promise<void> {
    const lines = records.map((r) => JSON.stringify(r) + '\n');
    const next = this.writing.then(async () => {
      if (!this.handle) throw new Error(`Label log ${this.file} is ${this.readOnly ? 'open read-only' : 'closed'}`);
      let offset = this.size;
      const buf = Buffer.from(lines.join(''), 'utf8');
      let written = 0;
      while (written < buf.length) {
        const r = await this.handle.write(buf, written, buf.length - written);
        written += r.bytesWritten;
      }
      for (let i = 0; i < records.length; i++) {
        const len = Buffer.byteLength(lines[i]!, 'utf8');
        this.indexRecord(records[i] as Partial<StoreRecord>, offset, len - 1);
        offset += len;
      }
      this.size = offset;
      this.unsynced = true;
    });
    // Keep the chain alive after a failed write so later appends report their own error.
    this.writing = next.catch(() => undefined);
    return next;
  }

  /** fsync: survives power loss, not just a killed process. */
  async sync(): Promise<void> {
    await this.writing;
    if (this.handle && this.unsynced) {
      this.unsynced = false;
      await this.handle.sync();
    }
  }

  /** Stream every newest label record, in log order. */
  records(): AsyncGenerator<LabelRecord> {
    return this.recordsOf('label');
  }

  /** Stream the newest record of `kind` of every sample, in log order. */
  async *recordsOf<K extends RecordKind>(kind: K): AsyncGenerator<RecordOfKind[K]> {
    await this.writing;
    const source = kind === 'label' ? this.index : (this.byKind.get(kind) ?? new Map<string, RecordEntry>());
    const entries = [...source.values()].sort((a, b) => a.offset - b.offset);
    if (entries.length === 0) return;
    const h = await fs.open(this.file, 'r');
    try {
      for (const e of entries) {
        const buf = Buffer.allocUnsafe(e.length);
        await h.read(buf, 0, e.length, e.offset);
        yield JSON.parse(buf.toString('utf8')) as RecordOfKind[K];
      }
    } finally {
      await h.close();
    }
  }

  async close(): Promise<void> {
    await this.sync();
    await this.handle?.close();
    this.handle = undefined;
    const reader = this.reader;
    this.reader = undefined;
    if (reader) await (await reader).close();
  }
}
