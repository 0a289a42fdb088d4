// One dashboard: a webview panel showing one scope. Reads the scope, answers the page, follows label runs
// (a changed sidecar reloads its file, throttled) and keeps the page's state for a window reload.
import { randomBytes } from 'node:crypto';
import { unwatchFile, watchFile, type Stats } from 'node:fs';
import * as vscode from 'vscode';
import { DashboardData, type DashboardDataOptions } from '../../core/dashboard/dashboardData';
import { DetailReader } from '../../core/dashboard/detail';
import { sidecarPaths } from '../../core/store/paths';
import type { ScopeRef, ToWebview } from '../../shared/dashboardProtocol';
import { dashboardHtml } from '../../shared/dashboardHtml';
import { LiveReload } from './liveReload';
import { routeMessage } from './messageRouter';
import { openSampleInEditor } from './openSample';

/** The webview panel type (also the `onWebviewPanel:` activation event and the serializer's key). */
export const DASHBOARD_VIEW_TYPE = 'sftLabeler.dashboard';

/**
 * VS Code's file watcher sometimes misses writes to a sidecar (the editor's label store saw the same), so
 * the label logs of a scope are also followed with a slow stat poll, up to this many files.
 */
const POLL_INTERVAL_MS = 1500;
const MAX_POLLED_FILES = 200;

/** Bundle files under `dist/webview/` (see esbuild.mjs). */
const BUNDLE = { script: 'dashboard.js', style: 'dashboard.css', elements: 'vscode-elements.js' } as const;

export interface DashboardPanelDeps {
  extensionUri: vscode.Uri;
  log: vscode.LogOutputChannel;
  /** Tag pool of the taxonomy in use, for coverage (undefined when it does not load). */
  pool(): Promise<DashboardDataOptions['pool']>;
  /** Writes the standalone report of a scope (the export command's flow). */
  exportReport(scope: ScopeRef): void;
  /** Live-update timing (tests shorten it). */
  live?: { delayMs: number; minIntervalMs: number };
}

/** The folder the webview may load from: the bundle, nothing else. */
export function bundleRoot(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
}

/** Options every dashboard webview gets (also applied to panels restored after a reload). */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return { enableScripts: true, enableCommandUris: false, localResourceRoots: [bundleRoot(extensionUri)], enableFindWidget: true };
}

function titleOf(scope: ScopeRef, label?: string): string {
  if (label) return `SFT Dashboard: ${label}`;
  const first = scope.paths[0] ?? '';
  return scope.kind === 'workspace' ? 'SFT Dashboard: Workspace' : `SFT Dashboard: ${first.split(/[\\/]/).pop() ?? first}`;
}

