// "SFT: Test Connection": one small request with the stored key; a clear yes or no, never the key.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { COMMAND_IDS } from '../../src/vscode/commandIds';
import { OUTPUT_CHANNEL_NAME } from '../../src/vscode/constants';
import type { ConnectionResult } from '../../src/vscode/testConnection';
import { startTestServer, type TestServerHandle } from '../server';
import { ENV_USER_DATA_DIR } from './env';
import { filesContaining, filesUnder, setUserSetting, testApi, waitFor, workspaceUri } from './helpers';

const RIGHT_KEY = 'sk-connection-right-0123456789';
const WRONG_KEY = 'sk-connection-wrong-9876543210';

describe('"SFT: Test Connection"', function () {
  this.timeout(60_000);
  let server: TestServerHandle;
  let origin = '';

  before(async () => {
    server = await startTestServer({ apiKey: RIGHT_KEY });
    origin = new URL(server.url).origin;
    const api = await testApi();
    await setUserSetting('endpoint.baseUrl', server.url);
    await setUserSetting('endpoint.model', 'test-model');
    await waitFor(() => api.settings().endpointBaseUrl === server.url, 'the endpoint setting');
  });

  after(async () => {
    const api = await testApi();
    await api.services.apiKeys.delete(origin);
    await setUserSetting('endpoint.baseUrl', undefined);
    await setUserSetting('endpoint.model', undefined);
    await server?.close();
  });

  it('reports success with the time it took, using the key stored for the endpoint', async () => {
    const api = await testApi();
    await api.services.apiKeys.store(origin, RIGHT_KEY);
    const result = await vscode.commands.executeCommand<ConnectionResult>(COMMAND_IDS.testConnection);
    assert.equal(result?.ok, true, result?.message);
    assert.match(result!.message, new RegExp(`^SFT: ${origin.replace(/[.]/g, '\\.')} answered in \\d+ ms \\(model test-model`));
    assert.equal(server.stats().totalRequests, 1, 'a connection test makes exactly one request');
  });

  it('reports a rejected key as a failure, without showing the key', async () => {
    const api = await testApi();
    await api.services.apiKeys.store(origin, WRONG_KEY);
    const result = await vscode.commands.executeCommand<ConnectionResult>(COMMAND_IDS.testConnection);
    assert.equal(result?.ok, false);
    assert.match(result!.message, /^SFT: the connection test failed: .*(401|key|auth)/i);
    assert.ok(!result!.message.includes(WRONG_KEY) && !result!.message.includes(RIGHT_KEY), 'the message shows a key');
  });

  it('reports an unreachable endpoint as a failure', async () => {
    const api = await testApi();
    await setUserSetting('endpoint.baseUrl', 'http://127.0.0.1:9/v1');
    await waitFor(() => api.settings().endpointBaseUrl === 'http://127.0.0.1:9/v1', 'the unreachable endpoint');
    try {
      const result = await vscode.commands.executeCommand<ConnectionResult>(COMMAND_IDS.testConnection);
      assert.equal(result?.ok, false);
      assert.match(result!.message, /^SFT: the connection test failed: /);
    } finally {
      await setUserSetting('endpoint.baseUrl', server.url);
    }
  });

  it('logs the outcome but never the key, in no file of the profile or workspace', async () => {
    const dir = process.env[ENV_USER_DATA_DIR];
    assert.ok(dir, `${ENV_USER_DATA_DIR} is not set`);
    const logFile = await waitFor(
      () => filesUnder(dir).find((file) => file.includes(OUTPUT_CHANNEL_NAME) && readFileSync(file, 'utf8').includes('Connection test: the connection test failed')),
      'the output channel log file to record the failed test',
    );
    for (const key of [RIGHT_KEY, WRONG_KEY]) {
      assert.ok(!readFileSync(logFile, 'utf8').includes(key), 'the log holds a key');
      assert.deepEqual(filesContaining(dir, key), []);
      assert.deepEqual(filesContaining(workspaceUri('.').fsPath, key), []);
    }
  });
});
