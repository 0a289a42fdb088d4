// What activate() returns while the extension runs under a test harness, so tests can see its state.
import * as vscode from 'vscode';
import type { ShellServices } from './services';
import type { ExtensionSettings } from './settings';

/**
 * The extension's exports in `ExtensionMode.Test` (undefined otherwise: other extensions must not get
 * a handle on the secret store).
 */
export interface SftLabelerTestApi {
  /** The extension's own SecretStorage (`context.secrets`). */
  readonly secrets: vscode.SecretStorage;
  readonly services: ShellServices;
  /** Settings as the extension sees them right now. */
  readonly settings: () => ExtensionSettings;
  /** Milliseconds from the extension's modules starting to evaluate to the end of `activate()`, and of `activate()` alone. */
  readonly activation: { loadAndActivateMs: number; activateMs: number };
}

/** Builds the test API when running under tests; undefined in normal use. */
export function createTestApi(services: ShellServices, activation: SftLabelerTestApi['activation']): SftLabelerTestApi | undefined {
  if (services.context.extensionMode !== vscode.ExtensionMode.Test) return undefined;
  return { secrets: services.context.secrets, services, settings: services.settings, activation };
}