export class DashboardPanel implements vscode.Disposable {
  private data: DashboardData | undefined;
  private loading: Promise<void> | undefined;
  private loadingMessage: ToWebview | undefined;
  private readonly live: LiveReload;
  private readonly details = new DetailReader();
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly disposeEmitter = new vscode.EventEmitter<void>();
  /** Label logs followed by the stat poll, with their listeners. */
  private readonly polled = new Map<string, (current: Stats, previous: Stats) => void>();
  readonly onDidDispose = this.disposeEmitter.event;
  /** When the first summary was posted after the panel was created (ms since epoch); for the benchmark. */
  firstSummaryAt: number | undefined;

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly scope: ScopeRef,
    private readonly deps: DashboardPanelDeps,
  ) {
    const webview = panel.webview;
    webview.options = webviewOptions(deps.extensionUri);
    webview.html = this.html();
    panel.title = titleOf(scope);
    this.live = new LiveReload({
      delayMs: deps.live?.delayMs ?? 500,
      minIntervalMs: deps.live?.minIntervalMs ?? 1500,
      reload: (files) => this.reloadFiles(files),
      onError: (err) => deps.log.warn(`Dashboard: live update failed: ${String(err)}`),
    });
    this.subscriptions.push(
      webview.onDidReceiveMessage((raw: unknown) =>
        routeMessage(raw, {
          data: () => this.data,
          details: this.details,
          post: (m) => this.post(m),
          sendSummary: () => this.sendSummary(),
          open: (file, line) => openSampleInEditor(file, line, this.editorColumn()),
          refresh: () => void this.load(),
          exportReport: () => deps.exportReport(scope),
          warn: (m) => deps.log.warn(m),
        }),
      ),
      panel.onDidDispose(() => this.dispose()),
    );
    void this.load();
  }

  /** The scope's data once read (tests and the benchmark look at it). */
  get current(): DashboardData | undefined {
    return this.data;
  }

  /** Resolves when the scope has been read (again). */
  whenLoaded(): Promise<void> {
    return this.loading ?? Promise.resolve();
  }

  reveal(): void {
    this.panel.reveal();
  }

  /** A dataset file changed, or its sidecar did: reload it if it belongs to this scope. */
  fileChanged(datasetFile: string): void {
    const index = this.data?.indexOf(datasetFile) ?? -1;
    if (index >= 0) this.live.changed(index);
  }

  private html(): string {
    const webview = this.panel.webview;
    const root = bundleRoot(this.deps.extensionUri);
    const uri = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(root, name)).toString();
    return dashboardHtml({
      cspSource: webview.cspSource,
      nonce: randomBytes(18).toString('base64'),
      scriptUri: uri(BUNDLE.script),
      styleUri: uri(BUNDLE.style),
      elementsUri: uri(BUNDLE.elements),
      title: titleOf(this.scope),
    });
  }

  /** Sample editors open beside the dashboard, so both stay visible. */
  private editorColumn(): vscode.ViewColumn {
    return this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
  }

  private load(): Promise<void> {
    const started = Date.now();
    this.loading = (async () => {
      try {
        const data = await DashboardData.load(
          { kind: this.scope.kind, paths: this.scope.paths },
          {
            pool: await this.deps.pool(),
            onProgress: (filesDone, filesTotal, samples) => {
              this.loadingMessage = { type: 'loading', label: titleOf(this.scope).replace(/^SFT Dashboard: /, ''), filesDone, filesTotal, samples };
              this.post(this.loadingMessage);
            },
          },
        );
        // Versions keep increasing across reloads, so the page sees that its rows are stale.
        if (this.data) data.version = this.data.version + 1;
        this.data = data;
        this.followLabelLogs(data.scope.files);
        this.panel.title = titleOf(this.scope, data.scope.info.label);
        this.deps.log.info(`Dashboard: read ${data.scope.files.length} file(s), ${data.rows().length} samples in ${Date.now() - started} ms`);
        this.sendSummary();
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        this.deps.log.error(`Dashboard: cannot read ${this.scope.paths.join(', ')}`, err);
        this.post({ type: 'notice', level: 'error', message: `Cannot read the data: ${message}` });
      }
    })();
    return this.loading;
  }

  private followLabelLogs(datasetFiles: readonly string[]): void {
    for (const file of datasetFiles.slice(0, MAX_POLLED_FILES)) {
      const log = sidecarPaths(file).labels;
      if (this.polled.has(log)) continue;
      const listener = (current: Stats, previous: Stats) => {
        if (current.size !== previous.size || current.mtimeMs !== previous.mtimeMs) this.fileChanged(file);
      };
      this.polled.set(log, listener);
      watchFile(log, { interval: POLL_INTERVAL_MS, persistent: false }, listener);
    }
  }

  private async reloadFiles(files: number[]): Promise<void> {
    const data = this.data;
    if (!data) return;
    for (const f of files) await data.reloadFile(f);
    this.sendSummary();
  }

  private sendSummary(): void {
    if (!this.data) {
      if (this.loadingMessage) this.post(this.loadingMessage);
      return;
    }
    this.post({
      type: 'summary',
      summary: this.data.summary(),
      version: this.data.version,
      scopeRef: this.scope,
      capabilities: { open: true, export: true, refresh: true },
    });
    this.firstSummaryAt ??= Date.now();
  }

  private post(message: ToWebview): void {
    // Answers can arrive after the panel closed (a detail read from disk); they have nowhere to go.
    if (this.disposed) return;
    // A hidden panel drops messages; it asks for the summary again when it is shown (its page reloads).
    this.panel.webview.postMessage(message).then(undefined, (err: unknown) => this.deps.log.debug(`Dashboard: message not delivered: ${String(err)}`));
  }

  private disposed = false;

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.live.dispose();
    for (const [log, listener] of this.polled) unwatchFile(log, listener);
    this.polled.clear();
    void this.details.close();
    for (const d of this.subscriptions) d.dispose();
    this.subscriptions.length = 0;
    this.disposeEmitter.fire();
    this.disposeEmitter.dispose();
    this.panel.dispose();
  }
}
