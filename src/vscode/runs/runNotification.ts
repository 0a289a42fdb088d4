// The visible part every run shares: a cancellable progress notification and the status bar, both fed
// from the core's progress events (throttled), with the user's Cancel and the run manager's bridged into
// one AbortSignal.
import * as vscode from 'vscode';
import type { RunProgress } from '../../core/run/progress';
import type { RunStatusBar } from '../statusBar';
import { toAbortSignal } from '../util/toAbortSignal';

/** Progress notifications are updated at most this often. */
const REPORT_INTERVAL_MS = 150;

/** How a kind of run words its progress. */
export interface ProgressWording {
  /** The phase during which updates are throttled (`labeling`, `scoring`). */
  busyPhase: RunProgress['phase'];
  message(p: RunProgress): string;
  status(p: RunProgress): string;
  tooltip(p: RunProgress): string;
}

export interface RunNotificationDeps {
  statusBar: RunStatusBar;
  /** Runs waiting behind this one, for the status bar. */
  waiting: () => number;
}

/** Runs `body` under a cancellable notification titled `title`; `body` gets the run's signal and a progress sink. */
export function underRunNotification<T>(
  title: string,
  signal: AbortSignal,
  deps: RunNotificationDeps,
  wording: ProgressWording,
  body: (runSignal: AbortSignal, show: (p: RunProgress) => void) => Promise<T>,
): Promise<T> {
  const options = { location: vscode.ProgressLocation.Notification, title, cancellable: true };
  return Promise.resolve(
    vscode.window.withProgress(options, (notification, token) => {
      const runSignal = AbortSignal.any([signal, toAbortSignal(token)]);
      let lastReport = 0;
      let reportedPercent = 0;
      const show = (p: RunProgress) => {
        const now = performance.now();
        if (p.phase === wording.busyPhase && now - lastReport < REPORT_INTERVAL_MS && p.done < p.pending) return;
        lastReport = now;
        const percent = p.pending > 0 ? (100 * p.done) / p.pending : 0;
        notification.report({ message: wording.message(p), increment: percent - reportedPercent });
        reportedPercent = percent;
        const waiting = deps.waiting();
        deps.statusBar.showRunning(`${wording.status(p)}${waiting > 0 ? ` (+${waiting} queued)` : ''}`, wording.tooltip(p));
      };
      return body(runSignal, show);
    }),
  );
}
