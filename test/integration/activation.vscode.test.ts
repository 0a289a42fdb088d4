// Activation and the command surface.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { COMMAND_IDS } from '../../src/vscode/commandIds';
import { EXTENSION_ID, STATUS_BAR_ITEM_ID } from '../../src/vscode/constants';
import { hasBridge, workbench } from './bridge';
import { extension, testApi, waitFor, workspaceUri } from './helpers';

/** Opens the fixture dataset in an editor. */
async function openDataset(): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(workspaceUri('data/chat.jsonl'));
  await vscode.window.showTextDocument(document);
  return document;
}

describe('activation', () => {
  // Whether it was already active cannot be asserted: `onLanguage:json` also fires whenever the workbench
  // itself opens some JSON model at startup, which it does on some runs and not others.
  it('is active once a .jsonl dataset is open', async () => {
    const document = await openDataset();
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
    await openDataset();
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
