// A dataset over 50 MB: VS Code gives extensions no document for it, so it is labeled from disk (Explorer
// context menu → the command with the file's URI), and the user is told once that inline labels are unavailable.
import * as assert from 'node:assert/strict';
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import { COMMAND_IDS } from '../../src/vscode/commandIds';
import type { LabelRunOutcome } from '../../src/vscode/runs/labelRun';
import { EXTENSION_SYNC_LIMIT_BYTES } from '../../src/vscode/util/datasetUris';
import { hasBridge, workbench } from './bridge';
import { setUserSetting, sidecarRecords, testApi, waitFor, workspaceUri } from './helpers';

const NOTICE = '.notifications-center .notification-list-item:has-text("huge.jsonl is larger than 50 MB")';

/** Writes just over `bytes` of long conversations; returns the number of rows. */
function writeHugeDataset(path: string, bytes = EXTENSION_SYNC_LIMIT_BYTES + 100_000): number {
  const reply = 'The service keeps a small cache of parsed rows and flushes it to disk every few seconds. '.repeat(1150);
  const fd = openSync(path, 'w');
  let size = 0;
  let rows = 0;
  try {
    while (size <= bytes) {
      const line = `${JSON.stringify({ id: `big-${rows}`, conversations: [{ from: 'human', value: `Row ${rows}: summarise this log.` }, { from: 'gpt', value: reply }] })}\n`;
      writeSync(fd, line);
      size += Buffer.byteLength(line);
      rows++;
    }
  } finally {
    closeSync(fd);
  }
  return rows;
}

/** How many notifications about the big file the notification centre holds. */
async function noticeCount(): Promise<number> {
  await vscode.commands.executeCommand('notifications.showList');
  try {
    return await workbench.count(NOTICE);
  } finally {
    await vscode.commands.executeCommand('notifications.hideList');
  }
}

describe('datasets over 50 MB', function () {
  this.timeout(120_000);
  const uri = () => workspaceUri('data/huge.jsonl');
  let rows = 0;

  before(async () => {
    rows = writeHugeDataset(uri().fsPath);
    const api = await testApi();
    await setUserSetting('endpoint.baseUrl', undefined);
    await waitFor(() => api.settings().endpointBaseUrl === '', 'no endpoint configured');
  });

  after(() => {
    rmSync(uri().fsPath, { force: true });
    rmSync(join(dirname(uri().fsPath), '.sft-labels', 'huge.jsonl'), { recursive: true, force: true });
  });

  it('are not handed to extensions by VS Code', async () => {
    await assert.rejects(Promise.resolve(vscode.workspace.openTextDocument(uri())), /50MB/);
  });

  it('are labeled from disk when the command gets the file\'s URI, with a notice shown once', async () => {
    const api = await testApi();
    const [outcome] = (await vscode.commands.executeCommand<LabelRunOutcome[]>(COMMAND_IDS.labelFile, uri())) ?? [];
    assert.equal(outcome?.status, 'done');
    assert.equal(outcome?.progress?.total, rows);
    assert.equal(sidecarRecords(uri().fsPath).filter((r) => r.status === 'success').length, rows);
    assert.deepEqual(api.services.bigFiles.toldFiles, [uri().fsPath]);

    const [again] = (await vscode.commands.executeCommand<LabelRunOutcome[]>(COMMAND_IDS.labelFile, uri())) ?? [];
    assert.equal(again?.progress?.skipped, rows, 'the second run labeled samples again');
    assert.deepEqual(api.services.bigFiles.toldFiles, [uri().fsPath]);
    if (hasBridge()) {
      assert.equal(await noticeCount(), 1);
      await vscode.commands.executeCommand('notifications.showList');
      await workbench.screenshot('big-file-notice');
      await vscode.commands.executeCommand('notifications.hideList');
    }
  });

  it('are not announced again when opened in an editor tab', async function () {
    if (!hasBridge()) this.skip();
    const api = await testApi();
    await vscode.commands.executeCommand('vscode.open', uri());
    await waitFor(
      () => vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.fsPath === uri().fsPath)),
      'a tab for the big file',
    );
    // The notification centre is a virtualized list, so older items leave the DOM: count through the API here.
    assert.deepEqual(api.services.bigFiles.toldFiles, [uri().fsPath]);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  it('between 20 and 50 MB, keep their hovers, and the user hears once that VS Code hides their lenses', async function () {
    this.timeout(180_000);
    const api = await testApi();
    const large = workspaceUri('data/large.jsonl');
    const workbenchSettings = vscode.workspace.getConfiguration('workbench');
    // code-server asks before showing files over 10 MB in an editor; this test wants the editor.
    await workbenchSettings.update('editorLargeFileConfirmation', 100, vscode.ConfigurationTarget.Global);
    try {
      writeHugeDataset(large.fsPath, 21 * 1024 * 1024);
      const [outcome] = (await vscode.commands.executeCommand<LabelRunOutcome[]>(COMMAND_IDS.labelFile, large)) ?? [];
      assert.equal(outcome?.status, 'done');
      assert.deepEqual(api.services.bigFiles.toldFiles, [uri().fsPath], 'the over-50-MB notice was shown for a smaller file');
      const document = await vscode.workspace.openTextDocument(large);
      await vscode.window.showTextDocument(document);
      await waitFor(() => api.services.bigFiles.toldHiddenLensFiles.includes(large.fsPath), 'the hidden-lenses notice', 30_000);
      const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', large, new vscode.Position(3, 3))) ?? [];
      assert.ok(hovers.length > 0, 'no hover on a labeled 21 MB file');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.window.showTextDocument(document);
      assert.deepEqual(api.services.bigFiles.toldHiddenLensFiles, [large.fsPath], 'told twice');
      if (hasBridge()) {
        await vscode.commands.executeCommand('notifications.showList');
        assert.equal(await workbench.count('.notifications-center .notification-list-item:has-text("shows no CodeLens on files over 20 MB")'), 1);
        await vscode.commands.executeCommand('notifications.hideList');
      }
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await workbenchSettings.update('editorLargeFileConfirmation', undefined, vscode.ConfigurationTarget.Global);
      rmSync(large.fsPath, { force: true });
      rmSync(join(dirname(large.fsPath), '.sft-labels', 'large.jsonl'), { recursive: true, force: true });
    }
  });
});
