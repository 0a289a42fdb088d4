// One CodeLens per conversation row of an annotated dataset. Providing is cheap (ranges from the cached
// document index); the label lookup happens in resolveCodeLens, which VS Code calls for visible lenses only.
import * as vscode from 'vscode';
import { issueLensTitle, rowLensTitle } from '../../core/views/lensTitle';
import { COMMAND_IDS } from '../commandIds';
import { datasetPathOf } from '../util/datasetUris';
import type { DocumentIndex } from './documentIndex';
import type { RowLabels } from './rowLabels';

/** Lines above and below the visible ranges that get lenses in a document with many rows. */
const WINDOW_MARGIN_LINES = 150;
/** Coalesces refresh requests (label records arrive many per second during a run). */
const REFRESH_DELAY_MS = 200;

/** A lens that knows its row; the title and command come in `resolveCodeLens`. */
export class RowLens extends vscode.CodeLens {
  constructor(
    range: vscode.Range,
    readonly document: vscode.TextDocument,
    readonly file: string,
    readonly rowIndex: number,
  ) {
    super(range);
  }
}

/** The lines around the visible ranges of `document`'s editors; the top of the file when none shows it. */
function visibleWindow(document: vscode.TextDocument): { first: number; last: number } {
  const ranges = vscode.window.visibleTextEditors.filter((e) => e.document === document).flatMap((e) => e.visibleRanges);
  if (ranges.length === 0) return { first: 0, last: 2 * WINDOW_MARGIN_LINES };
  const first = Math.min(...ranges.map((r) => r.start.line));
  const last = Math.max(...ranges.map((r) => r.end.line));
  return { first: Math.max(0, first - WINDOW_MARGIN_LINES), last: last + WINDOW_MARGIN_LINES };
}

/** Provides and resolves the row lenses; owns the change event that makes VS Code ask again. */
export class LabelCodeLensProvider implements vscode.CodeLensProvider<RowLens>, vscode.Disposable {
  /**
   * Documents with more rows than this get lenses only near their visible ranges (re-provided as the user
   * scrolls): VS Code lays out every lens it is given, and tens of thousands slow the editor down.
   */
  wholeFileRowLimit = 2000;
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.emitter.event;
  private refreshTimer: NodeJS.Timeout | undefined;
  /** Line windows lenses were provided for, by document URI (documents above the row limit only). */
  private readonly windows = new Map<string, { first: number; last: number }>();
  private readonly subscriptions: vscode.Disposable[] = [this.emitter];

  constructor(
    private readonly documents: DocumentIndex,
    private readonly rowLabels: RowLabels,
  ) {
    this.subscriptions.push(
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => this.onScroll(e)),
      vscode.workspace.onDidCloseTextDocument((d) => this.windows.delete(d.uri.toString())),
    );
  }

  async provideCodeLenses(document: vscode.TextDocument): Promise<RowLens[]> {
    const file = datasetPathOf(document.uri);
    if (!file || !(await this.rowLabels.isAnnotated(file))) return [];
    const { rows } = this.documents.rowsOf(document);
    let shown = rows;
    if (rows.length > this.wholeFileRowLimit) {
      const window = visibleWindow(document);
      this.windows.set(document.uri.toString(), window);
      shown = this.documents.rowsInLines(document, window.first, window.last);
    } else {
      this.windows.delete(document.uri.toString());
    }
    return shown.map((row) => {
      const start = document.positionAt(row.charStart);
      return new RowLens(new vscode.Range(start, start), document, file, row.source.rowIndex);
    });
  }

  async resolveCodeLens(lens: RowLens): Promise<RowLens> {
    const row = this.documents.rowByIndex(lens.document, lens.rowIndex);
    let title: string;
    if (!row) title = '$(circle-slash) row changed; refreshing';
    else if (!row.conversation) title = issueLensTitle(row.issues);
    else title = rowLensTitle(await this.rowLabels.viewsOf(lens.file, row));
    lens.command = {
      title,
      command: COMMAND_IDS.showLabelDetails,
      arguments: [lens.document.uri.toString(), lens.rowIndex],
      tooltip: 'Show every label of this conversation',
    };
    return lens;
  }

  /** Asks VS Code for fresh lenses soon (labels or the taxonomy changed). */
  refresh(): void {
    if (this.refreshTimer) return;
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      this.emitter.fire();
    }, REFRESH_DELAY_MS);
  }

  /**
   * Scrolling towards the edge of the window lenses were provided for asks for the lenses of the new
   * window before the user gets there.
   */
  private onScroll(event: vscode.TextEditorVisibleRangesChangeEvent): void {
    const window = this.windows.get(event.textEditor.document.uri.toString());
    if (!window) return;
    const slack = WINDOW_MARGIN_LINES / 2;
    const nearEdge = event.visibleRanges.some(
      (r) => (window.first > 0 && r.start.line < window.first + slack) || r.end.line > window.last - slack,
    );
    if (nearEdge) this.refresh();
  }

  dispose(): void {
    clearTimeout(this.refreshTimer);
    for (const d of this.subscriptions) d.dispose();
  }
}
