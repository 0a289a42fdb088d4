/**
 * The sample explorer's query language and its engine: filter and sort rows, page through the result.
 * Pure code over `SampleRow[]`: the extension host runs it for the webview, the standalone report runs
 * the same code in the browser. No Node modules here.
 */
import { ARBITRATION_THRESHOLD, DIMENSIONS, type Dimension } from '../model/labels';
import { SCORE_KEYS, type RowLabeler, type RowStatus, type SampleRow, type ScoreKey } from './model';

/** `min ≤ score < max`; either end may be left open. */
export interface ScoreRange {
  min?: number;
  max?: number;
}

/** Scores of a whole conversation the explorer can filter by (see `SampleRow.conv`). */
export type ConversationMetric = 'value' | 'selection' | 'peakComplexity';
export const CONVERSATION_METRICS: readonly ConversationMetric[] = ['value', 'selection', 'peakComplexity'];

export type SortKey = 'position' | ScoreKey | 'turns' | 'minConfidence';
export const SORT_KEYS: readonly SortKey[] = ['position', ...SCORE_KEYS, 'turns', 'minConfidence'];

/** Flag filter value meaning "any flag at all". */
export const ANY_FLAG = '*';

export interface ExplorerQuery {
  /** `dim:tag` tokens, all of which a sample must have; `unmapped:dim:value` matches an unmapped tag. */
  tags: string[];
  /** Case-insensitive text looked up in the request and reply excerpts and the ids. */
  text: string;
  /** Index of a file of the scope, or null for all. */
  file: number | null;
  status: RowStatus | 'any';
  labeler: RowLabeler | 'any';
  thinking: 'slow' | 'fast' | 'any';
  /** Samples with any of these flags (`*`: any flag). */
  flags: string[];
  ranges: Partial<Record<ScoreKey, ScoreRange>>;
  /** Samples whose confidence for this dimension is below the arbitration threshold. */
  lowConfidence: Dimension | null;
  /** Replies in the sample's conversation: `min ≤ turns < max` (multi-turn panels drill down with it). */
  turns: ScoreRange;
  /** Conversation-level scores of the sample's record (multi-turn records only). */
  conversation: Partial<Record<ConversationMetric, ScoreRange>>;
  sort: { key: SortKey; dir: 'asc' | 'desc' };
}

export const UNMAPPED_PREFIX = 'unmapped:';

/** The query that matches everything, in file order. */
export function emptyQuery(): ExplorerQuery {
  return {
    tags: [],
    text: '',
    file: null,
    status: 'any',
    labeler: 'any',
    thinking: 'any',
    flags: [],
    ranges: {},
    lowConfidence: null,
    turns: {},
    conversation: {},
    sort: { key: 'position', dir: 'asc' },
  };
}

/** True when the query filters nothing (sorting aside). */
export function isEmptyQuery(q: ExplorerQuery): boolean {
  return (
    q.tags.length === 0 &&
    q.text.trim() === '' &&
    q.file === null &&
    q.status === 'any' &&
    q.labeler === 'any' &&
    q.thinking === 'any' &&
    q.flags.length === 0 &&
    Object.keys(q.ranges).length === 0 &&
    q.lowConfidence === null &&
    q.turns.min === undefined &&
    q.turns.max === undefined &&
    Object.keys(q.conversation).length === 0
  );
}

type Predicate = (row: SampleRow, index: number) => boolean;

function inRange(v: number | null | undefined, r: ScoreRange): boolean {
  if (v === null || v === undefined || Number.isNaN(v)) return false;
  if (r.min !== undefined && v < r.min) return false;
  if (r.max !== undefined && v >= r.max) return false;
  return true;
}

/**
 * Filters and sorts rows. Results of the last query are kept, so paging through one result costs a slice.
 * Build one engine per snapshot of rows: it caches lower-cased search text per row.
 */
export class QueryEngine {
  private lastKey: string | undefined;
  private lastResult: Int32Array = new Int32Array(0);
  private searchText: string[] | undefined;

  constructor(readonly rows: readonly SampleRow[]) {}

  /** Indices into `rows` of the matching samples, sorted as asked. */
  run(query: ExplorerQuery): Int32Array {
    const key = JSON.stringify(query);
    if (key === this.lastKey) return this.lastResult;
    const predicates = this.predicatesOf(query);
    const matches: number[] = [];
    outer: for (let i = 0; i < this.rows.length; i++) {
      const row = this.rows[i]!;
      for (const p of predicates) if (!p(row, i)) continue outer;
      matches.push(i);
    }
    const result = Int32Array.from(matches);
    this.sortIndices(result, query.sort);
    this.lastKey = key;
    this.lastResult = result;
    return result;
  }

