// "SFT: Test Connection": one tiny request to the configured endpoint, with a clear yes or no.
import * as vscode from 'vscode';
import { LlmError } from '../core/llm/types';
import { UserFacingError } from './endpoint';
import { endpointClient } from './runs/endpointClient';
import type { ShellServices } from './services';
import { fullSettingKey } from './settings';

/** What the command returns (and shows). */
export interface ConnectionResult {
  ok: boolean;
  message: string;
}

/** A fixed prompt: no dataset content is sent, so no consent is needed. */
const PROBE = {
  messages: [
    { role: 'system' as const, content: 'You answer connection checks. Reply with the JSON object {"ok": true}.' },
    { role: 'user' as const, content: 'Connection check.' },
  ],
  temperature: 0,
  maxTokens: 20,
  schema: {
    name: 'connection_check',
    jsonSchema: { type: 'object', properties: { ok: { type: 'boolean' } }, required: ['ok'], additionalProperties: false },
  },
};

/** Sends the probe through the same client runs use (key from SecretStorage, no retries) and reports. */
export async function testConnection(services: Pick<ShellServices, 'settings' | 'apiKeys' | 'log'>): Promise<ConnectionResult> {
  if (!vscode.workspace.isTrusted) throw new UserFacingError('Testing the connection is off in Restricted Mode: trust this workspace first.');
  const settings = services.settings();
  if (settings.endpointBaseUrl === '') {
    throw new UserFacingError(`No endpoint is configured: set ${fullSettingKey('endpointBaseUrl')} in your user settings first.`);
  }
  let result: ConnectionResult;
  try {
    const endpoint = await endpointClient(settings, services.apiKeys, (event) => services.log.info(event.message), {
      maxAttempts: 1,
      timeoutMs: Math.min(settings.requestTimeoutSeconds, 30) * 1000,
    });
    if (!endpoint) throw new UserFacingError('No endpoint is configured.');
    const started = performance.now();
    const answer = await endpoint.client.complete(PROBE);
    const ms = Math.round(performance.now() - started);
    result = { ok: true, message: `SFT: ${endpoint.origin} answered in ${ms} ms (model ${answer.model || endpoint.model}, ${answer.responseFormat}).` };
  } catch (err) {
    if (!(err instanceof LlmError) && !(err instanceof UserFacingError)) throw err;
    result = { ok: false, message: `SFT: the connection test failed: ${err.message}` };
  }
  services.log[result.ok ? 'info' : 'warn'](result.message.replace(/^SFT: /, 'Connection test: '));
  if (result.ok) void vscode.window.showInformationMessage(result.message);
  else void vscode.window.showErrorMessage(result.message);
  return result;
}
