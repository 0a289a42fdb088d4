// Which scope a dashboard command was invoked on: an Explorer file or folder, the active dataset editor, or
// the workspace.
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import type { ScopeRef } from '../../shared/dashboardProtocol';
import { UserFacingError } from '../endpoint';
import { commandTargets, datasetPathOf } from '../util/datasetUris';

/**
 * A clicked folder is a folder scope, a clicked dataset file a file scope. From the palette: the active
 * editor's dataset file, else the workspace folders.
 */
export async function scopeOfCommand(args: readonly unknown[]): Promise<ScopeRef> {
  const explicit = args.length > 0 && args[0] !== undefined;
  const [target] = explicit ? commandTargets(args) : [];
  if (target) {
    if (target.scheme !== 'file') throw new UserFacingError(`${target.toString(true)} is not a local file or folder.`);
    const stat = await fs.stat(target.fsPath).catch(() => undefined);
    if (!stat) throw new UserFacingError(`${target.fsPath} does not exist.`);
    if (stat.isDirectory()) return { kind: 'folder', paths: [target.fsPath] };
    if (!datasetPathOf(target)) throw new UserFacingError(`${target.fsPath} is not a .json or .jsonl dataset.`);
    return { kind: 'file', paths: [target.fsPath] };
  }
  const active = vscode.window.activeTextEditor?.document.uri;
  const activeDataset = active ? datasetPathOf(active) : undefined;
  if (activeDataset) return { kind: 'file', paths: [activeDataset] };
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
  if (folders.length === 0) throw new UserFacingError('Open a folder or a dataset file first: the dashboard shows labeled data.');
  return { kind: 'workspace', paths: folders };
}

/** One key per scope, so "Open Dashboard" twice on the same scope reveals the open panel. */
export function scopeKey(scope: ScopeRef): string {
  return `${scope.kind}:${scope.paths.join('\u0000')}`;
}
