// Handlers of "SFT: Set API Key" and "SFT: Clear API Key".
import * as vscode from 'vscode';
import { CONTEXT_KEYS } from './constants';
import { UserFacingError, endpointOrigin } from './endpoint';
import type { ShellServices } from './services';
import { fullSettingKey } from './settings';

type ApiKeyServices = Pick<ShellServices, 'apiKeys' | 'log' | 'settings'>;

/**
 * The configured endpoint's origin. Without an endpoint the embedded heuristic labeler runs and there is
 * nothing to authenticate against, so key commands explain that instead of asking for a key.
 */
function configuredOrigin(services: ApiKeyServices): string {
  const { endpointBaseUrl } = services.settings();
  if (endpointBaseUrl === '') {
    throw new UserFacingError(
      `No endpoint is configured: set ${fullSettingKey('endpointBaseUrl')} in your user settings first ` +
        '(without one, the built-in heuristic labeler runs and needs no key).',
    );
  }
  return endpointOrigin(endpointBaseUrl);
}

/** Asks for the key in a password box and stores it for the configured endpoint's origin. */
export async function setApiKey(services: ApiKeyServices): Promise<void> {
  const origin = configuredOrigin(services);
  const apiKey = await vscode.window.showInputBox({
    title: `SFT: API Key for ${origin}`,
    prompt: `Stored in VS Code's secret storage and sent only to ${origin}.`,
    password: true,
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() === '' ? 'Enter a key, or press Escape to cancel.' : undefined),
  });
  if (apiKey === undefined) return;
  await services.apiKeys.store(origin, apiKey.trim());
  services.log.info(`API key stored for ${origin}`);
  void vscode.window.showInformationMessage(`SFT: API key stored for ${origin}.`);
}

/** Removes the key stored for the configured endpoint's origin. */
export async function clearApiKey(services: ApiKeyServices): Promise<void> {
  const origin = configuredOrigin(services);
  if (!(await services.apiKeys.has(origin))) {
    void vscode.window.showInformationMessage(`SFT: no API key is stored for ${origin}.`);
    return;
  }
  await services.apiKeys.delete(origin);
  services.log.info(`API key removed for ${origin}`);
  void vscode.window.showInformationMessage(`SFT: API key removed for ${origin}.`);
}

/**
 * Keeps the `sftLabeler.apiKeyStored` context key (used by `when` clauses) in step with the stored keys and
 * the configured endpoint. Returns a promise for the first update so callers can wait for it.
 */
export async function refreshApiKeyContext(services: ApiKeyServices): Promise<void> {
  let stored = false;
  const { endpointBaseUrl } = services.settings();
  if (endpointBaseUrl !== '') {
    try {
      stored = await services.apiKeys.has(endpointOrigin(endpointBaseUrl));
    } catch (err) {
      if (!(err instanceof UserFacingError)) throw err;
      // An invalid URL simply has no key; the key commands report the problem when run.
    }
  }
  await vscode.commands.executeCommand('setContext', CONTEXT_KEYS.apiKeyStored, stored);
}
