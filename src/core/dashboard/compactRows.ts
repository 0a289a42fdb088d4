/**
 * Column-wise encoding of rows for the standalone report: one array per field and a shared vocabulary for
 * tags, flags and label values, which makes 100,000 rows a few times smaller than an array of objects.
 * Pure (the report's page decodes it).
 */
import { DIMENSIONS } from '../model/labels';
import { SCORE_KEYS, type RowLabeler, type RowStatus, type SampleRow, type ScoreKey, type ScoreState } from './model';

const STATUS_CODES: Record<RowStatus, string> = { success: 's', partial: 'p', failed: 'f', unlabeled: 'u' };
const STATUS_OF: Record<string, RowStatus> = { s: 'success', p: 'partial', f: 'failed', u: 'unlabeled' };
const LABELER_CODES = { llm: 'l', heuristic: 'h', imported: 'i' } as const;
const LABELER_OF: Record<string, RowLabeler> = { l: 'llm', h: 'heuristic', i: 'imported' };
const SCORE_STATE_CODES: Record<ScoreState, string> = { scored: 's', imported: 'i', failed: 'f', stale: 'x', none: '-' };
const SCORE_STATE_OF: Record<string, ScoreState> = { s: 'scored', i: 'imported', f: 'failed', x: 'stale', '-': 'none' };

export interface CompactRows {
  n: number;
  /** Every tag token, unmapped token, flag, intent and difficulty, once. */
  vocab: string[];
  file: number[];
  line: number[];
  rowIndex: number[];
  turn: number[];
  turns: number[];
  id: string[];
  displayId: string[];
  /** One character per row: `s`low / `f`ast. */
  thinking: string;
  /** One character per row: `s`uccess, `p`artial, `f`ailed, `u`nlabeled. */
  status: string;
  /** One character per row: `l`lm, `h`euristic, `i`mported, `-` none. */
  labeler: string;
  /** One character per row: `s`cored, `i`mported, `f`ailed, stale `x`, `-` none. */
  scoreState: string;
  /** One character per row: `1` arbitrated. */
  arbitrated: string;
  tokens: number[];
  calls: number[];
  /** Vocabulary index, or -1. */
  intent: number[];
  difficulty: number[];
  tags: number[][];
  unmapped: number[][];
  flags: number[][];
  /** 9 per row (dimension order), confidence × 1000 rounded, -1 for none. */
  conf: number[];
  /** Per score key, one value per row (null: not scored). */
  scores: Record<ScoreKey, (number | null)[]>;
  /** Conversation scores per row (null: not a scored multi-turn record). */
  convValue: (number | null)[];
  convSelection: (number | null)[];
  convPeak: (number | null)[];
  query: string[];
  reply: string[];
}

export interface EncodeOptions {
  /** Shorter excerpts make smaller reports (defaults keep the rows' excerpts). */
  queryChars?: number;
  replyChars?: number;
}

function cut(s: string, max: number | undefined): string {
  return max !== undefined && s.length > max ? `${s.slice(0, Math.max(0, max - 1))}…` : s;
}

