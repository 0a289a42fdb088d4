// Composition root: builds the shell's services and registers commands. activate() stays cheap because
// `onLanguage:json` fires for every settings.json; features do their work when first used.
import * as vscode from 'vscode';
import { refreshApiKeyContext } from './apiKeyCommands';
import { registerCommands } from './commands';
import { onDidChangeSettings, readSettings } from './config';
import { OUTPUT_CHANNEL_NAME } from './constants';
import { ApiKeyStore } from './secrets';
import type { ShellServices } from './services';
import { RunStatusBar } from './statusBar';
import { createTestApi, type SftLabelerTestApi } from './testApi';

function createServices(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): ShellServices {
  const statusBar = new RunStatusBar();
  context.subscriptions.push(statusBar);
  return { context, log, apiKeys: new ApiKeyStore(context.secrets), statusBar, settings: () => readSettings() };
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
  const log = vscode.window.createOutputChannel(OUTPUT_CHANNEL_NAME, { log: true });
  context.subscriptions.push(log);
  try {
    const services = createServices(context, log);
    registerCommands(services);
    watchContextKeys(services);
    log.info(`SFT Labeler ${String(context.extension.packageJSON.version)} activated (VS Code ${vscode.version})`);
    return createTestApi(services);
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
