// The extension's runs (labeling, scoring, or both): one at a time, the rest queued, all cancellable from one place.
import * as vscode from 'vscode';
import { CONTEXT_KEYS } from '../constants';
import { executeRun } from './executeRun';
import type { RunDeps } from './labelRun';
import type { RunJob, RunOutcome } from './runJob';
import { RunQueue } from './runQueue';

/** What `start` answers: whether a new run was queued, and the (possibly already queued) run's outcome. */
export interface StartedRun {
  accepted: boolean;
  outcome: Promise<RunOutcome>;
}

/** Queues runs by file, keeps the `sftLabeler.running` context key current, cancels on request. */
export class RunManager implements vscode.Disposable {
  private readonly queue = new RunQueue<RunOutcome>();
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

  /**
   * Queues a run of `job.file`, unless that file is already running or waiting (whatever its passes: one
   * run per file, so labels and scores of a file are never written by two runs at once).
   */
  start(job: RunJob): StartedRun {
    const deps: RunDeps = { ...this.deps, waiting: () => this.queue.waitingKeys.length };
    const { accepted, result } = this.queue.enqueue(job.file, (signal) => executeRun(job, signal, deps));
    if (!accepted) this.deps.log.info(`${job.file} is already being labeled or scored, or waiting; not queued twice.`);
    const outcome = result.then((value): RunOutcome => {
      if (value) return value;
      const cancelled: RunOutcome = { file: job.file, pass: job.pass, status: 'cancelled', reason: 'Cancelled before it started' };
      if (job.pass !== 'score') cancelled.labeler = job.label.labeler.kind;
      return cancelled;
    });
    return { accepted, outcome };
  }

  /** Cancels the run of `file`, or every run. Returns how many were cancelled. */
  cancel(file?: string): number {
    const count = this.queue.cancel(file);
    if (count > 0) this.deps.log.info(`Cancelled ${count} run(s)${file ? ` of ${file}` : ''}`);
    return count;
  }

  /** Whether `file` is being labeled or scored, or waits to be. */
  isBusy(file: string): boolean {
    return this.queue.isBusy(file);
  }

  /** The file labeled or scored now. */
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
