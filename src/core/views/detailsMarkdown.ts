/**
 * The details document of one conversation row (opened by clicking its CodeLens): every reply's full
 * labels and run facts, and the conversation itself, escaped and truncated. Pure Markdown.
 */
import type { Turn } from '../model/conversation';
import { sampleSection } from './labelSections';
import { escapeMarkdown, quote } from './markdown';
import type { SampleView } from './sampleState';

/** What the details of one row are built from. */
export interface RowDetailsInput {
  /** The dataset's file name (shown in the title). */
  fileName: string;
  rowIndex: number;
  line: number;
  rowId?: string;
  turns: readonly Turn[];
  views: readonly SampleView[];
}

/** Characters of each turn shown in the conversation excerpt. */
const TURN_CHARS = 600;

/** Markdown for the details view of one row. */
export function rowDetailsMarkdown(input: RowDetailsInput): string {
  const id = input.rowId !== undefined ? `, id ${quote(input.rowId, 80)}` : '';
  const blocks = [`# ${escapeMarkdown(input.fileName)}: row ${input.rowIndex + 1}`, `Line ${input.line}${id}.`];
  for (const view of input.views) {
    blocks.push(`## Reply ${view.turnIndex} of ${view.totalTurns}`);
    blocks.push(...sampleSection(view));
    const record = view.record;
    if (record) {
      blocks.push(
        [
          `- Sample id: \`${escapeMarkdown(record.sampleId)}\``,
          `- Labeled: ${escapeMarkdown(record.at)} in run ${escapeMarkdown(record.runId)}`,
          `- Taxonomy ${escapeMarkdown(record.taxonomyHash.slice(0, 12))} · prompts ${escapeMarkdown(record.promptVersion)}`,
        ].join('\n'),
      );
    }
  }
  if (input.views.length === 0) blocks.push('This row has no assistant reply to label.');
  blocks.push('## Conversation');
  for (const turn of input.turns) blocks.push(`**${quote(turn.role, 40)}**: ${quote(turn.text, TURN_CHARS)}`);
  return blocks.join('\n\n') + '\n';
}
