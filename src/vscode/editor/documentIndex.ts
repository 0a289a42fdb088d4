// The core's index of each open dataset document, computed once per document version and shared by the
// CodeLens and hover providers (neither ever re-parses the text).
import * as vscode from 'vscode';
import { indexText, type IndexedItem } from '../../core/dataset/read';

/** The rows of one document version, in document order. */
export interface DocumentRows {
  readonly version: number;
  /** Items that are records of the file (file-level issues left out); `source.rowIndex` increases. */
  readonly rows: readonly IndexedItem[];
  /** Milliseconds `indexText` took for this version. */
  readonly indexMs: number;
}

/** First index in `rows` whose `key` is ≥ `value` (rows sorted by `key`). */
function lowerBound(rows: readonly IndexedItem[], value: number, key: (item: IndexedItem) => number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(rows[mid]!) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Per-(uri, version) cache of `indexText`; entries go when their document closes. */
export class DocumentIndex implements vscode.Disposable {
  private readonly cache = new Map<string, DocumentRows>();
  private readonly subscription = vscode.workspace.onDidCloseTextDocument((d) => this.cache.delete(d.uri.toString()));

  /** The rows of the document's current version (indexed now if this version was not yet). */
  rowsOf(document: vscode.TextDocument): DocumentRows {
    const key = document.uri.toString();
    const cached = this.cache.get(key);
    if (cached && cached.version === document.version) return cached;
    const started = performance.now();
    const items = indexText(document.getText(), document.uri.fsPath);
    const rows = items.filter((item) => item.source.rowIndex >= 0);
    const entry: DocumentRows = { version: document.version, rows, indexMs: performance.now() - started };
    this.cache.set(key, entry);
    return entry;
  }

  /** The row whose text contains `offset` (a character offset into the document). */
  rowAtOffset(document: vscode.TextDocument, offset: number): IndexedItem | undefined {
    const { rows } = this.rowsOf(document);
    const i = lowerBound(rows, offset + 1, (item) => item.charStart) - 1;
    const row = rows[i];
    return row && offset < row.charEnd ? row : undefined;
  }

  /** The row at position `rowIndex` among the file's rows. */
  rowByIndex(document: vscode.TextDocument, rowIndex: number): IndexedItem | undefined {
    const { rows } = this.rowsOf(document);
    const row = rows[lowerBound(rows, rowIndex, (item) => item.source.rowIndex)];
    return row?.source.rowIndex === rowIndex ? row : undefined;
  }

  /** Rows with at least one line in [firstLine, lastLine] (0-based, inclusive). */
  rowsInLines(document: vscode.TextDocument, firstLine: number, lastLine: number): IndexedItem[] {
    const { rows } = this.rowsOf(document);
    // source.endLine is 1-based: a row reaches `firstLine` when endLine - 1 >= firstLine.
    const out: IndexedItem[] = [];
    for (let i = lowerBound(rows, firstLine + 1, (item) => item.source.endLine); i < rows.length; i++) {
      const row = rows[i]!;
      if (row.source.line - 1 > lastLine) break;
      out.push(row);
    }
    return out;
  }

  dispose(): void {
    this.subscription.dispose();
    this.cache.clear();
  }
}
