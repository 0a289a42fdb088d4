// Pass 2 in the editor: "SFT: Label and Score Current File" and "SFT: Score Current File" against the loopback
// endpoint, the value score in CodeLens titles and sub-scores in hovers, cancelling a slow scoring run, and the
// clear refusals (no endpoint, nothing labeled).
import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import * as vscode from 'vscode';
import { COMMAND_IDS } from '../../src/vscode/commandIds';
import type { RunOutcome } from '../../src/vscode/runs/runJob';
import { SCORING_NEEDS_ENDPOINT } from '../../src/vscode/runs/scoreRun';
import { startTestServer, type TestServerHandle } from '../server';
import { hasBridge, workbench } from './bridge';
import { hoverText, labelLenses, setUserSetting, testApi, waitFor, workspaceUri } from './helpers';

const SCORE_SCHEMA = 'pass2_score';

/** Writes `rows` distinct single-turn conversations (a code question each). */
function writeDataset(path: string, rows: number, tag: string): void {
  const lines = Array.from({ length: rows }, (_, i) =>
    JSON.stringify({
      id: `${tag}-${i}`,
      conversations: [
        { from: 'human', value: `Task ${tag}-${i}: write a Python function that returns the ${i + 2}th Fibonacci number iteratively.` },
        { from: 'gpt', value: `def fib(n):\n    a, b = 0, 1\n    for _ in range(n):\n        a, b = b, a + b\n    return a  # fib(${i + 2})` },
      ],
    }),
  );
  writeFileSync(path, `${lines.join('\n')}\n`);
}

interface SidecarRecord { kind?: string; sampleId: string; status: string }

/** Records of one kind in a dataset's sidecar log. */
function recordsOf(datasetFile: string, kind: 'label' | 'score'): SidecarRecord[] {
  const log = join(dirname(datasetFile), '.sft-labels', basename(datasetFile), 'labels.jsonl');
  let text = '';
  try {
    text = readFileSync(log, 'utf8');
  } catch {
    return [];
  }
  return text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as SidecarRecord).filter((r) => (r.kind ?? 'label') === kind);
}

function scoredSamples(file: string): Set<string> {
  return new Set(recordsOf(file, 'score').filter((r) => r.status === 'success').map((r) => r.sampleId));
}

/** Schema names of the requests the server received after the first `from`. */
function schemasSince(server: TestServerHandle, from: number): (string | null)[] {
  return server.stats().log.slice(from).map((entry) => entry.schemaName);
}

async function expectNotification(text: string, button: string, screenshot: string): Promise<void> {
  await vscode.commands.executeCommand('notifications.showList');
  const item = `.notifications-center .notification-list-item:has-text("${text}")`;
  await workbench.waitFor(item);
  assert.equal(await workbench.count(`${item} >> role=button[name="${button}"]`), 1, `no "${button}" button`);
  await workbench.screenshot(screenshot);
  await vscode.commands.executeCommand('notifications.clearAll');
  await vscode.commands.executeCommand('notifications.hideList');
}

