/**
 * From raw spans to dataset items: parse, normalise, slice, and turn every problem into an issue that names
 * the file and line. Shared by the streaming file reader and the in-memory editor index.
 */
import type { Conversation, InputIssue, Sample, SourceLocation } from '../model/conversation';
import { normaliseRow } from './formats';
import { issue } from './issues';
import type { RecordSpan, ScanEvent, ScanNotice } from './scanEvents';
import { samplesOf } from './slice';

/** One record of a dataset file (or, with `source.rowIndex === -1`, issues about the file as a whole). */
export interface DatasetItem {
  source: SourceLocation;
  conversation?: Conversation;
  samples: Sample[];
  issues: InputIssue[];
}

/** `source.rowIndex` of items that carry file-level issues (empty file, array never closed) and no record. */
export const FILE_LEVEL_ROW = -1;

// Newer engines add "(line L column C)" counted inside the record text; we report file lines instead.
const POSITION = / in JSON at position (\d+)(?: \(line \d+ column \d+\))?/;

function parseFailure(file: string, span: RecordSpan, error: unknown): InputIssue {
  const raw = error instanceof Error ? error.message : String(error);
  const match = POSITION.exec(raw);
  const message = `invalid JSON: ${raw.replace(POSITION, '')}`;
  if (!match) return issue(file, span.line, 'error', 'invalid-json', message);
  const position = Math.min(Number(match[1]), span.text.length);
  const before = span.text.slice(0, position);
  const newlines = before.split('\n').length - 1;
  const column = newlines === 0 ? span.column + position : position - before.lastIndexOf('\n');
  return issue(file, span.line + newlines, 'error', 'invalid-json', message, column);
}

function sourceOf(file: string, span: RecordSpan): SourceLocation {
  return {
    file,
    line: span.line,
    endLine: span.endLine,
    byteStart: span.byteStart,
    byteEnd: span.byteEnd,
    rowIndex: span.rowIndex,
  };
}

/** Parses and normalises one record span. Never throws on bad data. */
export function itemFromSpan(file: string, span: RecordSpan): DatasetItem {
  const source = sourceOf(file, span);
  if (span.truncated) {
    const message = 'record is cut off: the file ends before this JSON value is closed';
    return { source, samples: [], issues: [issue(file, span.line, 'error', 'truncated', message)] };
  }
  let row: unknown;
  try {
    row = JSON.parse(span.text);
  } catch (error) {
    return { source, samples: [], issues: [parseFailure(file, span, error)] };
  }
  const { conversation, hashes, issues } = normaliseRow(row, source);
  if (!conversation) return { source, samples: [], issues };
  const samples = samplesOf(conversation, hashes);
  if (samples.length === 0) {
    issues.push(issue(file, span.line, 'warning', 'no-reply', 'row has no assistant reply: nothing to label'));
  }
  return { source, conversation, samples, issues };
}

/**
 * Turns scan events into items. File-level notices ride on the next record's item; notices with no
 * record after them come out as one file-level item from `finish()`.
 */
export class ItemAssembler {
  private notices: ScanNotice[] = [];

  constructor(private readonly file: string) {}

  accept(event: ScanEvent): DatasetItem | undefined {
    if (event.kind === 'notice') {
      this.notices.push(event);
      return undefined;
    }
    const item = itemFromSpan(this.file, event);
    if (this.notices.length > 0) {
      item.issues.unshift(...this.notices.map((n) => this.noticeIssue(n)));
      this.notices = [];
    }
    return item;
  }

  finish(): DatasetItem | undefined {
    if (this.notices.length === 0) return undefined;
    const line = this.notices[0].line;
    const item: DatasetItem = {
      source: { file: this.file, line, endLine: line, byteStart: 0, byteEnd: 0, rowIndex: FILE_LEVEL_ROW },
      samples: [],
      issues: this.notices.map((n) => this.noticeIssue(n)),
    };
    this.notices = [];
    return item;
  }

  private noticeIssue(notice: ScanNotice): InputIssue {
    return issue(this.file, notice.line, notice.severity, notice.code, notice.message);
  }
}
