// The dashboard feature: "SFT: Open Dashboard" and "SFT: Export Dashboard as HTML" handlers, the panel
// serializer that brings dashboards back after a window reload, and the watchers that keep them live.
import * as vscode from 'vscode';
import { taxonomyPool, type DashboardDataOptions } from '../../core/dashboard/dashboardData';
import { datasetOfSidecarLog } from '../../core/dashboard/scope';
import type { ScopeRef } from '../../shared/dashboardProtocol';
import { restoreViewState } from '../../shared/dashboardState';
import type { ShellServices } from '../services';
import { DASHBOARD_VIEW_TYPE, DashboardPanel, webviewOptions, type DashboardPanelDeps } from './dashboardPanel';
import { exportDashboard } from './exportDashboard';
import { scopeKey, scopeOfCommand } from './scopeOf';

export type DashboardServices = Pick<ShellServices, 'context' | 'log' | 'taxonomy'>;

/** What `registerDashboard` gives the command table (and tests). */
export interface DashboardFeature extends vscode.Disposable {
  /** Handler of `sftLabeler.openDashboard`: a clicked file or folder, the active dataset, or the workspace. */
  open(...args: unknown[]): Promise<DashboardPanel>;
  /** Handler of `sftLabeler.exportDashboard`; `target` skips the save dialog. */
  exportHtml(...args: unknown[]): Promise<string | undefined>;
  /** The open dashboards. */
  panels(): readonly DashboardPanel[];
}

/** Sidecar logs, where runs append labels and scores; dataset files, whose edits change samples. */
const SIDECAR_LOGS = '**/.sft-labels/**/labels.jsonl';
const DATASETS = '**/*.{json,jsonl}';

export function registerDashboard(services: DashboardServices, options: { live?: DashboardPanelDeps['live'] } = {}): DashboardFeature {
  const { context, log } = services;
  const open = new Map<string, DashboardPanel>();
  const pool = async (): Promise<DashboardDataOptions['pool']> => {
    const { taxonomy } = await services.taxonomy.current();
    return taxonomy ? taxonomyPool(taxonomy) : undefined;
  };
  const exportDeps = { extensionUri: context.extensionUri, log, pool };
  const deps: DashboardPanelDeps = {
    extensionUri: context.extensionUri,
    log,
    pool,
    live: options.live,
    exportReport: (scope) => {
      exportDashboard(scope, exportDeps).catch((err: unknown) => {
        log.error('Dashboard export failed', err);
        void vscode.window.showErrorMessage(`SFT: the dashboard export failed: ${err instanceof Error ? err.message : String(err)}`);
      });
    },
  };

  const track = (panel: DashboardPanel): DashboardPanel => {
    const key = scopeKey(panel.scope);
    open.set(key, panel);
    panel.onDidDispose(() => {
      if (open.get(key) === panel) open.delete(key);
    });
    return panel;
  };

  const notify = (uri: vscode.Uri, isSidecar: boolean) => {
    const dataset = isSidecar ? datasetOfSidecarLog(uri.fsPath) : uri.fsPath;
    if (dataset) for (const panel of open.values()) panel.fileChanged(dataset);
  };
  const sidecars = vscode.workspace.createFileSystemWatcher(SIDECAR_LOGS);
  const datasets = vscode.workspace.createFileSystemWatcher(DATASETS, true, false, true);
  const subscriptions: vscode.Disposable[] = [
    sidecars,
    datasets,
    sidecars.onDidChange((uri) => notify(uri, true)),
    sidecars.onDidCreate((uri) => notify(uri, true)),
    datasets.onDidChange((uri) => notify(uri, false)),
    vscode.window.registerWebviewPanelSerializer(DASHBOARD_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
        const saved = restoreViewState(state).scopeRef;
        const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
        const scope: ScopeRef = saved ?? { kind: 'workspace', paths: folders };
        panel.webview.options = webviewOptions(context.extensionUri);
        track(new DashboardPanel(panel, scope, deps));
      },
    }),
  ];

  return {
    async open(...args: unknown[]) {
      const scope = await scopeOfCommand(args);
      const existing = open.get(scopeKey(scope));
      if (existing) {
        existing.reveal();
        return existing;
      }
      const panel = vscode.window.createWebviewPanel(DASHBOARD_VIEW_TYPE, 'SFT Dashboard', vscode.ViewColumn.Active, webviewOptions(context.extensionUri));
      return track(new DashboardPanel(panel, scope, deps));
    },
    async exportHtml(...args: unknown[]) {
      const target = args.find((a): a is vscode.Uri => a instanceof vscode.Uri && a.fsPath.endsWith('.html'));
      const scope = await scopeOfCommand(args.filter((a) => a !== target));
      return exportDashboard(scope, exportDeps, target);
    },
    panels: () => [...open.values()],
    dispose() {
      for (const panel of open.values()) panel.dispose();
      open.clear();
      for (const d of subscriptions) d.dispose();
    },
  };
}
