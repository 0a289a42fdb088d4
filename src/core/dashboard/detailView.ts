/**
 * Builds the detail view of a sample from its row, and from its records and turns when they are at hand.
 * Pure: the extension host adds the records and the conversation read from disk, the standalone report
 * builds it from the row and the turns embedded in the page.
 */
import type { Turn } from '../model/conversation';
import { DIMENSIONS } from '../model/labels';
import type { LabelRecord, ScoreRecord } from '../model/records';
import type { DetailTurn, SampleDetail, SampleRow } from './model';

/** Characters shown per turn text (and per reasoning block), and turns shown at most (the last ones). */
export const DETAIL_TURN_CHARS = 6_000;
export const DETAIL_MAX_TURNS = 80;

function clip(text: string, max: number): { text: string; clipped: boolean } {
  return text.length > max ? { text: `${text.slice(0, max)}…`, clipped: true } : { text, clipped: false };
}

/** Turns as the detail view shows them: the last `maxTurns`, each clipped to `maxChars`. */
export function detailTurns(
  turns: readonly Turn[],
  limits: { maxTurns: number; maxChars: number } = { maxTurns: DETAIL_MAX_TURNS, maxChars: DETAIL_TURN_CHARS },
): { turns: DetailTurn[]; omitted: number } {
  const omitted = Math.max(0, turns.length - limits.maxTurns);
  return {
    omitted,
    turns: turns.slice(omitted).map((t) => {
      const text = clip(t.text, limits.maxChars);
      const reasoning = t.reasoning !== undefined ? clip(t.reasoning, limits.maxChars) : undefined;
      const out: DetailTurn = { role: t.role, text: text.text, clipped: text.clipped || (reasoning?.clipped ?? false) };
      if (reasoning) out.reasoning = reasoning.text;
      if (t.toolName) out.toolName = t.toolName;
      return out;
    }),
  };
}

export interface DetailExtras {
  label?: LabelRecord;
  score?: ScoreRecord;
  conversation?: DetailTurn[] | null;
  note?: string | null;
}

export function detailOf(row: SampleRow, extras: DetailExtras = {}): SampleDetail {
  const labels = DIMENSIONS.map((dim, d) => ({
    dim,
    tags: row.tags.filter((t) => t.startsWith(`${dim}:`)).map((t) => t.slice(dim.length + 1)),
    confidence: row.conf[d] ?? null,
  }));
  return {
    file: row.file,
    line: row.line,
    id: row.id,
    displayId: row.displayId,
    turn: row.turn,
    turns: row.turns,
    thinking: row.thinking,
    status: row.status,
    labeler: row.labeler,
    labels,
    unmapped: row.unmapped,
    scores: row.scores,
    flags: row.flags,
    subScores: extras.score && row.scores ? subScoresOf(extras.score) : [],
    facts: factsOf(row, extras.label, extras.score),
    conversation: extras.conversation ?? null,
    note: extras.note ?? null,
  };
}

function subScoresOf(score: ScoreRecord): SampleDetail['subScores'] {
  const j = score.judgement;
  if (!j) return [];
  const out: SampleDetail['subScores'] = [];
  for (const [group, values] of Object.entries({ complexity: j.complexity, quality: j.quality, reasoning: j.reasoning })) {
    for (const [name, value] of Object.entries(values)) {
      if (name !== 'overall') out.push({ name: `${group}.${name}`, value: value as number | boolean | null });
    }
  }
  if (score.rarity) {
    out.push({ name: 'rarity.tag_rarity', value: score.rarity.tag_rarity });
    out.push({ name: 'rarity.combo_rarity', value: score.rarity.combo_rarity });
  }
  return out;
}

function factsOf(row: SampleRow, label?: LabelRecord, score?: ScoreRecord): SampleDetail['facts'] {
  const facts: SampleDetail['facts'] = [];
  const add = (name: string, value: string | number | undefined) => {
    if (value !== undefined && value !== '') facts.push({ name, value: String(value) });
  };
  add('Labeler', row.labeler === 'imported' ? 'sft-label (labels carried by the file)' : (row.labeler ?? 'not labeled'));
  if (row.status !== 'unlabeled' && row.labeler !== 'imported') {
    add('LLM calls', row.calls);
    add('Tokens', row.tokens);
    add('Arbitrated', row.arbitrated ? 'yes' : 'no');
  }
  add('Label model', label?.model);
  add('Labeled at', label?.at);
  if (label?.failure) add('Label failure', `${label.failure.code}: ${label.failure.message}`);
  if (label?.monitor.consistency_warnings.length) add('Consistency warnings', label.monitor.consistency_warnings.join('; '));
  const scoreStates: Record<SampleRow['scoreState'], string> = {
    scored: 'scored',
    imported: 'taken from the sft-label file',
    failed: 'the judge gave no usable answer',
    stale: 'scored from earlier labels: score again',
    none: 'not scored',
  };
  add('Score', scoreStates[row.scoreState]);
  if (row.conv) {
    add('Conversation value', row.conv.value ?? undefined);
    add('Conversation selection', row.conv.selection ?? undefined);
    add('Peak complexity', row.conv.peakComplexity ?? undefined);
  }
  add('Score model', score?.model);
  add('Scored at', score?.at);
  if (score?.failure) add('Score failure', `${score.failure.code}: ${score.failure.message}`);
  if (score?.judgement?.unknown_flags.length) add('Unknown flags', score.judgement.unknown_flags.join(', '));
  return facts;
}
