// "SFT: Export Dashboard as HTML": the scope's dashboard as one standalone file, written where the user says.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { DashboardData, type DashboardDataOptions } from '../../core/dashboard/dashboardData';
import { writeReport } from '../../core/dashboard/exportReport';
import type { ScopeRef } from '../../shared/dashboardProtocol';
import { toAbortSignal } from '../util/toAbortSignal';

export interface ExportDeps {
  extensionUri: vscode.Uri;
  log: vscode.LogOutputChannel;
  pool(): Promise<DashboardDataOptions['pool']>;
}

/** Where the report goes by default: beside the file, or inside the folder. */
export function defaultReportPath(scope: ScopeRef): string {
  const first = scope.paths[0]!;
  if (scope.kind === 'file') return path.join(path.dirname(first), `${path.basename(first).replace(/\.(jsonl|json)$/i, '')}.dashboard.html`);
  return path.join(first, 'dashboard.html');
}

/**
 * Asks where to write (unless `target` is given, as tests do), reads the scope and writes the report.
 * Returns the written path, or undefined when the user cancelled.
 */
export async function exportDashboard(scope: ScopeRef, deps: ExportDeps, target?: vscode.Uri): Promise<string | undefined> {
  const out =
    target ??
    (await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.file(defaultReportPath(scope)),
      filters: { 'HTML report': ['html'] },
      saveLabel: 'Export Dashboard',
      title: 'Export the dashboard as one HTML file',
    }));
  if (!out) return undefined;
  const written = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'SFT: exporting the dashboard', cancellable: true },
    async (progress, token) => {
      const signal = toAbortSignal(token);
      const data = await DashboardData.load(
        { kind: scope.kind, paths: scope.paths },
        {
          pool: await deps.pool(),
          signal,
          onProgress: (done, total, samples) => progress.report({ message: `${done}/${total} files, ${samples} samples` }),
        },
      );
      progress.report({ message: 'writing the report' });
      const bytes = await writeReport(data, out.fsPath, { assetsDir: vscode.Uri.joinPath(deps.extensionUri, 'dist', 'webview').fsPath, signal });
      return { bytes, samples: data.rows().length };
    },
  );
  deps.log.info(`Dashboard: wrote ${out.fsPath} (${written.samples} samples, ${written.bytes} bytes)`);
  void vscode.window.showInformationMessage(
    `SFT: dashboard of ${written.samples.toLocaleString('en-US')} samples written to ${out.fsPath} (${(written.bytes / 1024 / 1024).toFixed(1)} MB). It opens in any browser, offline.`,
  );
  return out.fsPath;
}
