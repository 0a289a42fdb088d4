// Taxonomy files are checked as you type: diagnostics at exact ranges, quick fixes for obvious corrections,
// and "SFT: Validate Taxonomy" for the taxonomy in use.
import * as assert from 'node:assert/strict';
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { COMMAND_IDS } from '../../src/vscode/commandIds';
import type { TaxonomyValidationSummary } from '../../src/vscode/taxonomy/taxonomyDiagnostics';
import { hasBridge, workbench } from './bridge';
import { extension, testApi, waitFor, workspaceUri } from './helpers';

const FOLDER = 'custom-taxonomy';

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'sft');
}

/** Replaces the first occurrence of `from` on `line` with `to`; returns the column where it starts. */
async function replaceOnLine(document: vscode.TextDocument, line: number, from: string, to: string): Promise<number> {
  const column = document.lineAt(line).text.indexOf(from);
  assert.ok(column >= 0, `"${from}" is not on line ${line + 1}`);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(line, column, line, column + from.length), to);
  assert.ok(await vscode.workspace.applyEdit(edit));
  return column;
}

describe('taxonomy diagnostics', function () {
  this.timeout(60_000);
  const tagFile = () => workspaceUri(`${FOLDER}/tags/intent.yaml`);

  before(async () => {
    // No taxonomy.yaml existed when the workspace opened, so nothing activated the extension yet.
    await testApi();
    cpSync(join(extension().extensionPath, 'test', 'fixtures', 'taxonomies', 'folder'), workspaceUri(FOLDER).fsPath, { recursive: true });
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.getConfiguration('sftLabeler').update('taxonomyPath', undefined, vscode.ConfigurationTarget.Workspace);
    rmSync(workspaceUri(FOLDER).fsPath, { recursive: true, force: true });
  });

  it('reports a problem while typing, at the exact range, with its code and source "sft"', async () => {
    const document = await vscode.workspace.openTextDocument(tagFile());
    await vscode.window.showTextDocument(document);
    assert.deepEqual(ours(tagFile()), [], 'the fixture taxonomy should be clean');
    const column = await replaceOnLine(document, 3, 'write', 'Write_Code');
    const [diagnostic] = await waitFor(() => (ours(tagFile()).length > 0 ? ours(tagFile()) : undefined), 'a diagnostic for the bad id');
    assert.equal(diagnostic!.code, 'taxonomy/not-kebab-case');
    assert.equal(diagnostic!.severity, vscode.DiagnosticSeverity.Error);
    assert.ok(diagnostic!.range.isEqual(new vscode.Range(3, column, 3, column + 'Write_Code'.length)), `range ${JSON.stringify(diagnostic!.range)}`);
    assert.match(diagnostic!.message, /Write_Code.*kebab-case/);
  });

  it('offers the obvious correction as a quick fix, which clears the problem', async () => {
    const [diagnostic] = ours(tagFile());
    assert.ok(diagnostic);
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', tagFile(), diagnostic.range)) ?? [];
    const fix = actions.find((a) => a.title === "Rename to 'write-code'");
    assert.ok(fix?.edit, `no quick fix among ${actions.map((a) => a.title).join(', ')}`);
    assert.equal(fix.isPreferred, true);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    const document = await vscode.workspace.openTextDocument(tagFile());
    assert.match(document.lineAt(3).text, /id: write-code,/);
    await waitFor(() => ours(tagFile()).length === 0, 'the diagnostic to clear');
  });

  it('reports problems that involve another file of the taxonomy, and YAML syntax errors', async () => {
    const document = await vscode.workspace.openTextDocument(tagFile());
    await replaceOnLine(document, 0, 'category: intent', 'category: intnet');
    const unknown = await waitFor(() => ours(tagFile()).find((d) => d.code === 'taxonomy/unknown-category'), 'the unknown category');
    assert.equal(unknown.range.start.line, 0);
    await replaceOnLine(document, 2, '{ id: explain,', '{ id: explain');
    const syntax = await waitFor(() => ours(tagFile()).find((d) => d.code === 'taxonomy/yaml-syntax'), 'the YAML syntax error');
    assert.ok(syntax.range.start.line >= 2, `syntax error reported on line ${syntax.range.start.line + 1}`);
  });

  it('clears the file\'s diagnostics when it is closed', async () => {
    await vscode.window.showTextDocument(tagFile());
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitFor(() => ours(tagFile()).length === 0, 'diagnostics to clear on close', 20_000);
  });

  it('"SFT: Validate Taxonomy" checks the taxonomy in use, reports, and opens the Problems panel', async () => {
    const api = await testApi();
    const bundled = await vscode.commands.executeCommand<TaxonomyValidationSummary>(COMMAND_IDS.validateTaxonomy);
    assert.equal(bundled?.bundled, true);
    assert.equal(bundled?.errors, 0);
    assert.equal(bundled?.files.length, 10, 'taxonomy.yaml and nine tag files');

    const taskFile = workspaceUri(`${FOLDER}/tags/task.yaml`);
    writeFileSync(taskFile.fsPath, 'category: task\ntags:\n  - { id: Porting_Task, name: Porting }\n');
    await vscode.workspace.getConfiguration('sftLabeler').update('taxonomyPath', FOLDER, vscode.ConfigurationTarget.Workspace);
    await waitFor(() => api.settings().taxonomyPath === FOLDER, 'the taxonomy path setting');
    const custom = await vscode.commands.executeCommand<TaxonomyValidationSummary>(COMMAND_IDS.validateTaxonomy);
    assert.equal(custom?.bundled, false);
    assert.equal(custom?.errors, 1, custom?.problems.map((p) => `${p.code}: ${p.message}`).join('\n'));
    const [diagnostic] = ours(taskFile);
    assert.equal(diagnostic?.code, 'taxonomy/not-kebab-case');
    assert.equal(diagnostic?.range.start.line, 2);
    const inUse = await api.services.taxonomy.current();
    assert.equal(inUse.taxonomy, undefined, 'a taxonomy with errors must not be used for labeling');

    if (hasBridge()) {
      const row = '.markers-panel .monaco-list-row[aria-label*="Porting_Task"]';
      await workbench.waitFor(row);
      const panel = await workbench.text('.markers-panel');
      assert.match(panel, /\bsft\b/);
      assert.match(panel, /taxonomy\/not-kebab-case/);
      await workbench.screenshot('taxonomy-problems-panel');
    }
    await vscode.commands.executeCommand('workbench.action.closePanel');
  });
});
