// What command handlers and controllers get from the composition root. One object, built once in activate().
import type * as vscode from 'vscode';
import type { ExtensionSettings } from './settings';
import type { ApiKeyStore } from './secrets';
import type { RunStatusBar } from './statusBar';

/** The shell's services. Features take this (or a narrower `Pick<>`) instead of reaching for globals. */
export interface ShellServices {
  readonly context: vscode.ExtensionContext;
  /** The one output channel; never log API keys or full conversations above trace level. */
  readonly log: vscode.LogOutputChannel;
  readonly apiKeys: ApiKeyStore;
  readonly statusBar: RunStatusBar;
  /** A fresh snapshot of the settings (cheap: call it at the start of each command or run). */
  readonly settings: () => ExtensionSettings;
}
