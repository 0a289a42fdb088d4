/**
 * One dashboard row from a sample and its newest records. Pure (no Node modules): the standalone report
 * and tests build rows the same way.
 */
import type { Sample, Turn } from '../model/conversation';
import { DIMENSIONS, tagsOf } from '../model/labels';
import type { LabelRecord, ScoreRecord } from '../model/records';
import type { SampleRow, ScoreValues } from './model';

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

/**
 * The scores a score record gives, or null when it is missing, failed, or was computed from labels that
 * are no longer the sample's current ones (`current` is false).
 */
export function scoresOf(score: ScoreRecord | undefined, current: boolean): { values: ScoreValues; flags: string[] } | null {
  if (!score || !current || score.status !== 'success' || !score.judgement) return null;
  const j = score.judgement;
  return {
    values: {
      value: typeof score.value_score === 'number' ? score.value_score : null,
      // Selection is a run-wide rank, filled in for the whole scope after scanning (see `applySelection`).
      selection: null,
      complexity: j.complexity.overall,
      quality: j.quality.overall,
      reasoning: j.reasoning.overall,
      rarity: score.rarity?.score ?? null,
      confidence: typeof j.confidence === 'number' ? j.confidence : null,
    },
    flags: [...j.flags],
  };
}

export interface RowSource {
  sample: Sample;
  fileIndex: number;
  label?: LabelRecord;
  scores?: { values: ScoreValues; flags: string[] } | null;
}

export function rowOf(src: RowSource, intern: Interner): SampleRow {
  const { sample, label } = src;
  const status = label ? label.status : 'unlabeled';
  const labels = label?.status === 'success' ? label.labels : undefined;
  const tags: string[] = [];
  const conf: (number | null)[] = [];
  const unmapped: string[] = [];
  for (const dim of DIMENSIONS) {
    if (labels) for (const t of tagsOf(labels, dim)) tags.push(intern.of(`${dim}:${t}`));
    const c = labels?.confidence[dim];
    conf.push(typeof c === 'number' && Number.isFinite(c) ? c : null);
  }
  if (labels) for (const u of labels.unmapped) unmapped.push(intern.of(`${u.dimension}:${u.value}`));
  const m = label?.monitor;
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
    labeler: label?.labeler ?? null,
    tokens: m ? m.prompt_tokens + m.completion_tokens : 0,
    calls: m?.llm_calls ?? 0,
    arbitrated: m?.arbitrated ?? false,
    intent: labels?.intent ? intern.of(labels.intent) : null,
    difficulty: labels?.difficulty ? intern.of(labels.difficulty) : null,
    tags,
    conf,
    unmapped,
    scores: src.scores?.values ?? null,
    flags: src.scores?.flags.map((f) => intern.of(f)) ?? [],
    query: excerpt(requestOf(sample.turns), QUERY_EXCERPT_CHARS),
    reply: excerpt(reply, REPLY_EXCERPT_CHARS),
  };
}
