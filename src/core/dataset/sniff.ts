import * as bytes from './bytes';

// Module-local copies so the per-byte sniffing does not go through import getters (see valueSplitter.ts).
const { LBRACE, LBRACKET, NL, QUOTE, BACKSLASH, RBRACE, RBRACKET, isJsonWhitespace } = bytes;

/** How the bytes are laid out, decided from content; the extension only matters when the file starts with `[`. */
export type Layout =
  /** One value per line. */
  | 'lines'
  /** A top-level array whose elements are the records. */
  | 'array'
  /** Top-level values spread over several lines (pretty-printed object, or several of them). */
  | 'values';

const BOM = [0xef, 0xbb, 0xbf];

/**
 * Decides the layout from the first bytes, one byte at a time (it only ever reads up to the end of the
 * first record, so the per-byte cost does not matter):
 * - `[` in a `.json` file → array (a minified array may be one huge line: no waiting for it to close);
 * - `[` in a `.jsonl` file → lines if that value closes on its first line (rows that are lists, each then
 *   reported as not an object), else array;
 * - `{` whose value closes before its first newline → lines (JSONL, whatever the extension says);
 * - `{` whose value spans lines → values;
 * - anything else → lines, so each bad line is reported on its own.
 * A UTF-8 BOM at offset 0 is recognised and skipped.
 */
export class LayoutSniffer {
  private state: 'start' | 'bom1' | 'bom2' | 'lead' | 'firstValue' = 'start';
  /** Layout to use when the first value turns out to span several lines. */
  private multiLine: Layout = 'values';
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** Bytes of BOM found at the start of the file (0 or 3). */
  bomLength = 0;

  constructor(private readonly hint: 'json' | 'jsonl') {}

  /** Feeds one byte; returns the layout once it is known. */
  next(byte: number): Layout | undefined {
    switch (this.state) {
      case 'start':
      case 'bom1':
      case 'bom2': {
        const expected = BOM[this.state === 'start' ? 0 : this.state === 'bom1' ? 1 : 2];
        if (byte === expected) {
          this.state = this.state === 'start' ? 'bom1' : this.state === 'bom1' ? 'bom2' : 'lead';
          if (this.state === 'lead') this.bomLength = 3;
          return undefined;
        }
        // A partial BOM is junk; a file that starts with a normal byte goes through the lead rules.
        if (this.state !== 'start') return 'lines';
        this.state = 'lead';
        return this.lead(byte);
      }
      case 'lead':
        return this.lead(byte);
      case 'firstValue':
        return this.firstValue(byte);
    }
  }

  /** At end of input: the layout to use for what was seen, or undefined when there was nothing but whitespace. */
  finish(): Layout | undefined {
    if (this.state === 'firstValue') return this.multiLine;
    if (this.state === 'bom1' || this.state === 'bom2') return 'lines';
    return undefined;
  }

  private lead(byte: number): Layout | undefined {
    if (isJsonWhitespace(byte)) return undefined;
    if (byte === LBRACKET && this.hint === 'json') return 'array';
    if (byte !== LBRACE && byte !== LBRACKET) return 'lines';
    this.multiLine = byte === LBRACKET ? 'array' : 'values';
    this.state = 'firstValue';
    this.depth = 1;
    return undefined;
  }

  private firstValue(byte: number): Layout | undefined {
    if (byte === NL) return this.multiLine;
    if (this.inString) {
      if (this.escaped) this.escaped = false;
      else if (byte === BACKSLASH) this.escaped = true;
      else if (byte === QUOTE) this.inString = false;
      return undefined;
    }
    if (byte === QUOTE) this.inString = true;
    else if (byte === LBRACE || byte === LBRACKET) this.depth++;
    else if (byte === RBRACE || byte === RBRACKET) {
      this.depth--;
      if (this.depth === 0) return 'lines';
    }
    return undefined;
  }
}
