// The hover of a conversation row: every label with its confidence and how it came about.
import * as vscode from 'vscode';
import { rowHoverMarkdown } from '../../core/views/hoverMarkdown';
import { datasetPathOf } from '../util/datasetUris';
import type { DocumentIndex } from './documentIndex';
import type { RowLabels } from './rowLabels';

/**
 * Markdown that renders as text only: not trusted (no command links), no HTML, no theme icons. The core
 * escapes dataset text and record contents as well; this is the second wall.
 */
export function untrustedMarkdown(value: string): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString(value, false);
  markdown.isTrusted = false;
  markdown.supportHtml = false;
  return markdown;
}

/** Hovers over the rows of annotated datasets. */
export class LabelHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly documents: DocumentIndex,
    private readonly rowLabels: RowLabels,
  ) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const file = datasetPathOf(document.uri);
    if (!file || !(await this.rowLabels.isAnnotated(file))) return undefined;
    const row = this.documents.rowAtOffset(document, document.offsetAt(position));
    if (!row) return undefined;
    const views = row.conversation ? await this.rowLabels.viewsOf(file, row) : [];
    const markdown = rowHoverMarkdown({
      rowIndex: row.source.rowIndex,
      line: row.source.line,
      ...(row.conversation?.rowId !== undefined ? { rowId: row.conversation.rowId } : {}),
      turns: row.conversation?.turns ?? [],
      views,
      issues: row.issues,
    });
    const range = new vscode.Range(document.positionAt(row.charStart), document.positionAt(row.charEnd));
    return new vscode.Hover(untrustedMarkdown(markdown), range);
  }
}
