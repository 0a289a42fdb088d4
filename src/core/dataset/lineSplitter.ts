import * as bytes from './bytes';
import { PendingBytes } from './bytes';
import type { ScanSink } from './scanEvents';

// Module-local copies so the trimming loops do not go through import getters (see valueSplitter.ts).
const { CR, NL, SPACE, TAB } = bytes;

function isLineSpace(byte: number): boolean {
  return byte === SPACE || byte === TAB || byte === CR;
}

/**
 * JSON Lines splitter: every non-blank line is one record. A line that is broken only spoils itself, which
 * is why one-object-per-line data always goes through here rather than through the structural splitter.
 * Uses the native `indexOf` to find newlines, so the per-byte cost is a memchr.
 */
export class LineSplitter {
  private line = 1;
  private lineStart = 0;
  private rowIndex = 0;
  private readonly pending = new PendingBytes();
  private carrying = false;

  constructor(private readonly emit: ScanSink) {}

  /** Feeds `chunk`, whose first byte is at absolute offset `base`; bytes before `from` are skipped (BOM). */
  push(chunk: Buffer, base: number, from = 0): void {
    if (!this.carrying) this.lineStart = base + from;
    let pos = from;
    for (;;) {
      const newline = chunk.indexOf(NL, pos);
      if (newline === -1) break;
      this.emitLine(this.pending.take(chunk.subarray(pos, newline)));
      this.line++;
      pos = newline + 1;
      this.lineStart = base + pos;
    }
    this.carrying = pos < chunk.length;
    if (this.carrying) this.pending.add(chunk.subarray(pos));
  }

  /** The last line may lack a newline. */
  end(): void {
    if (this.carrying) this.emitLine(this.pending.take(Buffer.alloc(0)));
    this.carrying = false;
  }

  private emitLine(bytes: Buffer): void {
    let start = 0;
    let end = bytes.length;
    while (start < end && isLineSpace(bytes[start])) start++;
    while (end > start && isLineSpace(bytes[end - 1])) end--;
    if (start === end) return;
    this.emit({
      kind: 'record',
      byteStart: this.lineStart + start,
      byteEnd: this.lineStart + end,
      line: this.line,
      endLine: this.line,
      column: start + 1,
      rowIndex: this.rowIndex++,
      text: bytes.toString('utf8', start, end),
    });
  }
}