  /** One page of a query's result: the rows and the total number of matches. */
  page(query: ExplorerQuery, offset: number, limit: number): { total: number; rows: SampleRow[] } {
    const result = this.run(query);
    const start = Math.max(0, Math.min(offset, result.length));
    const end = Math.min(result.length, start + Math.max(0, limit));
    const rows: SampleRow[] = [];
    for (let i = start; i < end; i++) rows.push(this.rows[result[i]!]!);
    return { total: result.length, rows };
  }

  private predicatesOf(q: ExplorerQuery): Predicate[] {
    const ps: Predicate[] = [];
    if (q.file !== null) ps.push((r) => r.file === q.file);
    if (q.status !== 'any') ps.push((r) => r.status === q.status);
    if (q.labeler !== 'any') ps.push((r) => r.labeler === q.labeler);
    if (q.thinking !== 'any') ps.push((r) => r.thinking === q.thinking);
    if (q.turns.min !== undefined || q.turns.max !== undefined) ps.push((r) => inRange(r.turns, q.turns));
    for (const token of q.tags) {
      if (token.startsWith(UNMAPPED_PREFIX)) {
        const value = token.slice(UNMAPPED_PREFIX.length);
        ps.push((r) => r.unmapped.includes(value));
      } else {
        ps.push((r) => r.tags.includes(token));
      }
    }
    if (q.flags.length > 0) {
      const any = q.flags.includes(ANY_FLAG);
      ps.push((r) => (any ? r.flags.length > 0 : r.flags.some((f) => q.flags.includes(f))));
    }
    for (const key of SCORE_KEYS) {
      const range = q.ranges[key];
      if (range) ps.push((r) => inRange(r.scores?.[key], range));
    }
    for (const metric of CONVERSATION_METRICS) {
      const range = q.conversation[metric];
      if (range) ps.push((r) => inRange(r.conv?.[metric], range));
    }
    if (q.lowConfidence !== null) {
      const d = DIMENSIONS.indexOf(q.lowConfidence);
      ps.push((r) => {
        const c = r.conf[d];
        return c !== null && c !== undefined && c < ARBITRATION_THRESHOLD;
      });
    }
    const needle = q.text.trim().toLowerCase();
    if (needle) {
      const text = this.lowerText();
      ps.push((_r, i) => text[i]!.includes(needle));
    }
    return ps;
  }

  private lowerText(): string[] {
    this.searchText ??= this.rows.map((r) => `${r.displayId}\n${r.id}\n${r.query}\n${r.reply}`.toLowerCase());
    return this.searchText;
  }

  private sortIndices(indices: Int32Array, sort: ExplorerQuery['sort']): void {
    const rows = this.rows;
    const position = (a: number, b: number) => {
      const ra = rows[a]!;
      const rb = rows[b]!;
      return ra.file - rb.file || ra.rowIndex - rb.rowIndex || ra.turn - rb.turn || a - b;
    };
    const sign = sort.dir === 'desc' ? -1 : 1;
    if (sort.key === 'position') {
      indices.sort((a, b) => sign * position(a, b));
      return;
    }
    const keyOf = sortValue(sort.key);
    // Missing values go last whatever the direction: "lowest quality first" must not start with unscored rows.
    const values = new Float64Array(rows.length);
    for (const i of indices) values[i] = keyOf(rows[i]!) ?? NaN;
    indices.sort((a, b) => {
      const va = values[a]!;
      const vb = values[b]!;
      const na = Number.isNaN(va);
      const nb = Number.isNaN(vb);
      if (na || nb) return na === nb ? position(a, b) : na ? 1 : -1;
      return sign * (va - vb) || position(a, b);
    });
  }
}

function sortValue(key: Exclude<SortKey, 'position'>): (r: SampleRow) => number | null | undefined {
  if (key === 'turns') return (r) => r.turns;
  if (key === 'minConfidence') {
    return (r) => {
      let min: number | null = null;
      for (const c of r.conf) if (c !== null && (min === null || c < min)) min = c;
      return min;
    };
  }
  return (r) => r.scores?.[key];
}

/**
 * The tag filter token a typed text names: `dim:tag` as typed, or a bare tag id found in `distributions`
 * (the first dimension, in taxonomy order, that has it). Undefined when the scope has no such tag.
 */
export function tagTokenOf(text: string, distributions: Partial<Record<Dimension, readonly { tag: string }[]>>): string | undefined {
  const typed = text.trim().toLowerCase();
  if (!typed) return undefined;
  for (const dim of DIMENSIONS) {
    for (const { tag } of distributions[dim] ?? []) if (typed === `${dim}:${tag}` || typed === tag) return `${dim}:${tag}`;
  }
  return undefined;
}
