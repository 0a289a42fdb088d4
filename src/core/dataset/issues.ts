import type { InputIssue } from '../model/conversation';

/**
 * Stable issue codes of the dataset layer, so the editor and the CLI can group or filter them.
 * `message` never repeats the location: it lives in `file`/`line`/`column`; `formatIssue` joins them.
 */
export type DatasetIssueCode =
  | 'empty-file'
  | 'jsonl-in-json'
  | 'json-in-jsonl'
  | 'multiple-top-level'
  | 'trailing-content'
  | 'unclosed-array'
  | 'truncated'
  | 'invalid-json'
  | 'not-an-object'
  | 'unknown-format'
  | 'invalid-turns'
  | 'no-conversation'
  | 'no-reply';

export function issue(
  file: string,
  line: number,
  severity: InputIssue['severity'],
  code: DatasetIssueCode,
  message: string,
  column?: number,
): InputIssue {
  return column === undefined ? { file, line, severity, code, message } : { file, line, column, severity, code, message };
}

/** `file.jsonl:12: message` or `file.jsonl:12:7: message`, the shape editors and terminals turn into links. */
export function formatIssue(problem: InputIssue): string {
  const where = problem.column === undefined ? `${problem.file}:${problem.line}` : `${problem.file}:${problem.line}:${problem.column}`;
  return `${where}: ${problem.message}`;
}
