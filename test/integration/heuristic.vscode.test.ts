// Without an endpoint the built-in heuristic labeler runs (and says so), and "SFT: Export Labels" writes
// sft-label-compatible files next to the dataset.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { COMMAND_IDS } from '../../src/vscode/commandIds';
import type { ExportOutcome } from '../../src/vscode/exportCommand';
import type { LabelRunOutcome } from '../../src/vscode/runs/labelRun';
import { hasBridge, workbench } from './bridge';
import { labelLenses, setUserSetting, testApi, waitFor, workspaceUri } from './helpers';

describe('labeling without an endpoint', function () {
  this.timeout(60_000);
  const uri = () => workspaceUri('data/chat.jsonl');

  before(async () => {
    const api = await testApi();
    await setUserSetting('endpoint.baseUrl', undefined);
    await waitFor(() => api.settings().endpointBaseUrl === '', 'no endpoint configured');
    api.services.consent.prompt = async () => assert.fail('the heuristic labeler must not ask to send data anywhere');
  });

  it('labels with the built-in heuristic labeler, and says so in a notification with "Configure Endpoint"', async () => {
    await vscode.window.showTextDocument(uri());
    const [outcome] = (await vscode.commands.executeCommand<LabelRunOutcome[]>(COMMAND_IDS.labelFile)) ?? [];
    assert.equal(outcome?.status, 'done');
    assert.equal(outcome?.labeler, 'heuristic');
    assert.equal(outcome?.progress?.done, 3);
    const lenses = await waitFor(async () => {
      const found = await labelLenses(uri());
      return found.length === 3 && found.every((l) => l.title.endsWith('(heuristic)')) ? found : undefined;
    }, 'three heuristic lenses');
    assert.match(lenses[0]!.title, /^\$\(tag\) /);

    if (!hasBridge()) return;
    await vscode.commands.executeCommand('notifications.showList');
    const notice = '.notifications-center .notification-list-item:has-text("built-in heuristic labeler is labeling")';
    await workbench.waitFor(notice);
    assert.match(await workbench.text(notice), /nothing leaves this machine/);
    assert.equal(await workbench.count(`${notice} >> role=button[name="Configure Endpoint"]`), 1);
    await workbench.screenshot('heuristic-notification');
    await vscode.commands.executeCommand('notifications.clearAll');
    await vscode.commands.executeCommand('notifications.hideList');
  });

  it('exports the labels next to the dataset in the sft-label layout', async () => {
    const [result] = (await vscode.commands.executeCommand<ExportOutcome[]>(COMMAND_IDS.exportLabels, uri())) ?? [];
    assert.ok(result, 'no export outcome');
    assert.equal(result.outDir, join(uri().fsPath, '..', 'chat_labeled'));
    assert.equal(result.result.exported, 3);
    for (const name of ['labeled.json', 'labeled.jsonl', 'monitor.jsonl', 'failed_samples.jsonl', 'stats_labeling.json']) {
      assert.ok(existsSync(join(result.outDir, name)), `${name} missing`);
    }
    const rows = readFileSync(join(result.outDir, 'labeled.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(rows.length, 3);
    assert.ok(rows.every((r) => r.labels && Array.isArray(r.labels.language) && 'intent' in r.labels), 'a row has no labels');
  });
});
