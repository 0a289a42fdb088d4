// The product path: "SFT: Label Current File" against a loopback endpoint, then CodeLens, hovers, stale
// detection and the details view on the labeled file.
import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { createLlmClient } from '../../src/core/llm/client';
import { scoreFile } from '../../src/core/run/scoreFile';
import { DEFAULT_SCORE_OPTIONS } from '../../src/core/scoring/types';
import { compactTags } from '../../src/core/views/lensTitle';
import type { LabelRecord } from '../../src/core/model/records';
import { COMMAND_IDS } from '../../src/vscode/commandIds';
import type { LabelRunOutcome } from '../../src/vscode/runs/labelRun';
import { startTestServer, type TestServerHandle } from '../server';
import { hasBridge, workbench } from './bridge';
import { hoverText, labelLenses, setUserSetting, sidecarRecords, testApi, waitFor, workspaceUri } from './helpers';

const FAIL_MARKER = 'FAIL-ME-SENTINEL';

describe('labeling a file and reading its labels in the editor', function () {
  this.timeout(120_000);
  let server: TestServerHandle;
  const uri = () => workspaceUri('data/mixed.jsonl');
  let original = '';

  before(async () => {
    server = await startTestServer({
      // One conversation fails for good: a 500 the server says not to retry.
      faults: [{ fault: 'server_error', matchText: FAIL_MARKER, headers: { 'x-should-retry': 'false' } }],
    });
    original = readFileSync(uri().fsPath, 'utf8');
    const api = await testApi();
    await setUserSetting('endpoint.baseUrl', server.url);
    await setUserSetting('endpoint.model', 'test-model');
    await setUserSetting('temperature', 0.2);
    await waitFor(() => api.settings().endpointBaseUrl === server.url && api.settings().temperature === 0.2, 'the endpoint settings');
  });

  after(async () => {
    await setUserSetting('endpoint.baseUrl', undefined);
    await setUserSetting('endpoint.model', undefined);
    await setUserSetting('temperature', undefined);
    await server?.close();
    writeFileSync(uri().fsPath, original);
  });

  it('sends nothing when the user declines to send data to a new endpoint', async () => {
    const api = await testApi();
    const asked: string[] = [];
    // VS Code refuses modal dialogs under the extension test runner, so the suite answers in the user's place.
    api.services.consent.prompt = async ({ message }) => {
      asked.push(message);
      return false;
    };
    const document = await vscode.workspace.openTextDocument(uri());
    await vscode.window.showTextDocument(document);
    const outcomes = await vscode.commands.executeCommand<LabelRunOutcome[]>(COMMAND_IDS.labelFile);
    assert.deepEqual(outcomes, []);
    assert.equal(asked.length, 1);
    assert.match(asked[0]!, /^Send up to 6 samples from mixed\.jsonl to http:\/\/127\.0\.0\.1:\d+ \(model test-model\)\?$/);
    assert.equal(server.stats().totalRequests, 0, 'data was sent although the user declined');
    assert.deepEqual(sidecarRecords(uri().fsPath), []);
  });

  it('asks before sending data to a new endpoint, then labels the file', async () => {
    const api = await testApi();
    let requestsWhenAsked = -1;
    api.services.consent.prompt = async () => {
      requestsWhenAsked = server.stats().totalRequests;
      return true;
    };
    const [outcome] = (await vscode.commands.executeCommand<LabelRunOutcome[]>(COMMAND_IDS.labelFile)) ?? [];
    assert.equal(requestsWhenAsked, 0, 'data was sent before the user agreed');
    assert.ok(outcome, 'the command returned no outcome');
    assert.equal(outcome.status, 'done');
    assert.equal(outcome.labeler, 'llm');
    assert.equal(outcome.progress?.total, 6);
    assert.equal(outcome.progress?.failed, 1);
    assert.ok(server.stats().totalRequests > 0);
    const temperatures = new Set(server.stats().log.map((e) => e.temperature));
    assert.deepEqual([...temperatures], [0.2], 'the labeling calls use the temperature setting');
    api.services.consent.prompt = async () => assert.fail('consent was asked twice for the same endpoint');
  });

  it('does not ask again for the same endpoint', async () => {
    const [outcome] = (await vscode.commands.executeCommand<LabelRunOutcome[]>(COMMAND_IDS.labelFile, uri())) ?? [];
    assert.equal(outcome?.status, 'done');
    // Only the failed sample is labeled again; the others are current.
    assert.equal(outcome?.progress?.skipped, 5);
    assert.equal(outcome?.progress?.done, 1);
  });

  it('shows one lens per conversation whose title carries the labels in the sidecar', async () => {
    const records = new Map(sidecarRecords(uri().fsPath).map((r) => [`${r.locator.rowIndex}#${r.locator.turnIndex}`, r as unknown as LabelRecord]));
    const lenses = await waitFor(async () => {
      const found = await labelLenses(uri());
      return found.length === 5 && found.every((l) => !l.title.includes('not labeled')) ? found : undefined;
    }, 'five resolved lenses');
    assert.deepEqual(lenses.map((l) => l.line), [0, 1, 2, 3, 4]);
    const [c1, c2, m1, f1, e1] = lenses.map((l) => l.title);
    assert.equal(c1, `$(tag) ${compactTags(records.get('0#1')!)}`);
    assert.match(c1!, /python/, 'the Python conversation is not tagged python');
    assert.equal(c2, `$(tag) ${compactTags(records.get('1#1')!)}`);
    assert.equal(m1, `$(tag) 2/2 replies · ${compactTags(records.get('2#2')!)}`);
    assert.match(f1!, /^\$\(error\) failed: .*500/);
    assert.equal(e1, `$(tag) ${compactTags(records.get('4#1')!)}`);
  });

  it('renders hovers as untrusted Markdown without HTML', async () => {
    const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri(), new vscode.Position(4, 5))) ?? [];
    const ours = hovers.flatMap((h) => h.contents).filter((c): c is vscode.MarkdownString => c instanceof vscode.MarkdownString && c.value.startsWith('**SFT labels**'));
    assert.equal(ours.length, 1);
    assert.ok(!ours[0]!.isTrusted, 'the hover is trusted');
    assert.ok(!ours[0]!.supportHtml, 'the hover renders HTML');
  });

  it('turns the lenses off and on with sftLabeler.codeLens.enabled', async () => {
    await setUserSetting('codeLens.enabled', false);
    try {
      await waitFor(async () => (await labelLenses(uri())).length === 0, 'the lenses to go away');
    } finally {
      await setUserSetting('codeLens.enabled', undefined);
    }
    await waitFor(async () => (await labelLenses(uri())).length === 5, 'the lenses to come back');
  });

  it('hovers a conversation with all nine dimensions, confidences, model, tokens and time', async () => {
    const text = await hoverText(uri(), new vscode.Position(0, 5));
    for (const dim of ['Intent', 'Language', 'Domain', 'Task', 'Difficulty', 'Concept', 'Agentic', 'Constraint', 'Context']) {
      assert.match(text, new RegExp(`\\| ${dim} \\|`), `dimension ${dim} missing`);
    }
    assert.match(text, /\| \d\.\d\d \|/, 'no confidence');
    assert.match(text, /model test\\-model/);
    assert.match(text, /[\d,]+ tokens \([\d,]+ prompt \+ [\d,]+ completion\)/);
    assert.match(text, /\d+(\.\d)? (ms|s)/);
    assert.match(text, /Write a Python function/);
  });

  it('breaks a multi-turn conversation down per reply', async () => {
    const text = await hoverText(uri(), new vscode.Position(2, 5));
    assert.match(text, /\*\*2 replies\*\*/);
    assert.match(text, /- Reply 1\/2, labeled: /);
    assert.match(text, /- Reply 2\/2, labeled: /);
  });

  it('says why a sample failed, in its hover', async () => {
    const text = await hoverText(uri(), new vscode.Position(3, 5));
    assert.match(text, /\*\*Failed\*\*: retries\\_exhausted, HTTP 500/);
  });

  it('escapes dataset text in hovers', async () => {
    const text = await hoverText(uri(), new vscode.Position(4, 5));
    assert.match(text, /Explain \\\[this link\\\]\\\(http:\/\/evil\\\.example\/x\\\)/);
    assert.match(text, /\\<img src=x onerror=alert\\\(1\\\)\\>/);
    assert.ok(!/[^\\]<img/.test(text), 'raw HTML from the dataset reached the hover');
    assert.ok(!text.includes('[this link](http'), 'a live link from the dataset reached the hover');
  });

  it('marks an edited conversation stale until it is labeled again', async () => {
    const document = await vscode.workspace.openTextDocument(uri());
    const line = document.lineAt(0);
    const edit = new vscode.WorkspaceEdit();
    const at = line.text.indexOf('iteratively');
    edit.replace(uri(), new vscode.Range(0, at, 0, at + 'iteratively'.length), 'recursively');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const stale = await waitFor(async () => {
      const [first] = await labelLenses(uri());
      return first?.title.includes('stale') ? first.title : undefined;
    }, 'the edited conversation to show as stale');
    assert.equal(stale, '$(warning) stale: edited since it was labeled');
    assert.match(await hoverText(uri(), new vscode.Position(0, 5)), /\*\*Stale\*\*/);

    await document.save();
    const [outcome] = (await vscode.commands.executeCommand<LabelRunOutcome[]>(COMMAND_IDS.labelFile, uri())) ?? [];
    assert.equal(outcome?.progress?.done, 2, 'only the edited and the failed samples are labeled again');
    await waitFor(async () => (await labelLenses(uri()))[0]?.title.startsWith('$(tag)'), 'the relabeled conversation to show its tags');
  });

  it('adds the value score to lenses and hovers once the file is scored (Pass 2 run by the CLI)', async () => {
    const client = createLlmClient({ baseUrl: server.url, model: 'test-model', concurrency: 4, timeoutMs: 10_000, maxAttempts: 1 });
    const result = await scoreFile({ file: uri().fsPath, client, options: DEFAULT_SCORE_OPTIONS, concurrency: 4 });
    assert.equal(result.status, 'done');
    assert.ok(result.progress.done >= 4, `${result.progress.done} samples scored`);
    const lenses = await waitFor(async () => {
      const found = await labelLenses(uri());
      return found[0]?.title.includes(' · value ') ? found : undefined;
    }, 'the value score in the first lens');
    assert.match(lenses[0]!.title, / · value \d+\.\d$/);
    assert.match(lenses[3]!.title, /^\$\(error\) failed/, 'the failed sample has no labels, so nothing to score');
    const hover = await hoverText(uri(), new vscode.Position(0, 5));
    assert.match(hover, /\*\*Value \d+\.\d\*\* · complexity \d+ · quality \d+ · reasoning/);
  });

  it('opens every label of a row from its lens', async () => {
    const [lens] = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri(), 1)) ?? [];
    assert.equal(lens?.command?.command, COMMAND_IDS.showLabelDetails);
    const detailsUri = await vscode.commands.executeCommand<vscode.Uri>(lens!.command!.command, ...(lens!.command!.arguments ?? []));
    const details = await vscode.workspace.openTextDocument(detailsUri);
    const text = details.getText();
    assert.match(text, /^# mixed\\\.jsonl: row 1/);
    assert.match(text, /## Reply 1 of 1/);
    assert.match(text, /\| Intent \| \w/);
    assert.match(text, /## Conversation/);
    await vscode.commands.executeCommand('workbench.action.closeEditorsInOtherGroups');
  });

  it('shows the lenses and a hover in the editor (screenshots)', async function () {
    if (!hasBridge()) this.skip();
    const editor = await vscode.window.showTextDocument(uri(), { preview: false });
    await workbench.waitFor('.monaco-editor .codelens-decoration >> nth=0');
    await waitFor(async () => (await workbench.text('.monaco-editor')).includes('2/2 replies'), 'lens titles rendered');
    await workbench.screenshot('labeled-file-codelens');
    editor.selection = new vscode.Selection(2, 12, 2, 12);
    await vscode.commands.executeCommand('editor.action.showHover');
    await workbench.waitFor('.monaco-hover:visible');
    await waitFor(async () => (await workbench.text('.monaco-hover:visible')).includes('Reply 2/2'), 'hover content rendered');
    await workbench.screenshot('labeled-file-hover');
    await workbench.screenshot('labeled-file-hover-closeup', { selector: '.monaco-hover:visible' });
    await workbench.press('Escape');
  });
});
