/**
 * One dashboard row from a sample and its newest records: labels as interned `dim:tag` tokens and short
 * excerpts, so a row stays small. Pure (no file access).
 */
import type { Sample, Turn } from '../model/conversation';
import { DIMENSIONS, tagsOf, type LabelSet } from '../model/labels';
import type { LabelFacts } from './sidecarSnapshot';
import type { SampleRow, ScoreState, ScoreValues } from './model';

/** Characters of the request and of the reply a row keeps for the explorer's list and text search. */
export const QUERY_EXCERPT_CHARS = 280;
export const REPLY_EXCERPT_CHARS = 200;

/**
 * Shares one string instance per distinct tag token: 100,000 rows repeat a few hundred tokens, and
 * identical strings built by concatenation would each take their own memory.
 */
export class Interner {
  private readonly strings = new Map<string, string>();

  of(s: string): string {
    const known = this.strings.get(s);
    if (known !== undefined) return known;
    this.strings.set(s, s);
    return s;
  }
}

/** Whitespace collapsed, cut to `max` characters (an ellipsis marks the cut). */
export function excerpt(text: string, max: number): string {
  // Only look at a prefix: replies can be megabytes long and the excerpt is short.
  const flat = text.slice(0, max * 2 + 64).replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** The request a reply answers: the last user turn before it (else the first turn of any role). */
export function requestOf(turns: readonly Turn[]): string {
  for (let i = turns.length - 2; i >= 0; i--) if (turns[i]!.role === 'user') return turns[i]!.text;
  return turns.length > 1 ? turns[0]!.text : '';
}

export interface RowSource {
  sample: Sample;
  fileIndex: number;
  /** The sample's newest label record (the parts rows need), whatever its status. */
  label?: LabelFacts;
  /** Usable labels: from a successful label record, or carried by an sft-label row (`imported`). */
  labels?: { labels: LabelSet; origin: 'sidecar' | 'embedded' };
  /** Usually left out: the scan fills scores and conversation scores in once the file's run-wide numbers exist. */
  scores?: ScoreValues | null;
  scoreState?: ScoreState;
  flags?: readonly string[];
  conv?: SampleRow['conv'];
}

/** The row of one sample. A partial or failed label gives a row without tags, counted apart in the overview. */
export function rowOf(src: RowSource, intern: Interner): SampleRow {
  const { sample, label } = src;
  const labels = src.labels?.labels;
  const imported = src.labels?.origin === 'embedded';
  const status = labels ? 'success' : label ? label.status : 'unlabeled';
  const tags: string[] = [];
  const conf: (number | null)[] = [];
  const unmapped: string[] = [];
  for (const dim of DIMENSIONS) {
    if (labels) for (const t of tagsOf(labels, dim)) tags.push(intern.of(`${dim}:${t}`));
    const c = labels?.confidence[dim];
    conf.push(typeof c === 'number' && Number.isFinite(c) ? c : null);
  }
  if (labels) for (const u of labels.unmapped) unmapped.push(intern.of(`${u.dimension}:${u.value}`));
  // An imported label's monitor belongs to sft-label's run, not ours: no calls or tokens are counted for it.
  const m = imported ? undefined : label?.monitor;
  const reply = sample.turns[sample.turns.length - 1]?.text ?? '';
  return {
    file: src.fileIndex,
    line: sample.source.line,
    byteStart: sample.source.byteStart,
    byteEnd: sample.source.byteEnd,
    rowIndex: sample.source.rowIndex,
    id: sample.id,
    displayId: sample.displayId,
    turn: sample.turnIndex,
    turns: sample.totalTurns,
    thinking: sample.thinkingMode,
    status,
    labeler: imported ? 'imported' : (label?.labeler ?? null),
    tokens: m ? m.prompt_tokens + m.completion_tokens : 0,
    calls: m?.llm_calls ?? 0,
    arbitrated: m?.arbitrated ?? false,
    intent: labels?.intent ? intern.of(labels.intent) : null,
    difficulty: labels?.difficulty ? intern.of(labels.difficulty) : null,
    tags,
    conf,
    unmapped,
    scores: src.scores ?? null,
    scoreState: src.scoreState ?? 'none',
    flags: src.flags?.map((f) => intern.of(f)) ?? [],
    conv: src.conv ?? null,
    query: excerpt(requestOf(sample.turns), QUERY_EXCERPT_CHARS),
    reply: excerpt(reply, REPLY_EXCERPT_CHARS),
  };
}
