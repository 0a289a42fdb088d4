import type { InputIssue } from '../model/conversation';
import { tagsOf } from '../model/labels';
import type { LabelRecord } from '../model/records';
import { valueText } from './labelSections';
import { oneLine } from './markdown';
import type { SampleView } from './sampleState';

/**
 * Text from outside (server error messages, dataset issues) made safe for a CodeLens title: one line,
 * bounded, and unable to smuggle in `$(icon)` syntax.
 */
export function lensText(text: string, max: number): string {
  return oneLine(text, max).replace(/\$\(/g, '$ (');
}

/** `build · intermediate · python / web-backend / feature-implementation` */
export function compactTags(record: LabelRecord): string {
  const l = record.labels;
  if (!l) return 'no labels';
  const head = [l.intent ?? '?', l.difficulty ?? '?'].join(' · ');
  const firsts = (['language', 'domain', 'task'] as const).map((d) => tagsOf(l, d)[0]).filter(Boolean);
  return firsts.length ? `${head} · ${firsts.join(' / ')}` : head;
}

/**
 * The CodeLens title of one conversation row. A multi-turn row shows its final reply's tags and how
 * many of its replies are labeled; the hover has the per-reply breakdown.
 */
export function rowLensTitle(samples: readonly SampleView[]): string {
  if (samples.length === 0) return '$(circle-slash) no assistant reply to label';
  const last = samples[samples.length - 1]!;
  const count = (s: SampleView['state']) => samples.filter((x) => x.state === s).length;
  const labeled = count('labeled') + count('outdated');
  const prefix = samples.length > 1 ? `${labeled}/${samples.length} replies · ` : '';
  const failed = samples.find((s) => s.state === 'failed');
  if (failed) {
    const reason = lensText(failed.record?.failure?.message ?? 'unknown error', 80);
    return `$(error) ${prefix}failed: ${reason}`;
  }
  if (samples.some((s) => s.state === 'stale')) return `$(warning) ${prefix}stale: edited since it was labeled`;
  if (last.state === 'not-labeled' || !last.record) return `$(circle-outline) ${prefix}not labeled`;
  const heuristic = last.record.labeler === 'heuristic' ? ' (heuristic)' : '';
  const outdated = last.state === 'outdated' ? ' (outdated taxonomy or prompts)' : '';
  const partial = last.state === 'partial' ? ' (partial)' : '';
  const value = valueText(last);
  return `$(tag) ${prefix}${lensText(compactTags(last.record), 120)}${value ? ` · ${value}` : ''}${heuristic}${partial}${outdated}`;
}

/** The CodeLens title of a row that could not be read as a conversation (invalid JSON, unknown format…). */
export function issueLensTitle(issues: readonly InputIssue[]): string {
  const first = issues.find((i) => i.severity === 'error') ?? issues[0];
  if (!first) return '$(warning) not a conversation';
  const more = issues.length > 1 ? ` (+${issues.length - 1} more)` : '';
  return `$(${first.severity === 'error' ? 'error' : 'warning'}) ${lensText(first.message, 100)}${more}`;
}
