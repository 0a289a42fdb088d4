/** How a run's progress reads in a notification, the status bar and the log. Pure text, no Markdown. */
import type { RunProgress } from '../run/progress';
import { formatCount, formatDuration } from './labelSections';

/** `12.3` samples per second, with one decimal below 100. */
export function formatRate(perSecond: number): string {
  return perSecond >= 100 ? formatCount(perSecond) : perSecond.toFixed(1);
}

/** The progress notification's message: `12/40 · 3.2 samples/s · 1 failed · 5 already labeled · about 9 s left`. */
export function runProgressMessage(p: RunProgress): string {
  if (p.phase === 'indexing') return 'Counting samples…';
  const parts = [`${formatCount(p.done)}/${formatCount(p.pending)}`];
  if (p.samplesPerSecond > 0) parts.push(`${formatRate(p.samplesPerSecond)} samples/s`);
  if (p.failed > 0) parts.push(`${formatCount(p.failed)} failed`);
  if (p.skipped > 0) parts.push(`${formatCount(p.skipped)} already labeled`);
  if (p.etaSeconds !== undefined && p.phase === 'labeling' && p.done < p.pending) parts.push(`about ${formatDuration(p.etaSeconds * 1000)} left`);
  return parts.join(' · ');
}

/** The status bar's short text: `12/40 · 3.2/s · 1 failed`. */
export function runStatusText(p: RunProgress): string {
  if (p.phase === 'indexing') return 'counting samples';
  const parts = [`${formatCount(p.done)}/${formatCount(p.pending)}`];
  if (p.samplesPerSecond > 0) parts.push(`${formatRate(p.samplesPerSecond)}/s`);
  if (p.failed > 0) parts.push(`${formatCount(p.failed)} failed`);
  return parts.join(' · ');
}

/** Samples of the file that hold a usable label after the run. */
export function labeledAfterRun(p: RunProgress): number {
  return p.skipped + p.done - p.failed - p.partial;
}

/** One sentence for the end of a run: `3 labeled, 1 failed, 2 already labeled (40 samples, 4.1 s)`. */
export function runSummary(p: RunProgress): string {
  const parts = [`${formatCount(p.done - p.failed - p.partial)} labeled`];
  if (p.partial > 0) parts.push(`${formatCount(p.partial)} partial`);
  parts.push(`${formatCount(p.failed)} failed`);
  if (p.skipped > 0) parts.push(`${formatCount(p.skipped)} already labeled`);
  return `${parts.join(', ')} (${formatCount(p.total)} samples, ${formatDuration(p.elapsedSeconds * 1000)})`;
}
