// Shows a sample's record in a text editor, the record's first line selected, unless VS Code cannot open
// the file for extensions (over 50 MB): then says so, with the place to look.
import { promises as fs } from 'node:fs';
import { basename } from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_SYNC_LIMIT_BYTES } from '../util/datasetUris';

export type OpenOutcome = { opened: true } | { opened: false; message: string };

/** The message for a file too large for the editor (the dashboard shows it as a notice). */
export function tooLargeMessage(file: string, sizeBytes: number, line: number): string {
  const mb = (sizeBytes / 1024 / 1024).toFixed(0);
  return `${basename(file)} is ${mb} MB: VS Code does not open files over 50 MB for extensions, so it cannot be shown in the editor. The sample's record starts at line ${line}.`;
}

export async function openSampleInEditor(file: string, line: number, column: vscode.ViewColumn): Promise<OpenOutcome> {
  let size: number;
  try {
    size = (await fs.stat(file)).size;
  } catch (err) {
    return { opened: false, message: `Cannot open ${basename(file)}: ${(err as Error).message}` };
  }
  if (size > EXTENSION_SYNC_LIMIT_BYTES) return { opened: false, message: tooLargeMessage(file, size, line) };
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  const lineIndex = Math.min(Math.max(0, line - 1), document.lineCount - 1);
  const range = document.lineAt(lineIndex).range;
  const editor = await vscode.window.showTextDocument(document, { viewColumn: column, selection: range, preview: true });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return { opened: true };
}