describe('scoring a file in the editor (Pass 2)', function () {
  this.timeout(120_000);
  let server: TestServerHandle;

  before(async () => {
    server = await startTestServer();
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

  it('"Label and Score Current File" labels, then scores: lenses carry the value, hovers the sub-scores and rarity', async () => {
    const uri = workspaceUri('data/score-chain.jsonl');
    writeDataset(uri.fsPath, 4, 'chain');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
    const before = server.stats().log.length;
    const [outcome] = (await vscode.commands.executeCommand<RunOutcome[]>(COMMAND_IDS.labelAndScoreFile)) ?? [];
    assert.equal(outcome?.pass, 'label+score');
    assert.equal(outcome?.status, 'done', outcome?.reason);
    assert.equal(outcome?.labeler, 'llm');
    assert.equal(outcome?.progress?.done, 4, 'Pass 1 labeled every sample');
    assert.equal(outcome?.scoring?.status, 'done');
    assert.equal(outcome?.scoring?.progress?.done, 4, 'Pass 2 scored every sample');
    assert.equal(outcome?.scoring?.unlabeled, 0);
    const schemas = schemasSince(server, before);
    assert.equal(schemas.filter((s) => s === SCORE_SCHEMA).length, 4, 'one scoring call per sample');
    assert.ok(schemas.findIndex((s) => s === SCORE_SCHEMA) > schemas.findLastIndex((s) => s !== SCORE_SCHEMA), 'scoring started before labeling ended');

    const lenses = await waitFor(async () => {
      const found = await labelLenses(uri);
      return found.length === 4 && found.every((l) => / · value \d+\.\d$/.test(l.title)) ? found : undefined;
    }, 'the value score in every lens');
    assert.deepEqual(lenses.map((l) => l.line), [0, 1, 2, 3]);
    const hover = await hoverText(uri, new vscode.Position(1, 5));
    assert.match(hover, /\*\*Value \d+\.\d\*\* · complexity \d+ · quality \d+ · reasoning \d+ · rarity \d+(\.\d)?/);
    assert.match(hover, /- Complexity: instruction \d+, analytical depth \d+, implementation \d+/);
    assert.match(hover, /- Quality: correctness \d+, code \d+, explanation \d+, completeness \d+/);
    assert.match(hover, /- Reasoning: clarity \d+, consistency \d+, self-correction/);
    assert.match(hover, /- Thinking mode: (slow|fast)/);
  });

  it('"Score Current File" on a labeled file scores without relabeling, and skips current scores next time', async () => {
    const uri = workspaceUri('data/score-only.jsonl');
    writeDataset(uri.fsPath, 3, 'only');
    const [labeled] = (await vscode.commands.executeCommand<RunOutcome[]>(COMMAND_IDS.labelFile, uri)) ?? [];
    assert.equal(labeled?.status, 'done');
    assert.equal(labeled?.scoring, undefined, 'labeling alone scored');
    assert.equal(recordsOf(uri.fsPath, 'score').length, 0);

    const before = server.stats().log.length;
    const [scored] = (await vscode.commands.executeCommand<RunOutcome[]>(COMMAND_IDS.scoreFile, uri)) ?? [];
    assert.equal(scored?.pass, 'score');
    assert.equal(scored?.status, 'done', scored?.reason);
    assert.equal(scored?.progress, undefined, 'a Pass 1 ran');
    assert.equal(scored?.scoring?.progress?.done, 3);
    assert.deepEqual(schemasSince(server, before), [SCORE_SCHEMA, SCORE_SCHEMA, SCORE_SCHEMA], 'only scoring requests were sent');
    assert.equal(scoredSamples(uri.fsPath).size, 3);
    await vscode.workspace.openTextDocument(uri);
    await waitFor(async () => {
      const lenses = await labelLenses(uri);
      return lenses.length === 3 && lenses.every((l) => / · value \d+\.\d$/.test(l.title));
    }, 'value scores in the lenses');

    const again = server.stats().log.length;
    const [rerun] = (await vscode.commands.executeCommand<RunOutcome[]>(COMMAND_IDS.scoreFile, uri)) ?? [];
    assert.equal(rerun?.scoring?.progress?.skipped, 3);
    assert.equal(rerun?.scoring?.progress?.done, 0);
    assert.equal(server.stats().log.length, again, 'current scores were requested again');
  });

  it('"Score Current File" on a file without labels sends nothing and offers "Label and Score"', async () => {
    const uri = workspaceUri('data/score-unlabeled.jsonl');
    writeDataset(uri.fsPath, 2, 'unlabeled');
    const before = server.stats().log.length;
    const [outcome] = (await vscode.commands.executeCommand<RunOutcome[]>(COMMAND_IDS.scoreFile, uri)) ?? [];
    assert.equal(outcome?.status, 'done');
    assert.equal(outcome?.scoring?.unlabeled, 2);
    assert.equal(outcome?.scoring?.progress?.done, 0);
    assert.equal(server.stats().log.length, before, 'requests were sent for unlabeled samples');
    if (hasBridge()) await expectNotification('has no labels yet', 'Label and Score', 'score-unlabeled-notification');
  });

  it('cancelling a slow scoring run stops it within 2 s and keeps the finished scores', async () => {
    const api = await testApi();
    const uri = workspaceUri('data/score-slow.jsonl');
    writeDataset(uri.fsPath, 30, 'slow');
    const [labeled] = (await vscode.commands.executeCommand<RunOutcome[]>(COMMAND_IDS.labelFile, uri)) ?? [];
    assert.equal(labeled?.status, 'done');
    server.setOptions({ latencyMs: 700 });
    try {
      const run = vscode.commands.executeCommand<RunOutcome[]>(COMMAND_IDS.scoreFile, uri);
      await waitFor(() => scoredSamples(uri.fsPath).size >= 2, 'two finished scores', 30_000);
      assert.equal(api.services.runs.activeFile, uri.fsPath);
      const cancelledAt = Date.now();
      assert.equal(await vscode.commands.executeCommand<number>(COMMAND_IDS.cancelRun), 1);
      const [outcome] = (await run) ?? [];
      const stoppedAfterMs = Date.now() - cancelledAt;
      assert.ok(stoppedAfterMs < 2000, `the run took ${stoppedAfterMs} ms to stop`);
      assert.equal(outcome?.status, 'cancelled');
      assert.equal(outcome?.scoring?.status, 'cancelled');
      const kept = scoredSamples(uri.fsPath);
      assert.ok(kept.size >= 2 && kept.size < 30, `${kept.size} scores kept`);
      assert.equal(outcome?.scoring?.progress?.done, recordsOf(uri.fsPath, 'score').length, 'a finished score is missing from the sidecar');

      server.setOptions({ latencyMs: 0 });
      const [again] = (await vscode.commands.executeCommand<RunOutcome[]>(COMMAND_IDS.scoreFile, uri)) ?? [];
      assert.equal(again?.status, 'done');
      assert.equal(again?.scoring?.progress?.skipped, kept.size, 'finished scores were requested again');
      assert.equal(again?.scoring?.progress?.done, 30 - kept.size);
    } finally {
      server.setOptions({ latencyMs: 0 });
    }
  });

  it('shows a scored file with value lenses and an open hover (screenshots)', async function () {
    if (!hasBridge()) this.skip();
    const uri = workspaceUri('data/score-chain.jsonl');
    const editor = await vscode.window.showTextDocument(uri, { preview: false });
    await workbench.waitFor('.monaco-editor .codelens-decoration >> nth=0');
    await waitFor(async () => (await workbench.text('.monaco-editor')).includes(' · value '), 'value lenses rendered');
    editor.selection = new vscode.Selection(0, 12, 0, 12);
    await vscode.commands.executeCommand('editor.action.showHover');
    await workbench.waitFor('.monaco-hover:visible');
    await waitFor(async () => (await workbench.text('.monaco-hover:visible')).includes('Value'), 'hover content rendered');
    // The Pass 2 block closes the hover: focus the hover and scroll it to the bottom so the screenshot shows it.
    await vscode.commands.executeCommand('editor.action.showHover');
    await vscode.commands.executeCommand('editor.action.goToBottomHover');
    await workbench.screenshot('scored-file-hover');
    await workbench.screenshot('scored-file-hover-closeup', { selector: '.monaco-hover:visible' });
    await workbench.press('Escape');
  });

  it('says that scoring needs an endpoint when none is configured, and sends nothing', async () => {
    const api = await testApi();
    const uri = workspaceUri('data/score-only.jsonl');
    await setUserSetting('endpoint.baseUrl', undefined);
    try {
      await waitFor(() => api.settings().endpointBaseUrl === '', 'the endpoint setting to be cleared');
      const before = server.stats().log.length;
      for (const id of [COMMAND_IDS.scoreFile, COMMAND_IDS.labelAndScoreFile]) {
        const outcomes = await vscode.commands.executeCommand<RunOutcome[]>(id, uri);
        assert.deepEqual(outcomes, [], `${id} started a run without an endpoint`);
      }
      assert.equal(server.stats().log.length, before);
      assert.equal(api.services.runs.activeFile, undefined);
      if (hasBridge()) await expectNotification(SCORING_NEEDS_ENDPOINT.slice(5, 60), 'Configure Endpoint', 'score-no-endpoint-notification');
    } finally {
      await setUserSetting('endpoint.baseUrl', server.url);
      await waitFor(() => api.settings().endpointBaseUrl === server.url, 'the endpoint setting');
    }
  });
});
