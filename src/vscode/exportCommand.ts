// "SFT: Export Labels": sft-label-compatible files next to the dataset, then the folder is revealed.
import { basename } from 'node:path';
import * as vscode from 'vscode';
import { formatIssue } from '../core/dataset/read';
import { exportLabels, type ExportResult } from '../core/export/exportLabels';
import { defaultExportDir } from '../core/store/paths';
import { UserFacingError } from './endpoint';
import type { ShellServices } from './services';
import { commandTargets, requireDatasetPath } from './util/datasetUris';
import { toAbortSignal } from './util/toAbortSignal';

/** What the command returns per dataset. */
export interface ExportOutcome {
  file: string;
  outDir: string;
  result: ExportResult;
}

/** Exports the labels of the targeted datasets (Explorer selection, editor, or a URI argument). */
export async function exportLabelsCommand(services: Pick<ShellServices, 'log'>, args: readonly unknown[]): Promise<ExportOutcome[]> {
  const uris = commandTargets(args);
  if (uris.length === 0) throw new UserFacingError('Open a labeled .json or .jsonl dataset, or pick one in the Explorer, to export its labels.');
  const outcomes: ExportOutcome[] = [];
  for (const file of [...new Set(uris.map(requireDatasetPath))]) {
    const outDir = defaultExportDir(file);
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `SFT: exporting the labels of ${basename(file)}`, cancellable: true },
      (_progress, token) =>
        exportLabels(file, { outDir, format: 'both', signal: toAbortSignal(token), onIssue: (i) => services.log.warn(formatIssue(i)) }),
    );
    services.log.info(`Exported ${result.exported} samples of ${file} (${result.failed} failed) to ${outDir}`);
    outcomes.push({ file, outDir, result });
    const folder = vscode.Uri.file(outDir);
    if (vscode.workspace.getWorkspaceFolder(folder)) await vscode.commands.executeCommand('revealInExplorer', folder);
    void vscode.window.showInformationMessage(
      `SFT: exported ${result.exported.toLocaleString('en-US')} samples of ${basename(file)} (${result.failed} failed) to ${outDir}.`,
    );
  }
  return outcomes;
}