export function encodeRows(rows: readonly SampleRow[], opts: EncodeOptions = {}): CompactRows {
  const vocab: string[] = [];
  const ids = new Map<string, number>();
  const word = (s: string | null) => {
    if (s === null) return -1;
    let i = ids.get(s);
    if (i === undefined) {
      i = vocab.length;
      vocab.push(s);
      ids.set(s, i);
    }
    return i;
  };
  const out: CompactRows = {
    n: rows.length,
    vocab,
    file: [],
    line: [],
    rowIndex: [],
    turn: [],
    turns: [],
    id: [],
    displayId: [],
    thinking: '',
    status: '',
    labeler: '',
    scoreState: '',
    arbitrated: '',
    tokens: [],
    calls: [],
    intent: [],
    difficulty: [],
    tags: [],
    unmapped: [],
    flags: [],
    conf: [],
    scores: Object.fromEntries(SCORE_KEYS.map((k) => [k, []])) as unknown as Record<ScoreKey, (number | null)[]>,
    convValue: [],
    convSelection: [],
    convPeak: [],
    query: [],
    reply: [],
  };
  const scoreState: string[] = [];
  const thinking: string[] = [];
  const status: string[] = [];
  const labeler: string[] = [];
  const arbitrated: string[] = [];
  for (const r of rows) {
    out.file.push(r.file);
    out.line.push(r.line);
    out.rowIndex.push(r.rowIndex);
    out.turn.push(r.turn);
    out.turns.push(r.turns);
    out.id.push(r.id);
    out.displayId.push(r.displayId);
    thinking.push(r.thinking === 'slow' ? 's' : 'f');
    status.push(STATUS_CODES[r.status]);
    labeler.push(r.labeler ? LABELER_CODES[r.labeler] : '-');
    arbitrated.push(r.arbitrated ? '1' : '0');
    scoreState.push(SCORE_STATE_CODES[r.scoreState]);
    out.convValue.push(r.conv?.value ?? null);
    out.convSelection.push(r.conv?.selection ?? null);
    out.convPeak.push(r.conv?.peakComplexity ?? null);
    out.tokens.push(r.tokens);
    out.calls.push(r.calls);
    out.intent.push(word(r.intent));
    out.difficulty.push(word(r.difficulty));
    out.tags.push(r.tags.map(word));
    out.unmapped.push(r.unmapped.map(word));
    out.flags.push(r.flags.map(word));
    for (let d = 0; d < DIMENSIONS.length; d++) {
      const c = r.conf[d];
      out.conf.push(c === null || c === undefined ? -1 : Math.round(c * 1000));
    }
    for (const k of SCORE_KEYS) out.scores[k].push(r.scores ? r.scores[k] : null);
    out.query.push(cut(r.query, opts.queryChars));
    out.reply.push(cut(r.reply, opts.replyChars));
  }
  out.thinking = thinking.join('');
  out.status = status.join('');
  out.labeler = labeler.join('');
  out.arbitrated = arbitrated.join('');
  out.scoreState = scoreState.join('');
  return out;
}

/**
 * Rows back from their encoding. Byte ranges are not kept (a report cannot read the file). A row has scores
 * when its score state says the judge's numbers are current; conversation scores when its record had them.
 */
export function decodeRows(c: CompactRows): SampleRow[] {
  const rows: SampleRow[] = new Array(c.n);
  const word = (i: number) => (i >= 0 ? c.vocab[i]! : null);
  const words = (list: number[]) => list.map((i) => c.vocab[i]!);
  for (let i = 0; i < c.n; i++) {
    const conf: (number | null)[] = [];
    for (let d = 0; d < DIMENSIONS.length; d++) {
      const v = c.conf[i * DIMENSIONS.length + d]!;
      conf.push(v < 0 ? null : v / 1000);
    }
    const scoreValues = Object.fromEntries(SCORE_KEYS.map((k) => [k, c.scores[k][i] ?? null])) as Record<ScoreKey, number | null>;
    const scoreState = SCORE_STATE_OF[c.scoreState[i]!] ?? 'none';
    const scored = scoreState === 'scored' || scoreState === 'imported';
    const convValue = c.convValue[i] ?? null;
    const convSelection = c.convSelection[i] ?? null;
    const convPeak = c.convPeak[i] ?? null;
    const hasConv = convValue !== null || convSelection !== null || convPeak !== null;
    rows[i] = {
      file: c.file[i]!,
      line: c.line[i]!,
      byteStart: 0,
      byteEnd: 0,
      rowIndex: c.rowIndex[i]!,
      id: c.id[i]!,
      displayId: c.displayId[i]!,
      turn: c.turn[i]!,
      turns: c.turns[i]!,
      thinking: c.thinking[i] === 's' ? 'slow' : 'fast',
      status: STATUS_OF[c.status[i]!] ?? 'unlabeled',
      labeler: LABELER_OF[c.labeler[i]!] ?? null,
      tokens: c.tokens[i]!,
      calls: c.calls[i]!,
      arbitrated: c.arbitrated[i] === '1',
      intent: word(c.intent[i]!),
      difficulty: word(c.difficulty[i]!),
      tags: words(c.tags[i]!),
      conf,
      unmapped: words(c.unmapped[i]!),
      scores: scored ? scoreValues : null,
      scoreState,
      flags: words(c.flags[i]!),
      conv: hasConv ? { value: convValue, selection: convSelection, peakComplexity: convPeak } : null,
      query: c.query[i]!,
      reply: c.reply[i]!,
    };
  }
  return rows;
}
