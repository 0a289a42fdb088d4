/**
 * The hover of one conversation row, as Markdown. Pure: the editor wraps the result in an untrusted
 * MarkdownString. Dataset text and record contents are escaped and truncated here, so whatever a row or a
 * model answer contains renders as plain text.
 */
import type { InputIssue, Turn } from '../model/conversation';
import { compactLabelText, failureText, sampleSection, valueText } from './labelSections';
import { quote } from './markdown';
import type { SampleView } from './sampleState';

/** What the hover of one row is built from. */
export interface RowHoverInput {
  /** 0-based position of the row among the file's rows. */
  rowIndex: number;
  /** 1-based line where the row starts. */
  line: number;
  /** The row's own id field, if any (dataset text). */
  rowId?: string;
  /** The row's turns, for a short excerpt of what the user asked. */
  turns?: readonly Turn[];
  /** One view per assistant reply, in order. */
  views: readonly SampleView[];
  /** Problems with the row (invalid JSON, unknown format…). */
  issues?: readonly InputIssue[];
}

/** Characters of the user's first message shown as the row's excerpt. */
const EXCERPT_CHARS = 160;

const SHORT_STATE: Readonly<Record<SampleView['state'], string>> = {
  labeled: 'labeled',
  outdated: 'outdated',
  stale: 'stale',
  failed: 'failed',
  partial: 'partial',
  'not-labeled': 'not labeled',
};

/** One line of the per-reply breakdown of a multi-turn row. */
function replyLine(view: SampleView): string {
  const where = `Reply ${view.turnIndex}/${view.totalTurns}`;
  if (view.state === 'not-labeled') return `- ${where}: not labeled`;
  if (view.state === 'failed') return `- ${where}, failed: ${(view.record && failureText(view.record)) ?? 'unknown error'}`;
  const value = valueText(view);
  return `- ${where}, ${SHORT_STATE[view.state]}: ${compactLabelText(view.record?.labels)}${value ? ` · ${value}` : ''}`;
}

/** The header line: where the row is and what it is called. */
function header(input: RowHoverInput): string {
  const id = input.rowId !== undefined ? ` · id ${quote(input.rowId, 60)}` : '';
  return `**SFT labels** · row ${input.rowIndex + 1} · line ${input.line}${id}`;
}

/** Markdown for the hover of one row; blocks are separated by blank lines. */
export function rowHoverMarkdown(input: RowHoverInput): string {
  const blocks = [header(input)];
  const firstUser = input.turns?.find((t) => t.role === 'user');
  if (firstUser) blocks.push(`> ${quote(firstUser.text, EXCERPT_CHARS)}`);
  for (const issue of input.issues ?? []) blocks.push(`**${issue.severity === 'error' ? 'Error' : 'Warning'}** (line ${issue.line}): ${quote(issue.message, 200)}`);
  const views = input.views;
  if (views.length === 0) {
    if (!input.issues?.length) blocks.push('No assistant reply to label.');
    return blocks.join('\n\n');
  }
  // Multi-turn rows: one line per reply, then the details of the last reply that has a record.
  if (views.length > 1) {
    blocks.push(`**${views.length} replies**\n\n${views.map(replyLine).join('\n')}`);
    const detailed = [...views].reverse().find((v) => v.record) ?? views[views.length - 1]!;
    blocks.push(`**Reply ${detailed.turnIndex}/${detailed.totalTurns}**`);
    blocks.push(...sampleSection(detailed));
  } else {
    blocks.push(...sampleSection(views[0]!));
  }
  return blocks.join('\n\n');
}
