import * as bytes from './bytes';
import { LineCounter, PendingBytes } from './bytes';
import type { ScanSink } from './scanEvents';

// Module-local copies: imported bindings compile to property getters under CommonJS (tsx, tests), and the
// per-byte loop below would pay a call for every constant it compares against.
const { BACKSLASH, COMMA, LBRACE, LBRACKET, NL, QUOTE, RBRACE, RBRACKET, isJsonWhitespace } = bytes;

/** How the current record began: a container (`{`/`[`), a string, or anything else (a number, junk). */
type RecordKind = 'container' | 'string' | 'bare';

/** Parity of the run of backslashes that ends `chunk` (only the run inside [from, end) counts). */
function trailingBackslashesOdd(chunk: Buffer, from: number, carriedOdd: boolean): boolean {
  let k = chunk.length - 1;
  while (k >= from && chunk[k] === BACKSLASH) k--;
  const odd = ((chunk.length - 1 - k) & 1) === 1;
  // A run that covers the whole chunk continues the run carried from the chunk before.
  return k < from && from === 0 ? odd !== carriedOdd : odd;
}

/**
 * Structural splitter for JSON that is not one object per line: the elements of a top-level array, or a
 * sequence of top-level values. It tracks nesting depth and string/escape state on raw bytes and never
 * parses, so memory stays at one record whatever the file size. Inside strings it jumps from quote to quote
 * with the native `indexOf` and only counts the backslashes right before each quote.
 *
 * Brackets are counted, not matched: a record with a wrong closer is still cut where its depth returns to
 * zero and `JSON.parse` reports the real error for that record alone.
 */
export class ValueSplitter {
  private depth = 0;
  /** Depth at which records live: 1 inside the top-level array, 0 for top-level values. */
  private recordDepth = 0;
  private arrayState: 'none' | 'open' | 'closed' = 'none';
  private arrayOpenLine = 1;
  private trailingNoticeSent = false;

  private inString = false;
  /** A string continued past the last chunk with an odd run of backslashes: the next byte is escaped. */
  private carriedBackslashOdd = false;

  private inRecord = false;
  private recordKind: RecordKind = 'container';
  private recordStart = 0;
  private recordLine = 1;
  private recordColumn = 1;
  /** Where the current record's bytes begin in the current chunk (0 when carried from an earlier chunk). */
  private recordFrom = 0;
  private readonly pending = new PendingBytes();
  private readonly lines = new LineCounter();
  private rowIndex = 0;
  private totalBytes = 0;
  private lastByte = -1;

  constructor(private readonly emit: ScanSink, private readonly expectArray: boolean) {}

  /** Feeds `chunk`, whose first byte is at absolute offset `base`; bytes before `from` are skipped (BOM). */
  push(chunk: Buffer, base: number, from = 0): void {
    this.lines.setChunk(chunk, base);
    this.recordFrom = 0;
    const n = chunk.length;
    let i = from;
    while (i < n) {
      if (this.inString) {
        const quote = chunk.indexOf(QUOTE, i);
        if (quote === -1) {
          this.carriedBackslashOdd = trailingBackslashesOdd(chunk, i, this.carriedBackslashOdd);
          break;
        }
        let k = quote - 1;
        while (k >= i && chunk[k] === BACKSLASH) k--;
        let escaped = ((quote - 1 - k) & 1) === 1;
        if (k < i && i === 0) escaped = escaped !== this.carriedBackslashOdd;
        this.carriedBackslashOdd = false;
        i = quote + 1;
        if (escaped) continue;
        this.inString = false;
        if (this.inRecord && this.recordKind === 'string' && this.depth === this.recordDepth) {
          this.closeRecord(chunk, base, i);
        }
        continue;
      }
      const byte = chunk[i];
      if (this.inRecord && this.recordKind === 'bare') {
        if (this.endsBare(byte)) this.closeRecord(chunk, base, i);
        else i++;
        continue;
      }
      this.structuralByte(chunk, base, i, byte);
      i++;
    }
    if (this.inRecord) this.pending.add(chunk.subarray(this.recordFrom));
    this.lines.finishChunk();
    this.totalBytes = base + n;
    if (n > 0) this.lastByte = chunk[n - 1];
  }

