// The config adapter in a trusted workspace: which levels a setting may come from, and live updates.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { testApi, waitFor } from './helpers';

describe('settings in a trusted workspace', () => {
  const configuration = () => vscode.workspace.getConfiguration('sftLabeler');

  it('ignores an endpoint set by the workspace, because endpoint settings are application-scoped', async () => {
    const api = await testApi();
    assert.equal(vscode.workspace.isTrusted, true);
    assert.equal(api.settings().endpointBaseUrl, '', 'the workspace redirected the endpoint');
    assert.equal(configuration().inspect('endpoint.baseUrl')?.workspaceValue, undefined);
  });

  it('applies ordinary workspace settings (proving the workspace settings file was read)', async () => {
    const api = await testApi();
    assert.equal(api.settings().concurrency, 3);
  });

  it('returns a fresh snapshot after a user setting changes', async () => {
    const api = await testApi();
    await configuration().update('temperature', 0.7, vscode.ConfigurationTarget.Global);
    try {
      await waitFor(() => api.settings().temperature === 0.7, 'temperature 0.7 in the snapshot');
    } finally {
      await configuration().update('temperature', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor(() => api.settings().temperature === 0.1, 'temperature back to its default');
  });
});
