// "Show label details": clicking a row's CodeLens opens a read-only Markdown document with all its labels.
import { basename } from 'node:path';
import * as vscode from 'vscode';
import { rowDetailsMarkdown } from '../../core/views/detailsMarkdown';
import { DETAILS_SCHEME } from '../constants';
import { UserFacingError } from '../endpoint';
import { datasetPathOf } from '../util/datasetUris';
import type { DocumentIndex } from './documentIndex';
import type { LabelStore } from './labelStore';
import type { RowLabels } from './rowLabels';

interface DetailsTarget {
  /** The dataset document's URI, as a string. */
  uri: string;
  rowIndex: number;
}

/** The virtual URI of a row's details: readable path for the tab title, the target in the query. */
export function detailsUri(target: DetailsTarget): vscode.Uri {
  const name = basename(vscode.Uri.parse(target.uri).path);
  return vscode.Uri.from({
    scheme: DETAILS_SCHEME,
    path: `/${name} row ${target.rowIndex + 1}.md`,
    query: JSON.stringify(target),
  });
}

/** The target of a details URI, or undefined for a URI this provider did not make. */
function tryTargetOf(uri: vscode.Uri): DetailsTarget | undefined {
  try {
    return targetOf(uri);
  } catch {
    return undefined;
  }
}

function targetOf(uri: vscode.Uri): DetailsTarget {
  const parsed = JSON.parse(uri.query) as Partial<DetailsTarget>;
  if (typeof parsed.uri !== 'string' || typeof parsed.rowIndex !== 'number') throw new Error(`not a label details URI: ${uri.toString()}`);
  return { uri: parsed.uri, rowIndex: parsed.rowIndex };
}

/** Serves the details documents and keeps open ones current as labels arrive. */
export class LabelDetailsProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;
  private readonly subscriptions: vscode.Disposable[] = [this.emitter];

  constructor(
    private readonly documents: DocumentIndex,
    private readonly rowLabels: RowLabels,
    labels: LabelStore,
  ) {
    this.subscriptions.push(
      labels.onDidChange((file) => {
        for (const doc of vscode.workspace.textDocuments) {
          const target = doc.uri.scheme === DETAILS_SCHEME ? tryTargetOf(doc.uri) : undefined;
          if (target && vscode.Uri.parse(target.uri).fsPath === file) this.emitter.fire(doc.uri);
        }
      }),
    );
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const target = targetOf(uri);
    const datasetUri = vscode.Uri.parse(target.uri);
    const file = datasetPathOf(datasetUri);
    if (!file) return `${datasetUri.toString(true)} is not a local dataset.\n`;
    const document = await vscode.workspace.openTextDocument(datasetUri);
    const row = this.documents.rowByIndex(document, target.rowIndex);
    if (!row?.conversation) return `Row ${target.rowIndex + 1} of ${basename(file)} is no longer a conversation.\n`;
    return rowDetailsMarkdown({
      fileName: basename(file),
      rowIndex: row.source.rowIndex,
      line: row.source.line,
      ...(row.conversation.rowId !== undefined ? { rowId: row.conversation.rowId } : {}),
      turns: row.conversation.turns,
      views: await this.rowLabels.viewsOf(file, row),
    });
  }

  /** Opens the details of a row beside the dataset, as a Markdown preview when one is available. */
  async show(datasetUri: unknown, rowIndex: unknown): Promise<vscode.Uri> {
    if (typeof datasetUri !== 'string' || typeof rowIndex !== 'number') {
      throw new UserFacingError('Click the labels above a conversation to see its details.');
    }
    const uri = detailsUri({ uri: datasetUri, rowIndex });
    const document = await vscode.workspace.openTextDocument(uri);
    try {
      await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
    } catch {
      // No Markdown preview (the built-in extension disabled): the Markdown source reads well too.
      await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true });
    }
    return uri;
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }
}