  /** Closes what the file left open: a cut-off record, or an array without its `]`. */
  end(): void {
    if (this.inRecord) {
      const truncated = this.inString || this.recordKind !== 'bare';
      const lastLine = this.lines.finishChunk() - (this.lastByte === NL ? 1 : 0);
      this.emitRecord(this.pending.take(Buffer.alloc(0)), this.totalBytes, lastLine, truncated);
      return;
    }
    if (this.arrayState === 'open') {
      this.emit({
        kind: 'notice',
        line: this.arrayOpenLine,
        severity: 'error',
        code: 'unclosed-array',
        message: "the top-level array opened here is never closed with ']' (the file looks cut off)",
      });
    }
  }

  private structuralByte(chunk: Buffer, base: number, i: number, byte: number): void {
    switch (byte) {
      case QUOTE:
        if (!this.inRecord) this.openRecord(base, i, 'string');
        this.inString = true;
        return;
      case LBRACE:
      case LBRACKET:
        if (!this.inRecord) {
          if (this.expectArray && this.arrayState === 'none' && byte === LBRACKET) {
            this.arrayState = 'open';
            this.arrayOpenLine = this.lines.at(base + i);
            this.depth = 1;
            this.recordDepth = 1;
            return;
          }
          this.openRecord(base, i, 'container');
        }
        this.depth++;
        return;
      case RBRACE:
      case RBRACKET:
        if (this.inRecord) {
          this.depth--;
          if (this.depth === this.recordDepth) this.closeRecord(chunk, base, i + 1);
        } else if (this.arrayState === 'open' && byte === RBRACKET) {
          this.arrayState = 'closed';
          this.depth = 0;
          this.recordDepth = 0;
        } else {
          this.openRecord(base, i, 'bare');
        }
        return;
      case COMMA:
        if (!this.inRecord && this.arrayState !== 'open') this.openRecord(base, i, 'bare');
        return;
      default:
        if (!this.inRecord && !isJsonWhitespace(byte)) this.openRecord(base, i, 'bare');
    }
  }

  /** Inside the array a bare value ends at the next separator; at top level, junk runs to the end of its line. */
  private endsBare(byte: number): boolean {
    if (this.recordDepth === 0) return byte === NL;
    return isJsonWhitespace(byte) || byte === COMMA || byte === RBRACKET || byte === RBRACE
      || byte === LBRACE || byte === LBRACKET || byte === QUOTE;
  }

  private openRecord(base: number, i: number, kind: RecordKind): void {
    if (this.arrayState === 'closed' && !this.trailingNoticeSent) {
      this.trailingNoticeSent = true;
      this.emit({
        kind: 'notice',
        line: this.lines.at(base + i),
        severity: 'warning',
        code: 'trailing-content',
        message: "content follows the closing ']' of the top-level array; it is read as further records",
      });
    }
    this.inRecord = true;
    this.recordKind = kind;
    this.recordStart = base + i;
    this.recordFrom = i;
    this.recordLine = this.lines.at(base + i);
    this.recordColumn = this.lines.columnOf(base + i);
  }

  private closeRecord(chunk: Buffer, base: number, endRelative: number): void {
    const bytes = this.pending.take(chunk.subarray(this.recordFrom, endRelative));
    this.emitRecord(bytes, base + endRelative, -1, false);
  }

  /** `endLine` -1 means "line of the last byte", computed here while that byte is still countable. */
  private emitRecord(bytes: Buffer, end: number, endLine: number, truncated: boolean): void {
    let length = bytes.length;
    if (this.recordKind === 'bare') while (length > 0 && isJsonWhitespace(bytes[length - 1])) length--;
    const byteEnd = end - (bytes.length - length);
    this.inRecord = false;
    this.emit({
      kind: 'record',
      byteStart: this.recordStart,
      byteEnd,
      line: this.recordLine,
      endLine: endLine === -1 ? this.lines.at(Math.max(this.recordStart, byteEnd - 1)) : endLine,
      column: this.recordColumn,
      rowIndex: this.rowIndex++,
      text: bytes.toString('utf8', 0, length),
      ...(truncated ? { truncated: true } : {}),
    });
  }
}
