// Activation and the command surface. Runs first among the trusted suites (files load in name order), so the
// extension is still inactive when it starts.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { COMMAND_IDS } from '../../src/vscode/commandIds';
import { EXTENSION_ID, STATUS_BAR_ITEM_ID } from '../../src/vscode/constants';
import { hasBridge, workbench } from './bridge';
import { extension, testApi, waitFor, workspaceUri } from './helpers';

describe('activation', () => {
  it('stays inactive until a dataset is opened, then activates on the .jsonl file', async () => {
    assert.equal(extension().isActive, false, 'activated before any activation event');
    const document = await vscode.workspace.openTextDocument(workspaceUri('data/chat.jsonl'));
    await vscode.window.showTextDocument(document);
    assert.equal(document.languageId, 'jsonl');
    await waitFor(() => extension().isActive, 'extension to activate after opening chat.jsonl');
  });

  it('hands tests its API in test mode', async () => {
    const api = await testApi();
    assert.equal(api.services.context.extensionMode, vscode.ExtensionMode.Test);
  });

  it('registers every command the manifest contributes, and no others', async () => {
    const contributed = (extension().packageJSON.contributes.commands as { command: string }[]).map((c) => c.command).sort();
    const registered = (await vscode.commands.getCommands(true)).filter((id) => id.startsWith('sftLabeler.')).sort();
    assert.deepEqual(registered, contributed);
    assert.deepEqual(contributed, Object.values(COMMAND_IDS).sort());
  });

  it('renders the dataset in the workbench, with no status bar item before a run', async function () {
    if (!hasBridge()) this.skip();
    await workbench.waitFor('.monaco-editor .view-lines');
    const text = await waitFor(async () => {
      const shown = await workbench.text('.monaco-editor .view-lines');
      return shown.includes('palindrome') ? shown : undefined;
    }, 'chat.jsonl text in the editor');
    assert.match(text, /conversations/);
    assert.equal(await workbench.count(`[id="${EXTENSION_ID}.${STATUS_BAR_ITEM_ID}"]`), 0);
    await workbench.screenshot('workbench-jsonl');
  });

  it('shows its log in the output panel with "SFT: Show Labels Output"', async function () {
    if (!hasBridge()) this.skip();
    await vscode.commands.executeCommand(COMMAND_IDS.showOutput);
    await waitFor(async () => (await workbench.text('.part.panel')).includes('SFT Labeler'), 'output panel showing the SFT Labeler channel');
    await waitFor(async () => (await workbench.text('.part.panel .view-lines')).includes('activated'), 'activation line in the output');
    await workbench.screenshot('output-channel');
    await vscode.commands.executeCommand('workbench.action.closePanel');
  });
});
