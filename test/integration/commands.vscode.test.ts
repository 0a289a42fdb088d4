// The ways a user starts a run besides the palette: the Explorer context menu and the workspace file picker.
import * as assert from 'node:assert/strict';
import { copyFileSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { COMMAND_IDS } from '../../src/vscode/commandIds';
import type { LabelRunOutcome } from '../../src/vscode/runs/labelRun';
import { hasBridge, workbench } from './bridge';
import { setUserSetting, sidecarRecords, testApi, waitFor, workspaceUri } from './helpers';

const PICKER = '.quick-input-widget';

describe('starting runs from the Explorer and the file picker', function () {
  this.timeout(60_000);

  before(async function () {
    if (!hasBridge()) this.skip(); // menus and pickers are driven through the browser
    const api = await testApi();
    await setUserSetting('endpoint.baseUrl', undefined);
    await waitFor(() => api.settings().endpointBaseUrl === '', 'no endpoint configured');
    copyFileSync(workspaceUri('data/chat.jsonl').fsPath, workspaceUri('data/explorer.jsonl').fsPath);
    copyFileSync(workspaceUri('data/chat.jsonl').fsPath, workspaceUri('data/picked.jsonl').fsPath);
  });

  after(async () => {
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  it('labels a dataset from its Explorer context menu', async () => {
    const uri = workspaceUri('data/explorer.jsonl');
    await vscode.commands.executeCommand('revealInExplorer', uri);
    const row = '.explorer-folders-view .monaco-list-row[aria-label*="explorer.jsonl"]';
    await workbench.waitFor(row);
    await workbench.rightClick(row);
    const item = '.context-view .action-item:has-text("Label Current File")';
    await workbench.waitFor(item);
    assert.equal(await workbench.count('.context-view .action-item:has-text("Export Labels")'), 1);
    await workbench.screenshot('explorer-context-menu');
    await workbench.click(item);
    await waitFor(() => sidecarRecords(uri.fsPath).length === 3, 'the three samples of explorer.jsonl to be labeled');
  });

  it('offers no labeling entries in the context menu of other files', async () => {
    writeFileSync(workspaceUri('data/notes.md').fsPath, '# Notes\n');
    await vscode.commands.executeCommand('revealInExplorer', workspaceUri('data/notes.md'));
    const row = '.explorer-folders-view .monaco-list-row[aria-label*="notes.md"]';
    await workbench.waitFor(row);
    await workbench.rightClick(row);
    await workbench.waitFor('.context-view .action-item:has-text("Copy Path")');
    assert.equal(await workbench.count('.context-view .action-item:has-text("Label Current File")'), 0);
    await workbench.press('Escape');
  });

  it('"SFT: Label Workspace Files..." labels the datasets picked from the workspace\'s JSON/JSONL files', async () => {
    const run = vscode.commands.executeCommand<LabelRunOutcome[]>(COMMAND_IDS.labelWorkspaceFiles);
    await workbench.waitFor(`${PICKER} .monaco-list-row[aria-label*="picked.jsonl"]`);
    const listed = await workbench.text(`${PICKER} .quick-input-list`);
    assert.match(listed, /chat\.jsonl/);
    assert.ok(!listed.includes('labels.jsonl'), 'sidecar logs are offered as datasets');
    assert.ok(!listed.includes('settings.json'), '.vscode files are offered as datasets');
    await workbench.type(`${PICKER} input.input`, 'picked');
    // The header checkbox checks every item the filter leaves visible: here only picked.jsonl.
    await workbench.waitFor(`${PICKER} .monaco-list-row[aria-label*="chat.jsonl"]`, { state: 'hidden' });
    await workbench.click(`${PICKER} .monaco-checkbox >> nth=0`);
    await workbench.waitFor(`${PICKER} .monaco-list-row[aria-label*="picked.jsonl"][aria-checked="true"]`);
    await workbench.screenshot('label-workspace-files-picker');
    await workbench.press('Enter', { selector: `${PICKER} input.input` });
    const outcomes = (await run) ?? [];
    assert.deepEqual(outcomes.map((o) => o.file), [workspaceUri('data/picked.jsonl').fsPath]);
    assert.equal(outcomes[0]?.status, 'done');
    assert.equal(sidecarRecords(workspaceUri('data/picked.jsonl').fsPath).length, 3);
  });
});
