// How a scoring run's progress reads in the notification, the status bar and the log. Pure text and free
// of the `vscode` module (unit-tested in plain Node); the labeling wording lives in core/views/progressText.
import type { RunProgress } from '../../core/run/progress';
import { formatCount, formatDuration } from '../../core/views/labelSections';
import { formatRate } from '../../core/views/progressText';

/** The notification's message: `12/40 scored · 3.2 samples/s · 1 failed · 5 already scored · about 9 s left`. */
export function scoreProgressMessage(p: RunProgress): string {
  if (p.phase === 'indexing') return 'Counting labeled samples and building the rarity baseline…';
  const parts = [`${formatCount(p.done)}/${formatCount(p.pending)} scored`];
  if (p.samplesPerSecond > 0) parts.push(`${formatRate(p.samplesPerSecond)} samples/s`);
  if (p.failed > 0) parts.push(`${formatCount(p.failed)} failed`);
  if (p.skipped > 0) parts.push(`${formatCount(p.skipped)} already scored`);
  if (p.etaSeconds !== undefined && p.phase === 'scoring' && p.done < p.pending) parts.push(`about ${formatDuration(p.etaSeconds * 1000)} left`);
  return parts.join(' · ');
}

/** The status bar's short text: `scoring 12/40 · 3.2/s · 1 failed`. */
export function scoreStatusText(p: RunProgress): string {
  if (p.phase === 'indexing') return 'scoring: counting samples';
  const parts = [`scoring ${formatCount(p.done)}/${formatCount(p.pending)}`];
  if (p.samplesPerSecond > 0) parts.push(`${formatRate(p.samplesPerSecond)}/s`);
  if (p.failed > 0) parts.push(`${formatCount(p.failed)} failed`);
  return parts.join(' · ');
}

/** Samples of the file holding a score after the run. */
export function scoredAfterRun(p: RunProgress): number {
  return p.skipped + p.done - p.failed;
}

/**
 * One sentence for the end of a run: `3 scored, 1 failed, 2 already scored, 4 without labels (10 samples, 4.1 s)`.
 * @param unlabeled samples that were not scored because they have no usable labels
 */
export function scoreSummary(p: RunProgress, unlabeled: number): string {
  const parts = [`${formatCount(p.done - p.failed)} scored`, `${formatCount(p.failed)} failed`];
  if (p.skipped > 0) parts.push(`${formatCount(p.skipped)} already scored`);
  if (unlabeled > 0) parts.push(`${formatCount(unlabeled)} without labels`);
  return `${parts.join(', ')} (${formatCount(p.total)} samples, ${formatDuration(p.elapsedSeconds * 1000)})`;
}
