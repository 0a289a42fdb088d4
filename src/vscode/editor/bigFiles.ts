// Datasets over VS Code's 50 MB extension limit: labeled from disk, but never visible to the CodeLens and
// hover providers. The user hears that once per file and session, not on every run.
import { promises as fs } from 'node:fs';
import { basename } from 'node:path';
import * as vscode from 'vscode';
import { editorLargeFileOptimizations } from '../config';
import { datasetPathOf, EXTENSION_SYNC_LIMIT_BYTES } from '../util/datasetUris';

/**
 * Above these, VS Code treats a model as too large for tokenization and its CodeLens controller shows
 * nothing (while `editor.largeFileOptimizations` is on); hovers still work.
 */
const LENS_LIMIT_CHARS = 20 * 1024 * 1024;
const LENS_LIMIT_LINES = 300_000;

/** Whether VS Code will hide CodeLens on `document`. */
export function lensesHiddenByEditor(document: vscode.TextDocument): boolean {
  if (document.lineCount > LENS_LIMIT_LINES) return true;
  return document.offsetAt(document.lineAt(document.lineCount - 1).range.end) > LENS_LIMIT_CHARS;
}

/** The one-time notice for a labeled file between 20 and 50 MB. */
export function hiddenLensesMessage(file: string): string {
  return (
    `SFT: VS Code shows no CodeLens on files over 20 MB such as ${basename(file)}, so its labels are not shown above ` +
    'the conversations; hovering a conversation still shows them. Turn off "editor.largeFileOptimizations" to see the lenses.'
  );
}

/** The one-time notice for a file. */
export function bigFileMessage(file: string): string {
  return (
    `SFT: ${basename(file)} is larger than 50 MB, and VS Code does not pass files that big to extensions, ` +
    'so its labels cannot be shown inline (no CodeLens or hovers). Labeling still works from disk; ' +
    '"SFT: Export Labels" writes the results next to it.'
  );
}

/** Tells the user, once per file and session, that a dataset is too large for inline annotations. */
export class BigFileNotice implements vscode.Disposable {
  private readonly told = new Set<string>();
  private readonly toldHiddenLenses = new Set<string>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly log: vscode.LogOutputChannel) {}

  /** Also tells it when such a file is opened in an editor tab (it then has no TextDocument). */
  watchTabs(): vscode.Disposable {
    this.subscriptions.push(
      vscode.window.tabGroups.onDidChangeTabs((event) => {
        for (const tab of event.opened) {
          if (!(tab.input instanceof vscode.TabInputText)) continue;
          const file = datasetPathOf(tab.input.uri);
          if (file) void this.tellOnce(file);
        }
      }),
    );
    return this;
  }

  /** Files the notice was shown for in this session. */
  get toldFiles(): readonly string[] {
    return [...this.told];
  }

  /** Whether `file` is beyond what VS Code hands to extensions. */
  async isTooBig(file: string): Promise<boolean> {
    try {
      return (await fs.stat(file)).size > EXTENSION_SYNC_LIMIT_BYTES;
    } catch {
      return false;
    }
  }

  /**
   * Shows the notice when `file` is too big and it was not shown for it yet in this session.
   * @returns whether it was shown now
   */
  async tellOnce(file: string): Promise<boolean> {
    if (this.told.has(file) || !(await this.isTooBig(file))) return false;
    if (this.told.has(file)) return false; // another caller got there while we were reading its size
    this.told.add(file);
    this.log.info(`${file} is over 50 MB: labels are read and written from disk, without inline annotations.`);
    void vscode.window.showInformationMessage(bigFileMessage(file));
    return true;
  }

  /** Files the hidden-lenses notice was shown for in this session. */
  get toldHiddenLensFiles(): readonly string[] {
    return [...this.toldHiddenLenses];
  }

  /**
   * Tells the user, once per file and session, that VS Code hides the lenses of this labeled document.
   * @returns whether it was shown now
   */
  tellLensesHiddenOnce(document: vscode.TextDocument, file: string): boolean {
    if (this.toldHiddenLenses.has(file) || !editorLargeFileOptimizations(document) || !lensesHiddenByEditor(document)) return false;
    this.toldHiddenLenses.add(file);
    this.log.info(`${file} is over 20 MB: VS Code hides its CodeLens while editor.largeFileOptimizations is on; hovers still work.`);
    void vscode.window.showInformationMessage(hiddenLensesMessage(file), 'Open Setting').then((choice) => {
      if (choice === 'Open Setting') void vscode.commands.executeCommand('workbench.action.openSettings', 'editor.largeFileOptimizations');
    });
    return true;
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }
}
