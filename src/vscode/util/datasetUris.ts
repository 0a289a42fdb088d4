// Which resources are datasets, and how command arguments (explorer clicks, editor title, palette) name them.
import * as vscode from 'vscode';
import { isDatasetFile } from '../../core/dataset/read';
import { UserFacingError } from '../endpoint';

/**
 * VS Code hands no document above this size to extensions (its `_MODEL_SYNC_LIMIT`, 50 MiB): no
 * TextDocument, no CodeLens, no hover. Such files are labeled from disk only.
 */
export const EXTENSION_SYNC_LIMIT_BYTES = 50 * 1024 * 1024;

/** The local path of a dataset URI, or undefined when it is not a local `.json`/`.jsonl` file. */
export function datasetPathOf(uri: vscode.Uri): string | undefined {
  return uri.scheme === 'file' && isDatasetFile(uri.fsPath) ? uri.fsPath : undefined;
}

/**
 * The local dataset file a command should work on.
 * @throws UserFacingError for a non-local resource or a file that is not JSON/JSONL
 */
export function requireDatasetPath(uri: vscode.Uri): string {
  if (uri.scheme !== 'file') {
    throw new UserFacingError(`${uri.toString(true)} is not a local file: labeling reads datasets from disk.`);
  }
  if (!isDatasetFile(uri.fsPath)) throw new UserFacingError(`${uri.fsPath} is not a .json or .jsonl dataset.`);
  return uri.fsPath;
}

/**
 * The URIs a command was invoked on. The Explorer passes `(clicked, allSelected)`, the editor title
 * `(uri)`, the command palette nothing; tests may pass a URI string. Without arguments this is the active
 * editor's file, or for a file too large to be synchronised (no TextEditor then) the active tab's.
 */
export function commandTargets(args: readonly unknown[]): vscode.Uri[] {
  const [first, second] = args;
  if (Array.isArray(second) && second.length > 0 && second.every((u) => u instanceof vscode.Uri)) return second as vscode.Uri[];
  if (first instanceof vscode.Uri) return [first];
  if (typeof first === 'string' && first !== '') return [first.includes('://') ? vscode.Uri.parse(first) : vscode.Uri.file(first)];
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active) return [active];
  const tab = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  if (tab instanceof vscode.TabInputText) return [tab.uri];
  return [];
}
