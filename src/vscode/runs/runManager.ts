// The extension's labeling runs: one at a time, the rest queued, all cancellable from one place.
import * as vscode from 'vscode';
import { CONTEXT_KEYS } from '../constants';
import { executeLabelRun, type LabelJob, type LabelRunOutcome, type RunDeps } from './labelRun';
import { RunQueue } from './runQueue';

/** What `start` answers: whether a new run was queued, and the (possibly already queued) run's outcome. */
export interface StartedRun {
  accepted: boolean;
  outcome: Promise<LabelRunOutcome>;
}

/** Queues runs by file, keeps the `sftLabeler.running` context key current, cancels on request. */
export class RunManager implements vscode.Disposable {
  private readonly queue = new RunQueue<LabelRunOutcome>();
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Fires when a run is queued, starts, ends or is cancelled. */
  readonly onDidChange = this.emitter.event;
  private readonly unsubscribe: () => void;

  constructor(private readonly deps: Omit<RunDeps, 'waiting'>) {
    this.unsubscribe = this.queue.onDidChange(() => {
      void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.running, this.queue.size > 0);
      this.emitter.fire();
    });
  }

  /** Queues a run of `job.file`, unless that file is already running or waiting. */
  start(job: LabelJob): StartedRun {
    const deps: RunDeps = { ...this.deps, waiting: () => this.queue.waitingKeys.length };
    const { accepted, result } = this.queue.enqueue(job.file, (signal) => executeLabelRun(job, signal, deps));
    if (!accepted) this.deps.log.info(`${job.file} is already being labeled or waiting; not queued twice.`);
    const outcome = result.then(
      (value): LabelRunOutcome =>
        value ?? { file: job.file, status: 'cancelled', reason: 'Cancelled before it started', labeler: job.labeler.kind },
    );
    return { accepted, outcome };
  }

  /** Cancels the run of `file`, or every run. Returns how many were cancelled. */
  cancel(file?: string): number {
    const count = this.queue.cancel(file);
    if (count > 0) this.deps.log.info(`Cancelled ${count} run(s)${file ? ` of ${file}` : ''}`);
    return count;
  }

  /** Whether `file` is being labeled or waits to be. */
  isBusy(file: string): boolean {
    return this.queue.isBusy(file);
  }

  /** The file labeled now. */
  get activeFile(): string | undefined {
    return this.queue.activeKey;
  }

  /** Files waiting, in order. */
  get waitingFiles(): string[] {
    return this.queue.waitingKeys;
  }

  dispose(): void {
    this.cancel();
    this.unsubscribe();
    this.emitter.dispose();
  }
}
