// The only reader of VS Code configuration: every setting goes through here as one typed snapshot.
import * as vscode from 'vscode';
import { SETTINGS_SECTION, normalizeSettings, type ExtensionSettings } from './settings';

/**
 * Reads all settings at once. Endpoint settings are declared `application`-scoped and listed in
 * `restrictedConfigurations`, so VS Code already leaves out values a workspace folder tries to set.
 * @param scope resource whose folder settings apply (for per-folder values such as the taxonomy path);
 *   `null`, the default, means the workspace-level value, and tells VS Code that is intended
 */
export function readSettings(scope: vscode.ConfigurationScope | null = null): ExtensionSettings {
  const configuration = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
  return normalizeSettings((key) => configuration.get(key));
}

/** Calls `listener` with a fresh snapshot whenever any `sftLabeler.*` setting changes. */
export function onDidChangeSettings(listener: (settings: ExtensionSettings) => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration(SETTINGS_SECTION)) listener(readSettings());
  });
}

/**
 * VS Code's own `editor.largeFileOptimizations` for a document: while it is on (the default), the editor
 * shows no CodeLens on files over 20 MB or 300,000 lines.
 */
export function editorLargeFileOptimizations(scope: vscode.ConfigurationScope): boolean {
  return vscode.workspace.getConfiguration('editor', scope).get<boolean>('largeFileOptimizations', true);
}
