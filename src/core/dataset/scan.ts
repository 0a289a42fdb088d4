import { createReadStream } from 'node:fs';
import { extname } from 'node:path';
import { AbortedError } from '../util/abort';
import { LineSplitter } from './lineSplitter';
import type { ScanEvent, ScanNotice } from './scanEvents';
import { LayoutSniffer, type Layout } from './sniff';
import { ValueSplitter } from './valueSplitter';

export type { RecordSpan, ScanEvent, ScanNotice, ScanNoticeCode } from './scanEvents';
export type { Layout } from './sniff';

/** What the file name promises. Content wins when it disagrees (with a warning). */
export type ContainerHint = 'json' | 'jsonl';

/** Default read size: large enough that per-chunk overhead vanishes, small enough to keep memory flat. */
export const DEFAULT_CHUNK_BYTES = 1 << 20;

/** `.jsonl` (and `.ndjson`) promise JSON Lines; everything else is treated as JSON. */
export function containerHintFor(path: string): ContainerHint {
  const ext = extname(path).toLowerCase();
  return ext === '.jsonl' || ext === '.ndjson' ? 'jsonl' : 'json';
}

function mismatchNotice(layout: Layout, hint: ContainerHint): ScanNotice | undefined {
  if (hint !== 'jsonl' || layout === 'lines') return undefined;
  const what = layout === 'array' ? 'a JSON array' : 'JSON values spread over several lines';
  return {
    kind: 'notice', line: 1, severity: 'warning', code: 'json-in-jsonl',
    message: `holds ${what}, not one object per line; read as JSON`,
  };
}

/** A notice that only makes sense once a second record shows up. */
function secondRecordNotice(layout: Layout, hint: ContainerHint, line: number): ScanNotice | undefined {
  if (hint !== 'json' || layout === 'array') return undefined;
  if (layout === 'lines') {
    return {
      kind: 'notice', line, severity: 'warning', code: 'jsonl-in-json',
      message: 'holds one JSON value per line (JSON Lines) rather than one JSON document; read as JSONL',
    };
  }
  return {
    kind: 'notice', line, severity: 'warning', code: 'multiple-top-level',
    message: 'holds several top-level JSON values rather than one document; each is read as a record',
  };
}

/**
 * Incremental record scanner: push raw chunks in file order, get back record spans and notices.
 * It buffers only the record in progress, so memory does not grow with the file.
 */
export class RecordScanner {
  private readonly sniffer: LayoutSniffer;
  private readonly sniffed: Buffer[] = [];
  private layout: Layout | undefined;
  private splitter: LineSplitter | ValueSplitter | undefined;
  private total = 0;
  private records = 0;
  private out: ScanEvent[] = [];

  constructor(private readonly hint: ContainerHint) {
    this.sniffer = new LayoutSniffer(hint);
  }

  /** Feeds the next chunk; returns the events it completed. */
  push(chunk: Buffer): ScanEvent[] {
    const base = this.total;
    this.total += chunk.length;
    if (this.splitter) {
      this.splitter.push(chunk, base);
    } else {
      this.sniffed.push(chunk);
      for (let i = 0; i < chunk.length; i++) {
        const layout = this.sniffer.next(chunk[i]);
        if (layout) {
          this.start(layout);
          break;
        }
      }
    }
    return this.drain();
  }

  /** Signals end of input; returns the remaining events. */
  end(): ScanEvent[] {
    if (!this.splitter) {
      const layout = this.sniffer.finish();
      if (!layout) {
        this.out.push({
          kind: 'notice', line: 1, severity: 'warning', code: 'empty-file', message: 'file is empty: no records',
        });
        return this.drain();
      }
      this.start(layout);
    }
    this.splitter?.end();
    return this.drain();
  }

  /** Layout chosen from content, once known. */
  get detectedLayout(): Layout | undefined {
    return this.layout;
  }

  private start(layout: Layout): void {
    this.layout = layout;
    const notice = mismatchNotice(layout, this.hint);
    if (notice) this.out.push(notice);
    const sink = (event: ScanEvent) => this.accept(event);
    this.splitter = layout === 'lines' ? new LineSplitter(sink) : new ValueSplitter(sink, layout === 'array');
    // Replay what the sniffer looked at; a single chunk needs no copy.
    const head = this.sniffed.length === 1 ? this.sniffed[0] : Buffer.concat(this.sniffed);
    this.sniffed.length = 0;
    this.splitter.push(head, 0, this.sniffer.bomLength);
  }

  private accept(event: ScanEvent): void {
    if (event.kind === 'record') {
      this.records++;
      if (this.records === 2 && this.layout) {
        const notice = secondRecordNotice(this.layout, this.hint, event.line);
        if (notice) this.out.push(notice);
      }
    }
    this.out.push(event);
  }

  private drain(): ScanEvent[] {
    const events = this.out;
    this.out = [];
    return events;
  }
}

/** Scans an in-memory document (the editor's text) in one go. */
export function scanBuffer(bytes: Buffer, hint: ContainerHint): ScanEvent[] {
  const scanner = new RecordScanner(hint);
  return [...scanner.push(bytes), ...scanner.end()];
}

export interface ScanFileOptions {
  signal?: AbortSignal;
  /** Read size in bytes; tests shrink it to force records across chunk boundaries. */
  chunkBytes?: number;
}

/**
 * Streams a file's record spans without ever holding the whole file. Stops with `AbortedError` as soon
 * as `signal` aborts (checked between events, so also in the middle of a chunk).
 */
export async function* scanFile(path: string, options: ScanFileOptions = {}): AsyncGenerator<ScanEvent> {
  const { signal } = options;
  if (signal?.aborted) throw new AbortedError();
  const scanner = new RecordScanner(containerHintFor(path));
  const stream = createReadStream(path, { highWaterMark: options.chunkBytes ?? DEFAULT_CHUNK_BYTES });
  try {
    for await (const chunk of stream) {
      for (const event of scanner.push(chunk as Buffer)) {
        if (signal?.aborted) throw new AbortedError();
        yield event;
      }
      if (signal?.aborted) throw new AbortedError();
    }
    for (const event of scanner.end()) yield event;
  } finally {
    stream.destroy();
  }
}
