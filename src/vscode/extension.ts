// Composition root: builds the services, registers commands and editor features. activate() stays cheap
// because `onLanguage:json` fires for every settings.json: nothing here reads a file or a taxonomy; features
// do their work when first used.
import { loadStartedAt } from './loadClock';
import './zodSetup';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { refreshApiKeyContext } from './apiKeyCommands';
import { registerCommands } from './commands';
import { onDidChangeSettings, readSettings } from './config';
import { OUTPUT_CHANNEL_NAME } from './constants';
import { BigFileNotice } from './editor/bigFiles';
import { EditorFeatures } from './editor/editorFeatures';
import { LabelStore } from './editor/labelStore';
import { EndpointConsent } from './runs/consent';
import { RunManager } from './runs/runManager';
import { ApiKeyStore } from './secrets';
import type { ShellServices } from './services';
import { RunStatusBar } from './statusBar';
import { registerDashboard } from './dashboard/registerDashboard';
import { TaxonomyDiagnostics } from './taxonomy/taxonomyDiagnostics';
import { TaxonomyQuickFixes } from './taxonomy/taxonomyQuickFixes';
import { TaxonomyService } from './taxonomy/taxonomyService';
import { createTestApi, type SftLabelerTestApi } from './testApi';

function createServices(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): ShellServices {
  const own = <T extends vscode.Disposable>(disposable: T): T => {
    context.subscriptions.push(disposable);
    return disposable;
  };
  const settings = () => readSettings();
  const statusBar = own(new RunStatusBar());
  const taxonomy = own(new TaxonomyService(path.join(context.extensionPath, 'taxonomy'), settings));
  const taxonomyDiagnostics = own(new TaxonomyDiagnostics(taxonomy, log));
  const labels = own(new LabelStore(log));
  const runs = own(new RunManager({ log, statusBar, labels }));
  const bigFiles = own(new BigFileNotice(log));
  const editor = own(new EditorFeatures({ labels, taxonomy, runs, bigFiles, settings }));
  const apiKeys = new ApiKeyStore(context.secrets);
  const consent = new EndpointConsent(context.globalState);
  const dashboard = own(registerDashboard({ context, log, taxonomy }));
  return { context, log, apiKeys, statusBar, settings, taxonomy, taxonomyDiagnostics, labels, runs, bigFiles, editor, consent, dashboard };
}

/** Starts the features that follow the workspace: providers, watchers, diagnostics. All cheap to start. */
function startFeatures(services: ShellServices): void {
  const { context } = services;
  context.subscriptions.push(
    services.editor.register(),
    services.labels.watch(),
    services.bigFiles.watchTabs(),
    services.taxonomyDiagnostics.start(),
    vscode.languages.registerCodeActionsProvider({ scheme: 'file', pattern: '**/*.{yaml,yml}' }, new TaxonomyQuickFixes(services.taxonomyDiagnostics), {
      providedCodeActionKinds: TaxonomyQuickFixes.providedCodeActionKinds,
    }),
  );
}

/** Keeps context keys used by `when` clauses current; failures only reach the log. */
function watchContextKeys(services: ShellServices): void {
  const refresh = () => {
    refreshApiKeyContext(services).catch((err: unknown) => services.log.error('Could not update the API key context key', err));
  };
  services.context.subscriptions.push(services.apiKeys.onDidChange(refresh), onDidChangeSettings(refresh));
  refresh();
}

/** Entry point called by VS Code on the first activation event. */
export function activate(context: vscode.ExtensionContext): SftLabelerTestApi | undefined {
  const started = performance.now();
  const log = vscode.window.createOutputChannel(OUTPUT_CHANNEL_NAME, { log: true });
  context.subscriptions.push(log);
  try {
    const services = createServices(context, log);
    registerCommands(services);
    startFeatures(services);
    watchContextKeys(services);
    const now = performance.now();
    const timing = { loadAndActivateMs: now - loadStartedAt, activateMs: now - started };
    log.info(
      `SFT Labeler ${String(context.extension.packageJSON.version)} activated in ${timing.loadAndActivateMs.toFixed(1)} ms ` +
        `(${timing.activateMs.toFixed(1)} ms in activate) on VS Code ${vscode.version}`,
    );
    return createTestApi(services, timing);
  } catch (err) {
    log.error('Activation failed', err);
    const message = err instanceof Error ? err.message : String(err);
    void vscode.window.showErrorMessage(`SFT Labeler could not start: ${message}`, 'Show Logs').then((choice) => {
      if (choice === 'Show Logs') log.show(true);
    });
    throw err;
  }
}

/** Everything is disposed through `context.subscriptions`. */
export function deactivate(): void {}
