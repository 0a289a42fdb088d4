// The extension's one status bar item: hidden until a labeling run starts, then shows its progress.
import * as vscode from 'vscode';
import { COMMAND_IDS } from './commandIds';
import { STATUS_BAR_ITEM_ID } from './constants';

/** Owner of the status bar item; runs report through it instead of creating items of their own. */
export class RunStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;

  constructor() {
    this.item = vscode.window.createStatusBarItem(STATUS_BAR_ITEM_ID, vscode.StatusBarAlignment.Left, 0);
    this.item.name = 'SFT Labeler';
    this.item.command = COMMAND_IDS.showOutput;
  }

  /** Shows a spinning item, e.g. `showRunning('1,240/10,000 labeled', 'Labeling data.jsonl')`. */
  showRunning(text: string, tooltip: string): void {
    this.item.text = `$(sync~spin) SFT: ${text}`;
    this.item.tooltip = tooltip;
    this.item.show();
  }

  /** Shows the outcome of the last run until the next one starts or `hide()` is called. */
  showFinished(text: string, tooltip: string): void {
    this.item.text = `$(check) SFT: ${text}`;
    this.item.tooltip = tooltip;
    this.item.show();
  }

  hide(): void {
    this.item.hide();
  }

  dispose(): void {
    this.item.dispose();
  }
}
