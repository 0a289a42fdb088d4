// One labeling run as the user sees it: a cancellable progress notification, the status bar, the log.
// The core reads the file from disk, so edits to (or closing) its editor during the run lose nothing.
import { basename } from 'node:path';
import * as vscode from 'vscode';
import { formatIssue } from '../../core/dataset/read';
import type { LabelerKind, LabelRecord } from '../../core/model/records';
import { labelFile, type Labeler, type LabelFileResult } from '../../core/run/labelFile';
import type { RunProgress } from '../../core/run/progress';
import type { Taxonomy } from '../../core/taxonomy/types';
import { labeledAfterRun, runProgressMessage, runStatusText, runSummary } from '../../core/views/progressText';
import { COMMAND_IDS } from '../commandIds';
import type { LabelStore } from '../editor/labelStore';
import type { RunStatusBar } from '../statusBar';
import { underRunNotification } from './runNotification';

/** Everything one run needs, decided before it is queued. */
export interface LabelJob {
  file: string;
  taxonomy: Taxonomy;
  labeler: Labeler;
  /** `test-model at http://127.0.0.1:4000`, or `the built-in heuristic labeler`. */
  labelerName: string;
  /** Samples labeled at once. */
  concurrency: number;
}

/** How a run ended; what the label commands return. */
export interface LabelRunOutcome {
  file: string;
  /** `failed`: the run could not start or broke (e.g. another process holds the file's labels). */
  status: LabelFileResult['status'] | 'failed';
  reason?: string;
  progress?: RunProgress;
  labeler: LabelerKind;
}

/** What a run reports through. */
export interface RunDeps {
  log: vscode.LogOutputChannel;
  statusBar: RunStatusBar;
  labels: LabelStore;
  /** Runs waiting behind this one, for the status bar. */
  waiting: () => number;
}

function recordLine(file: string, record: LabelRecord): string {
  const why = record.failure ? `(${record.failure.code}): ${record.failure.message}` : ': only the first labeling call succeeded';
  return `${file}:${record.locator.line}: ${record.locator.displayId} ${record.status} ${why}`;
}

/** Shows the outcome once the notification is gone; never awaited (the user may leave it open). */
function announce(outcome: LabelRunOutcome, log: vscode.LogOutputChannel, fatal: boolean, quietWhenDone: boolean): void {
  const name = basename(outcome.file);
  const p = outcome.progress;
  const withLogs = (shown: Thenable<string | undefined>) =>
    void shown.then((choice) => {
      if (choice === 'Show Logs') log.show(true);
      if (choice === 'Set API Key') void vscode.commands.executeCommand(COMMAND_IDS.setApiKey);
    });
  switch (outcome.status) {
    case 'done':
      if (p && p.failed > 0) withLogs(vscode.window.showWarningMessage(`SFT: ${name}: ${runSummary(p)}. Hover a failed conversation to see why.`, 'Show Logs'));
      else if (p && !quietWhenDone) void vscode.window.showInformationMessage(`SFT: ${name}: ${runSummary(p)}.`);
      return;
    case 'cancelled':
      void vscode.window.showInformationMessage(
        `SFT: labeling ${name} was cancelled; ${p ? labeledAfterRun(p).toLocaleString('en-US') : 'the'} labeled samples are kept. Label it again to continue.`,
      );
      return;
    case 'aborted':
    case 'failed':
      withLogs(vscode.window.showErrorMessage(`SFT: labeling ${name} stopped: ${outcome.reason ?? 'unknown error'}`, 'Show Logs', ...(fatal ? ['Set API Key'] : [])));
  }
}

/**
 * Runs `job` under a progress notification; `signal` is the run manager's cancel. Never throws.
 * @param quietWhenDone no "done" message for a clean run (scoring follows and reports the whole run)
 */
export function executeLabelRun(job: LabelJob, signal: AbortSignal, deps: RunDeps, quietWhenDone = false): Promise<LabelRunOutcome> {
  const name = basename(job.file);
  const title = job.labeler.kind === 'heuristic' ? `SFT: labeling ${name} with the heuristic labeler` : `SFT: labeling ${name}`;
  const wording = {
    busyPhase: 'labeling' as const,
    message: runProgressMessage,
    status: runStatusText,
    tooltip: (p: RunProgress) => `Labeling ${job.file} with ${job.labelerName}\n${runProgressMessage(p)}\nClick to show the log.`,
  };
  return underRunNotification(title, signal, deps, wording, async (runSignal, show) => {
    deps.log.info(`Labeling ${job.file} with ${job.labelerName} (taxonomy ${job.taxonomy.origin}, concurrency ${job.concurrency})`);
    deps.statusBar.showRunning(`starting ${name}`, `Labeling ${job.file}`);
    let outcome: LabelRunOutcome;
    let fatal = false;
    try {
      const result = await labelFile({
        file: job.file,
        taxonomy: job.taxonomy,
        labeler: job.labeler,
        concurrency: job.concurrency,
        signal: runSignal,
        onProgress: show,
        onIssue: (issue) => deps.log.warn(formatIssue(issue)),
        onRecord: (record) => {
          if (record.status !== 'success') deps.log.warn(recordLine(job.file, record));
          deps.labels.noteAppended(job.file);
        },
      });
      fatal = result.fatal;
      outcome = { file: job.file, status: result.status, progress: result.progress, labeler: job.labeler.kind };
      if (result.reason) outcome.reason = result.reason;
      deps.log.info(`${job.file}: ${result.status}: ${runSummary(result.progress)}${result.reason ? `; ${result.reason}` : ''}`);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      deps.log.error(`Labeling ${job.file} failed`, err);
      outcome = { file: job.file, status: 'failed', reason, labeler: job.labeler.kind };
    }
    await deps.labels.refreshNow(job.file);
    const p = outcome.progress;
    const total = p ? `${labeledAfterRun(p).toLocaleString('en-US')}/${p.total.toLocaleString('en-US')} labeled` : 'stopped';
    const summary = p ? `${name}: ${runSummary(p)}` : `${name}: ${outcome.reason ?? outcome.status}`;
    deps.statusBar.showFinished(outcome.status === 'done' ? total : `${total} (${outcome.status})`, `${summary}\nClick to show the log.`);
    announce(outcome, deps.log, fatal, quietWhenDone);
    return outcome;
  });
}
