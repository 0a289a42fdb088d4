/** What the byte scanner reports: raw record spans and notices about the file as a whole. */

/** The raw bytes of one record (a JSONL line, an array element, a top-level value), not yet parsed. */
export interface RecordSpan {
  kind: 'record';
  /** [byteStart, byteEnd) in the raw file, BOM included in the count; surrounding whitespace excluded. */
  byteStart: number;
  byteEnd: number;
  /** 1-based line of the first byte. */
  line: number;
  /** 1-based line of the last byte. */
  endLine: number;
  /**
   * 1-based column of the first byte on its line, counted in bytes. Equal to the character column whenever
   * what precedes the record on that line is ASCII (indentation, `[`, `,`), i.e. all but minified files.
   */
  column: number;
  /** 0-based position among the file's records. */
  rowIndex: number;
  /** The span decoded as UTF-8. */
  text: string;
  /** The file ended before this value was closed. */
  truncated?: boolean;
}

export type ScanNoticeCode =
  | 'empty-file'
  | 'jsonl-in-json'
  | 'json-in-jsonl'
  | 'multiple-top-level'
  | 'trailing-content'
  | 'unclosed-array';

/** Something about the container (not one record) worth telling the user. */
export interface ScanNotice {
  kind: 'notice';
  line: number;
  severity: 'error' | 'warning';
  code: ScanNoticeCode;
  message: string;
}

export type ScanEvent = RecordSpan | ScanNotice;

/** Receives events in file order. */
export type ScanSink = (event: ScanEvent) => void;
