// Cancelling a slow run: from "SFT: Cancel Run" and from the notification's Cancel button. Labels that were
// finished stay in the sidecar, and the next run skips them.
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { COMMAND_IDS } from '../../src/vscode/commandIds';
import type { LabelRunOutcome } from '../../src/vscode/runs/labelRun';
import { startTestServer, type TestServerHandle } from '../server';
import { hasBridge, workbench } from './bridge';
import { setUserSetting, sidecarRecords, testApi, waitFor, workspaceUri } from './helpers';

/** A dataset of `rows` distinct single-turn conversations. */
function writeDataset(path: string, rows: number): void {
  const lines = Array.from({ length: rows }, (_, i) =>
    JSON.stringify({
      id: `slow-${i}`,
      conversations: [
        { from: 'human', value: `Question ${i}: how do I reverse a list in Python without copying it?` },
        { from: 'gpt', value: `Answer ${i}: call items.reverse(), which reverses the list in place.` },
      ],
    }),
  );
  writeFileSync(path, `${lines.join('\n')}\n`);
}

/** Successful records in the sidecar, by distinct sample id. */
function finishedSamples(file: string): Set<string> {
  return new Set(sidecarRecords(file).filter((r) => r.status === 'success').map((r) => r.sampleId));
}

describe('cancelling a run', function () {
  this.timeout(120_000);
  let server: TestServerHandle;

  before(async () => {
    // Each sample makes two calls, so one sample takes about 2 × 700 ms: slow enough to cancel mid-run.
    server = await startTestServer({ latencyMs: 700 });
    const api = await testApi();
    api.services.consent.prompt = async () => true;
    await setUserSetting('endpoint.baseUrl', server.url);
    await setUserSetting('endpoint.model', 'test-model');
    await waitFor(() => api.settings().endpointBaseUrl === server.url, 'the endpoint setting');
  });

  after(async () => {
    await setUserSetting('endpoint.baseUrl', undefined);
    await setUserSetting('endpoint.model', undefined);
    await server?.close();
  });

  it('"SFT: Cancel Run" stops a slow run within 2 s and keeps the finished labels', async () => {
    const api = await testApi();
    const uri = workspaceUri('data/slow-a.jsonl');
    writeDataset(uri.fsPath, 40);
    const run = vscode.commands.executeCommand<LabelRunOutcome[]>(COMMAND_IDS.labelFile, uri);
    await waitFor(() => finishedSamples(uri.fsPath).size >= 3, 'three finished samples', 30_000);
    assert.equal(api.services.runs.activeFile, uri.fsPath);

    const cancelledAt = Date.now();
    const cancelled = await vscode.commands.executeCommand<number>(COMMAND_IDS.cancelRun);
    assert.equal(cancelled, 1);
    const [outcome] = (await run) ?? [];
    const stoppedAfterMs = Date.now() - cancelledAt;
    assert.ok(stoppedAfterMs < 2000, `the run took ${stoppedAfterMs} ms to stop`);
    assert.equal(outcome?.status, 'cancelled');
    assert.equal(api.services.runs.activeFile, undefined);

    const kept = finishedSamples(uri.fsPath);
    assert.ok(kept.size >= 3 && kept.size < 40, `${kept.size} labels kept`);
    assert.equal(outcome?.progress?.done, sidecarRecords(uri.fsPath).length, 'a finished label is missing from the sidecar');

    server.setOptions({ latencyMs: 0 });
    try {
      const [again] = (await vscode.commands.executeCommand<LabelRunOutcome[]>(COMMAND_IDS.labelFile, uri)) ?? [];
      assert.equal(again?.status, 'done');
      assert.equal(again?.progress?.skipped, kept.size, 'the re-run labeled finished samples again');
      assert.equal(again?.progress?.done, 40 - kept.size);
    } finally {
      server.setOptions({ latencyMs: 700 });
    }
  });

  it('the notification\'s Cancel button stops a slow run within 2 s', async function () {
    if (!hasBridge()) this.skip();
    const uri = workspaceUri('data/slow-b.jsonl');
    writeDataset(uri.fsPath, 40);
    const run = vscode.commands.executeCommand<LabelRunOutcome[]>(COMMAND_IDS.labelFile, uri);
    await waitFor(() => finishedSamples(uri.fsPath).size >= 1, 'a finished sample', 30_000);

    await vscode.commands.executeCommand('notifications.showList');
    const item = '.notifications-center .notification-list-item:has-text("SFT: labeling slow-b.jsonl")';
    await workbench.waitFor(item);
    await workbench.screenshot('run-progress-notification');
    const clickedAt = Date.now();
    await workbench.click(`${item} >> role=button[name="Cancel"]`);
    const [outcome] = (await run) ?? [];
    const stoppedAfterMs = Date.now() - clickedAt;
    assert.ok(stoppedAfterMs < 2000, `the run took ${stoppedAfterMs} ms to stop`);
    assert.equal(outcome?.status, 'cancelled');
    assert.ok(finishedSamples(uri.fsPath).size >= 1);
    await vscode.commands.executeCommand('notifications.clearAll');
    await vscode.commands.executeCommand('notifications.hideList');
  });

  it('loses nothing when the file is edited and closed during a run (the run reads it from disk)', async () => {
    const uri = workspaceUri('data/slow-e.jsonl');
    writeDataset(uri.fsPath, 12);
    server.setOptions({ latencyMs: 250 });
    try {
      const run = vscode.commands.executeCommand<LabelRunOutcome[]>(COMMAND_IDS.labelFile, uri);
      await waitFor(() => finishedSamples(uri.fsPath).size >= 1, 'a finished sample', 30_000);
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);
      const edit = new vscode.WorkspaceEdit();
      edit.insert(uri, new vscode.Position(0, 0), '{"id": "typed-during-the-run", "conversations": []}\n');
      assert.ok(await vscode.workspace.applyEdit(edit));
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      const [outcome] = (await run) ?? [];
      assert.equal(outcome?.status, 'done');
      assert.equal(outcome?.progress?.total, 12);
      assert.equal(finishedSamples(uri.fsPath).size, 12);
    } finally {
      server.setOptions({ latencyMs: 700 });
    }
  });

  it('queues a second file behind the running one, and cancels both at once', async () => {
    const api = await testApi();
    const first = workspaceUri('data/slow-c.jsonl');
    const second = workspaceUri('data/slow-d.jsonl');
    writeDataset(first.fsPath, 20);
    writeDataset(second.fsPath, 20);
    const runs = vscode.commands.executeCommand<LabelRunOutcome[]>(COMMAND_IDS.labelFile, first, [first, second]);
    await waitFor(() => api.services.runs.activeFile === first.fsPath, 'the first file to start');
    assert.deepEqual(api.services.runs.waitingFiles, [second.fsPath]);
    assert.equal(await vscode.commands.executeCommand<number>(COMMAND_IDS.cancelRun), 2);
    const outcomes = (await runs) ?? [];
    assert.deepEqual(outcomes.map((o) => o.status), ['cancelled', 'cancelled']);
    assert.equal(outcomes[1]?.progress, undefined, 'the waiting file started although it was cancelled');
  });
});
