/**
 * Byte-level helpers shared by the two record splitters. Everything works on raw UTF-8 bytes: the bytes we
 * look for (quotes, brackets, newlines, JSON whitespace) are ASCII and never occur inside a multi-byte
 * character, so splitting on them is safe without decoding.
 */

export const NL = 0x0a;
export const CR = 0x0d;
export const SPACE = 0x20;
export const TAB = 0x09;
export const QUOTE = 0x22;
export const BACKSLASH = 0x5c;
export const COMMA = 0x2c;
export const LBRACE = 0x7b;
export const RBRACE = 0x7d;
export const LBRACKET = 0x5b;
export const RBRACKET = 0x5d;

/** The four whitespace bytes JSON allows between values. */
export function isJsonWhitespace(byte: number): boolean {
  return byte === SPACE || byte === NL || byte === CR || byte === TAB;
}

/**
 * Bytes of the record currently being read, collected across chunks. Pieces are kept as views and joined
 * once when the record ends, so a 100 MB line read in 1 MB chunks is copied once, not a hundred times.
 */
export class PendingBytes {
  private pieces: Buffer[] = [];

  add(piece: Buffer): void {
    if (piece.length > 0) this.pieces.push(piece);
  }

  /** Everything collected so far followed by `last`; empties the collection. */
  take(last: Buffer): Buffer {
    if (this.pieces.length === 0) return last;
    if (last.length > 0) this.pieces.push(last);
    const joined = this.pieces.length === 1 ? this.pieces[0] : Buffer.concat(this.pieces);
    this.pieces = [];
    return joined;
  }
}

/**
 * Counts newlines lazily: callers ask for the line of increasing byte positions and the counter only
 * searches (with the native `indexOf`) as far as needed, so the whole file costs one memchr pass whatever
 * the number of records, and a single-line file does not rescan its chunk for every record.
 */
export class LineCounter {
  private line = 1;
  /** Absolute position just after the last counted newline: where the current line starts. */
  private lineStart = 0;
  private chunk: Buffer = Buffer.alloc(0);
  private base = 0;
  /** Absolute position of the next newline not yet counted, or Infinity when the chunk has none left. */
  private nextNewline = Infinity;

  /** Starts counting in a new chunk; the previous chunk must have been finished. */
  setChunk(chunk: Buffer, base: number): void {
    this.chunk = chunk;
    this.base = base;
    this.nextNewline = this.find(0);
  }

  /** 1-based line of the byte at absolute position `abs`; positions must not go backwards past a newline. */
  at(abs: number): number {
    while (this.nextNewline < abs) {
      this.line++;
      this.lineStart = this.nextNewline + 1;
      this.nextNewline = this.find(this.nextNewline - this.base + 1);
    }
    return this.line;
  }

  /** 1-based byte column of `abs` on its line; call `at(abs)` first. */
  columnOf(abs: number): number {
    return abs - this.lineStart + 1;
  }

  /** Counts the chunk's remaining newlines; returns the line after the chunk's last byte. */
  finishChunk(): number {
    return this.at(this.base + this.chunk.length);
  }

  private find(fromRelative: number): number {
    const i = this.chunk.indexOf(NL, fromRelative);
    return i === -1 ? Infinity : this.base + i;
  }
}
