// Restricted Mode (this file's name puts it in the server start that opens fixtures/untrusted-workspace/
// without --disable-workspace-trust): the extension still runs, and the workspace cannot pick the endpoint.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { labelFile } from '../../src/core/run/labelFile';
import { loadTaxonomy } from '../../src/core/taxonomy/load';
import { COMMAND_IDS } from '../../src/vscode/commandIds';
import { hasBridge, workbench } from './bridge';
import { extension, labelLenses, sidecarRecords, testApi, waitFor, workspaceUri } from './helpers';

const USER_ENDPOINT = 'https://user-chosen.test.example/v1';

describe('untrusted workspace', () => {
  const configuration = () => vscode.workspace.getConfiguration('sftLabeler');

  after(async () => {
    await configuration().update('endpoint.baseUrl', undefined, vscode.ConfigurationTarget.Global);
  });

  it('opens in Restricted Mode and still activates on a dataset', async () => {
    assert.equal(vscode.workspace.isTrusted, false);
    await vscode.window.showTextDocument(workspaceUri('data/chat.jsonl'));
    await waitFor(() => extension().isActive, 'activation in Restricted Mode');
  });

  it('ignores the endpoint and model the workspace sets, and uses the defaults', async () => {
    const api = await testApi();
    const settings = api.settings();
    assert.equal(settings.endpointBaseUrl, '');
    assert.equal(settings.endpointModel, '');
    assert.equal(configuration().inspect('endpoint.baseUrl')?.workspaceValue, undefined);
    assert.equal(configuration().inspect('endpoint.model')?.workspaceValue, undefined);
    assert.equal(settings.concurrency, 5, 'the workspace settings file was not read at all');
  });

  it('uses the endpoint from the user settings instead of the workspace\'s', async () => {
    const api = await testApi();
    await configuration().update('endpoint.baseUrl', USER_ENDPOINT, vscode.ConfigurationTarget.Global);
    await waitFor(() => api.settings().endpointBaseUrl === USER_ENDPOINT, 'the user endpoint in the snapshot');
    assert.equal(configuration().get('endpoint.baseUrl'), USER_ENDPOINT);
  });

  it('refuses to label, since that would send the workspace\'s files to an endpoint', async () => {
    const uri = workspaceUri('data/chat.jsonl');
    const result = await vscode.commands.executeCommand(COMMAND_IDS.labelFile, uri);
    assert.equal(result, undefined, 'the label command ran in Restricted Mode');
    assert.deepEqual(sidecarRecords(uri.fsPath), []);
  });

  it('still shows labels another process (the CLI) writes, as they arrive', async () => {
    const uri = workspaceUri('data/chat.jsonl');
    await vscode.window.showTextDocument(uri);
    assert.deepEqual(await labelLenses(uri), [], 'an unlabeled file got lenses');
    const { taxonomy } = await loadTaxonomy(join(extension().extensionPath, 'taxonomy'));
    assert.ok(taxonomy);
    // The core run in this process stands in for the CLI: only the sidecar file watcher tells the editor.
    const result = await labelFile({ file: uri.fsPath, taxonomy, labeler: { kind: 'heuristic' }, concurrency: 2 });
    assert.equal(result.progress.done, 3);
    const lenses = await waitFor(async () => {
      const found = await labelLenses(uri);
      return found.length === 3 ? found : undefined;
    }, 'lenses for the labels written outside the extension');
    assert.ok(lenses.every((l) => l.title.startsWith('$(tag) ') && l.title.endsWith('(heuristic)')), lenses.map((l) => l.title).join('\n'));
  });

  it('shows Restricted Mode in the workbench', async function () {
    if (!hasBridge()) this.skip();
    await waitFor(async () => (await workbench.text('[id="status.workspaceTrust"]')).includes('Restricted Mode'), 'the Restricted Mode status item');
    await workbench.screenshot('restricted-mode');
  });
});
