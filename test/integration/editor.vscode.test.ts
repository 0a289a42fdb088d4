// The product path: "SFT: Label Current File" against a loopback endpoint, then CodeLens, hovers, stale
// detection and the details view on the labeled file.
import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { compactTags } from '../../src/core/views/lensTitle';
import type { LabelRecord } from '../../src/core/model/records';
import { COMMAND_IDS } from '../../src/vscode/commandIds';
import type { LabelRunOutcome } from '../../src/vscode/runs/labelRun';
import { startTestServer, type TestServerHandle } from '../server';
import { hasBridge, workbench } from './bridge';
import { hoverText, labelLenses, setUserSetting, sidecarRecords, testApi, waitFor, workspaceUri } from './helpers';

const FAIL_MARKER = 'FAIL-ME-SENTINEL';
const DIALOG = '.monaco-dialog-box';

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
    await waitFor(() => api.settings().endpointBaseUrl === server.url, 'the endpoint setting');
  });

  after(async () => {
    await setUserSetting('endpoint.baseUrl', undefined);
    await setUserSetting('endpoint.model', undefined);
    await server?.close();
    writeFileSync(uri().fsPath, original);
  });

  it('asks once before sending data to a new endpoint, then labels the file', async function () {
    if (!hasBridge()) this.skip(); // answering the modal needs the browser
    const document = await vscode.workspace.openTextDocument(uri());
    await vscode.window.showTextDocument(document);
    const run = vscode.commands.executeCommand<LabelRunOutcome[]>(COMMAND_IDS.labelFile);
    await workbench.waitFor(DIALOG);
    const question = await workbench.text(DIALOG);
    assert.match(question, /Send up to 6 samples from mixed\.jsonl to http:\/\/127\.0\.0\.1:\d+ \(model test-model\)/);
    assert.equal(server.stats().totalRequests, 0, 'data was sent before the user agreed');
    await workbench.screenshot('consent-dialog');
    await workbench.click(`${DIALOG} .dialog-buttons a.monaco-button:has-text("Send")`);
    const [outcome] = (await run) ?? [];
    assert.ok(outcome, 'the command returned no outcome');
    assert.equal(outcome.status, 'done');
    assert.equal(outcome.labeler, 'llm');
    assert.equal(outcome.progress?.total, 6);
    assert.equal(outcome.progress?.failed, 1);
    assert.ok(server.stats().totalRequests > 0);
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

  it('hovers a conversation with all nine dimensions, confidences, model, tokens and time', async () => {
    const text = await hoverText(uri(), new vscode.Position(0, 5));
    for (const dim of ['Intent', 'Language', 'Domain', 'Task', 'Difficulty', 'Concept', 'Agentic', 'Constraint', 'Context']) {
      assert.match(text, new RegExp(`\\| ${dim} \\|`), `dimension ${dim} missing`);
    }
    assert.match(text, /\| \d\.\d\d \|/, 'no confidence');
    assert.match(text, /model test-model/);
    assert.match(text, /\d+ tokens \(\d+ prompt \+ \d+ completion\)/);
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
    assert.ok(!text.includes('<img'), 'raw HTML from the dataset reached the hover');
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
    await workbench.waitFor('.monaco-editor .codelens-decoration');
    await waitFor(async () => (await workbench.text('.monaco-editor')).includes('2/2 replies'), 'lens titles rendered');
    await workbench.screenshot('labeled-file-codelens');
    editor.selection = new vscode.Selection(2, 12, 2, 12);
    await vscode.commands.executeCommand('editor.action.showHover');
    await workbench.waitFor('.monaco-hover:visible');
    await waitFor(async () => (await workbench.text('.monaco-hover:visible')).includes('Reply 2/2'), 'hover content rendered');
    await workbench.screenshot('labeled-file-hover');
    await workbench.press('Escape');
  });
});
