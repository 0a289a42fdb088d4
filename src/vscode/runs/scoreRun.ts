// One Pass 2 run as the user sees it: a cancellable progress notification, the status bar, the log. Like
// labeling, scoring reads the file from disk and appends each score to the sidecar as soon as it exists.
import { basename } from 'node:path';
import * as vscode from 'vscode';
import { formatIssue } from '../../core/dataset/read';
import type { ScoreRecord } from '../../core/model/records';
import type { RunProgress } from '../../core/run/progress';
import { scoreFile } from '../../core/run/scoreFile';
import { DEFAULT_SCORE_OPTIONS } from '../../core/scoring/types';
import { COMMAND_IDS } from '../commandIds';
import { underRunNotification } from './runNotification';
import type { RunDeps } from './labelRun';
import type { ScoreJob, ScoreRunOutcome } from './runJob';
import { scoredAfterRun, scoreProgressMessage, scoreStatusText, scoreSummary } from './scoreProgressText';

/** The message for a file with nothing labeled; the integration suite looks for its wording. */
export function nothingLabeledMessage(name: string): string {
  return `SFT: ${name} has no labels yet, so there is nothing to score. Label it first (Pass 1), then score it.`;
}

/** The notice for scoring without an endpoint; the integration suite looks for its wording. */
export const SCORING_NEEDS_ENDPOINT =
  'SFT: scoring needs an LLM endpoint, and none is configured. The built-in heuristic labeler can label offline, ' +
  'but it cannot judge complexity, quality or reasoning. Configure an OpenAI-compatible endpoint to score.';

/** Says that scoring needs an endpoint, with a button to configure one; never awaited. */
export function showScoringNeedsEndpoint(): void {
  void vscode.window.showWarningMessage(SCORING_NEEDS_ENDPOINT, 'Configure Endpoint').then((choice) => {
    if (choice === 'Configure Endpoint') void vscode.commands.executeCommand('workbench.action.openSettings', 'sftLabeler.endpoint');
  });
}

function recordLine(file: string, record: ScoreRecord): string {
  const why = record.failure ? `(${record.failure.code}): ${record.failure.message}` : '';
  return `${file}:${record.locator.line}: ${record.locator.displayId} score ${record.status} ${why}`;
}

/** Offers to label first when samples had no labels; never awaited. */
function offerLabeling(file: string, message: string, show: typeof vscode.window.showWarningMessage): void {
  void show(message, 'Label and Score').then((choice) => {
    if (choice === 'Label and Score') void vscode.commands.executeCommand(COMMAND_IDS.labelAndScoreFile, vscode.Uri.file(file));
  });
}

/** Shows how the run ended once the notification is gone; never awaited (the user may leave it open). */
function announce(file: string, outcome: ScoreRunOutcome, log: vscode.LogOutputChannel, fatal: boolean): void {
  const name = basename(file);
  const p = outcome.progress;
  const withLogs = (shown: Thenable<string | undefined>) =>
    void shown.then((choice) => {
      if (choice === 'Show Logs') log.show(true);
      if (choice === 'Set API Key') void vscode.commands.executeCommand(COMMAND_IDS.setApiKey);
    });
  if (outcome.status === 'done' && p && p.total > 0 && outcome.unlabeled === p.total) {
    offerLabeling(file, nothingLabeledMessage(name), vscode.window.showWarningMessage);
    return;
  }
  switch (outcome.status) {
    case 'done':
      if (!p) return;
      if (outcome.unlabeled > 0) {
        offerLabeling(file, `SFT: ${name}: ${scoreSummary(p, outcome.unlabeled)}. Samples without labels were not scored.`, vscode.window.showWarningMessage);
      } else if (p.failed > 0) {
        withLogs(vscode.window.showWarningMessage(`SFT: ${name}: ${scoreSummary(p, 0)}. Hover a conversation to see why its score failed.`, 'Show Logs'));
      } else {
        void vscode.window.showInformationMessage(`SFT: ${name}: ${scoreSummary(p, 0)}.`);
      }
      return;
    case 'cancelled':
      void vscode.window.showInformationMessage(
        `SFT: scoring ${name} was cancelled; ${p ? scoredAfterRun(p).toLocaleString('en-US') : 'the'} finished scores are kept. Score it again to continue.`,
      );
      return;
    case 'aborted':
    case 'failed':
      withLogs(vscode.window.showErrorMessage(`SFT: scoring ${name} stopped: ${outcome.reason ?? 'unknown error'}`, 'Show Logs', ...(fatal ? ['Set API Key'] : [])));
  }
}

/** Scores `job.file` under a progress notification; `signal` is the run manager's cancel. Never throws. */
export function executeScoreRun(job: ScoreJob, signal: AbortSignal, deps: RunDeps): Promise<ScoreRunOutcome> {
  const name = basename(job.file);
  const wording = {
    busyPhase: 'scoring' as const,
    message: scoreProgressMessage,
    status: scoreStatusText,
    tooltip: (p: RunProgress) => `Scoring ${job.file} with ${job.scorerName}\n${scoreProgressMessage(p)}\nClick to show the log.`,
  };
  return underRunNotification(`SFT: scoring ${name}`, signal, deps, wording, async (runSignal, show) => {
    deps.log.info(`Scoring ${job.file} with ${job.scorerName} (concurrency ${job.concurrency})`);
    deps.statusBar.showRunning(`scoring ${name}`, `Scoring ${job.file}`);
    let outcome: ScoreRunOutcome;
    let fatal = false;
    try {
      const result = await scoreFile({
        file: job.file,
        client: job.client,
        options: { ...DEFAULT_SCORE_OPTIONS },
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
      outcome = { status: result.status, progress: result.progress, unlabeled: result.unlabeled };
      if (result.reason) outcome.reason = result.reason;
      deps.log.info(
        `${job.file}: scoring ${result.status}: ${scoreSummary(result.progress, result.unlabeled)}; rarity baseline ${result.baseline.source}` +
          `${result.reason ? `; ${result.reason}` : ''}`,
      );
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      deps.log.error(`Scoring ${job.file} failed`, err);
      outcome = { status: 'failed', reason, unlabeled: 0 };
    }
    await deps.labels.refreshNow(job.file);
    const p = outcome.progress;
    const total = p ? `${scoredAfterRun(p).toLocaleString('en-US')}/${p.total.toLocaleString('en-US')} scored` : 'scoring stopped';
    const summary = p ? `${name}: ${scoreSummary(p, outcome.unlabeled)}` : `${name}: ${outcome.reason ?? outcome.status}`;
    deps.statusBar.showFinished(outcome.status === 'done' ? total : `${total} (${outcome.status})`, `${summary}\nClick to show the log.`);
    announce(job.file, outcome, deps.log, fatal);
    return outcome;
  });
}
