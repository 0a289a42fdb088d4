// The editor's read side of the label sidecars: one read-only view per dataset, refreshed when its log
// grows (a run in this window reports records; a CLI run shows up through the file watcher, or through a
// slow stat poll of the logs the editor shows when no file event comes).
import { unwatchFile, watchFile, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import * as vscode from 'vscode';
import { SIDECAR_DIR_NAME, sidecarPaths } from '../../core/store/paths';
import { FileLabels } from '../../core/views/fileLabels';

/** Refreshes of one file are spaced at least this far apart while records keep arriving. */
const REFRESH_INTERVAL_MS = 250;
/**
 * How often the log of a dataset the editor shows is checked (one stat) in case no file event reports a
 * write: datasets outside the workspace, or a write before VS Code's watcher has started.
 */
const POLL_INTERVAL_MS = 1500;

/** The dataset a sidecar log belongs to: `<dir>/.sft-labels/<name>/labels.jsonl` → `<dir>/<name>`. */
export function datasetOfLabelsFile(labelsFile: string): string | undefined {
  const sidecarDir = dirname(labelsFile);
  const hidden = dirname(sidecarDir);
  if (basename(hidden) !== SIDECAR_DIR_NAME) return undefined;
  return join(dirname(hidden), basename(sidecarDir));
}

/** Label views by dataset path, with change events the CodeLens provider and details view follow. */
export class LabelStore implements vscode.Disposable {
  private readonly files = new Map<string, Promise<FileLabels>>();
  private readonly polls = new Map<string, (current: Stats, previous: Stats) => void>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly emitter = new vscode.EventEmitter<string>();
  private readonly subscriptions: vscode.Disposable[] = [this.emitter];
  /** Fires with a dataset path whose labels changed. */
  readonly onDidChange = this.emitter.event;

  constructor(private readonly log: vscode.LogOutputChannel) {}

  /** Follows sidecar logs written by other processes (the CLI) in the workspace. */
  watch(): vscode.Disposable {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${SIDECAR_DIR_NAME}/*/labels.jsonl`);
    const onWrite = (uri: vscode.Uri) => {
      const dataset = datasetOfLabelsFile(uri.fsPath);
      if (dataset) this.noteAppended(dataset);
    };
    const onDelete = (uri: vscode.Uri) => {
      const dataset = datasetOfLabelsFile(uri.fsPath);
      if (dataset) void this.reset(dataset);
    };
    this.subscriptions.push(watcher, watcher.onDidCreate(onWrite), watcher.onDidChange(onWrite), watcher.onDidDelete(onDelete));
    return this;
  }

  /** The labels of `datasetFile` (opened on first use, followed until released). */
  forFile(datasetFile: string): Promise<FileLabels> {
    let labels = this.files.get(datasetFile);
    if (!labels) {
      labels = FileLabels.open(datasetFile);
      this.files.set(datasetFile, labels);
      // A failed open is not cached: the next request tries again.
      labels.catch(() => this.files.delete(datasetFile));
      this.poll(datasetFile);
    }
    return labels;
  }

  /** Follows the size and time of `datasetFile`'s log with a cheap stat poll (also before the log exists). */
  private poll(datasetFile: string): void {
    if (this.polls.has(datasetFile)) return;
    const listener = (current: Stats, previous: Stats) => {
      if (current.size === previous.size && current.mtimeMs === previous.mtimeMs) return;
      if (current.size < previous.size) void this.reset(datasetFile);
      else this.noteAppended(datasetFile);
    };
    this.polls.set(datasetFile, listener);
    watchFile(sidecarPaths(datasetFile).labels, { interval: POLL_INTERVAL_MS, persistent: false }, listener);
  }

  /** Records were appended to `datasetFile`'s log: refresh soon (coalescing bursts) and announce it. */
  noteAppended(datasetFile: string): void {
    if (!this.files.has(datasetFile) || this.timers.has(datasetFile)) return;
    this.timers.set(
      datasetFile,
      setTimeout(() => {
        this.timers.delete(datasetFile);
        void this.refreshNow(datasetFile);
      }, REFRESH_INTERVAL_MS),
    );
  }

  /** Reads what was appended to `datasetFile`'s log now, and announces it when something was. */
  async refreshNow(datasetFile: string): Promise<void> {
    const labels = this.files.get(datasetFile);
    if (!labels) return;
    try {
      if (await (await labels).refresh()) this.emitter.fire(datasetFile);
    } catch (err) {
      this.log.warn(`Could not read the labels of ${datasetFile}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /** Forgets `datasetFile`'s view (its log was deleted or replaced) and announces the change. */
  async reset(datasetFile: string): Promise<void> {
    await this.release(datasetFile);
    this.emitter.fire(datasetFile);
  }

  /** Closes `datasetFile`'s view and stops following it; the next `forFile` opens it again. */
  async release(datasetFile: string): Promise<void> {
    const labels = this.files.get(datasetFile);
    this.files.delete(datasetFile);
    const listener = this.polls.get(datasetFile);
    if (listener) unwatchFile(sidecarPaths(datasetFile).labels, listener);
    this.polls.delete(datasetFile);
    clearTimeout(this.timers.get(datasetFile));
    this.timers.delete(datasetFile);
    if (labels) await (await labels.catch(() => undefined))?.close();
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const file of [...this.files.keys()]) void this.release(file);
    for (const d of this.subscriptions) d.dispose();
  }
}
