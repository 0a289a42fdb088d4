/**
 * Pass 1 sections of the dashboard, counted from rows: overview, tag distributions, confidence,
 * intent × difficulty, taxonomy pool coverage, unmapped tags. Pure (bundled into the browser).
 */
import { ARBITRATION_THRESHOLD, DIMENSIONS, type Dimension } from '../model/labels';
import type {
  ConfidenceStat,
  CrossMatrix,
  Overview,
  PoolCoverage,
  SampleRow,
  TagCount,
  UnmappedEntry,
} from './model';
import { bump, rankCounts, round } from './numbers';

/** Examples kept per unmapped tag, and unmapped tags listed per dimension. */
const UNMAPPED_EXAMPLES = 2;
const UNMAPPED_PER_DIMENSION = 10;

/** The dimension of a `dim:tag` token and the tag. */
export function splitToken(token: string): [Dimension, string] {
  const i = token.indexOf(':');
  return [token.slice(0, i) as Dimension, token.slice(i + 1)];
}

export function overviewOf(rows: readonly SampleRow[], inputIssues: number): Overview {
  const o: Overview = {
    samples: rows.length,
    labeled: 0,
    failed: 0,
    partial: 0,
    unlabeled: 0,
    tokens: 0,
    llmCalls: 0,
    arbitrated: 0,
    unmappedDistinct: 0,
    unmappedTotal: 0,
    labelers: { llm: 0, heuristic: 0, imported: 0 },
    scored: 0,
    scoredImported: 0,
    scoreFailed: 0,
    scoreStale: 0,
    conversations: 0,
    multiTurnConversations: 0,
    inputIssues,
  };
  const unmapped = new Set<string>();
  const conversations = new Set<string>();
  for (const r of rows) {
    const conv = `${r.file}:${r.rowIndex}`;
    if (!conversations.has(conv)) {
      conversations.add(conv);
      if (r.turns >= 2) o.multiTurnConversations++;
    }
    if (r.scores) o.scored++;
    if (r.scoreState === 'imported') o.scoredImported++;
    else if (r.scoreState === 'failed') o.scoreFailed++;
    else if (r.scoreState === 'stale') o.scoreStale++;
    if (r.status === 'unlabeled') {
      o.unlabeled++;
      continue;
    }
    o.tokens += r.tokens;
    o.llmCalls += r.calls;
    if (r.arbitrated) o.arbitrated++;
    if (r.labeler) o.labelers[r.labeler]++;
    if (r.status === 'success') o.labeled++;
    else {
      // Partial labels count as failures, as in stats_labeling.json.
      o.failed++;
      if (r.status === 'partial') o.partial++;
    }
    for (const u of r.unmapped) {
      unmapped.add(u);
      o.unmappedTotal++;
    }
  }
  o.unmappedDistinct = unmapped.size;
  o.conversations = conversations.size;
  return o;
}

export function tagDistributionsOf(rows: readonly SampleRow[]): Record<Dimension, TagCount[]> {
  const counts = new Map<Dimension, Map<string, number>>(DIMENSIONS.map((d) => [d, new Map()]));
  for (const r of rows) {
    if (r.status !== 'success') continue;
    for (const token of r.tags) {
      const [dim, tag] = splitToken(token);
      const m = counts.get(dim);
      if (m) bump(m, tag);
    }
  }
  return Object.fromEntries(DIMENSIONS.map((d) => [d, rankCounts(counts.get(d)!)])) as Record<Dimension, TagCount[]>;
}

export function confidenceOf(rows: readonly SampleRow[]): Partial<Record<Dimension, ConfidenceStat>> {
  const out: Partial<Record<Dimension, ConfidenceStat>> = {};
  DIMENSIONS.forEach((dim, d) => {
    let sum = 0;
    let count = 0;
    let below = 0;
    let min = Infinity;
    let max = -Infinity;
    for (const r of rows) {
      if (r.status !== 'success') continue;
      const c = r.conf[d];
      if (c === null || c === undefined) continue;
      sum += c;
      count++;
      if (c < ARBITRATION_THRESHOLD) below++;
      if (c < min) min = c;
      if (c > max) max = c;
    }
    if (count > 0) out[dim] = { mean: round(sum / count), min, max, below, count };
  });
  return out;
}

/** Intents and difficulties ordered by frequency; a missing value shows as "(none)". */
export function crossMatrixOf(rows: readonly SampleRow[]): CrossMatrix {
  const NONE = '(none)';
  const intents = new Map<string, number>();
  const difficulties = new Map<string, number>();
  const pairs = new Map<string, number>();
  for (const r of rows) {
    if (r.status !== 'success') continue;
    const i = r.intent ?? NONE;
    const d = r.difficulty ?? NONE;
    bump(intents, i);
    bump(difficulties, d);
    bump(pairs, `${i}\u0000${d}`);
  }
  const iOrder = rankCounts(intents).map((e) => e.tag);
  const dOrder = rankCounts(difficulties).map((e) => e.tag);
  const cells = iOrder.map((i) => dOrder.map((d) => pairs.get(`${i}\u0000${d}`) ?? 0));
  const rowTotals = cells.map((row) => row.reduce((a, b) => a + b, 0));
  const colTotals = dOrder.map((_, j) => cells.reduce((a, row) => a + row[j]!, 0));
  return {
    intents: iOrder,
    difficulties: dOrder,
    cells,
    rowTotals,
    colTotals,
    total: rowTotals.reduce((a, b) => a + b, 0),
  };
}

/** Per dimension: how many of the taxonomy's tags were used at least once, and which were not. */
export function poolCoverageOf(
  distributions: Record<Dimension, TagCount[]>,
  pool: Partial<Record<Dimension, readonly string[]>>,
): Partial<Record<Dimension, PoolCoverage>> {
  const out: Partial<Record<Dimension, PoolCoverage>> = {};
  for (const dim of DIMENSIONS) {
    const tags = pool[dim];
    if (!tags) continue;
    const used = new Set(distributions[dim].map((e) => e.tag));
    const unused = tags.filter((t) => !used.has(t));
    out[dim] = { used: tags.length - unused.length, pool: tags.length, unused };
  }
  return out;
}

export function unmappedOf(rows: readonly SampleRow[]): Partial<Record<Dimension, UnmappedEntry[]>> {
  const byToken = new Map<string, UnmappedEntry>();
  for (const r of rows) {
    for (const token of r.unmapped) {
      let e = byToken.get(token);
      if (!e) byToken.set(token, (e = { value: token, count: 0, examples: [] }));
      e.count++;
      if (e.examples.length < UNMAPPED_EXAMPLES) {
        e.examples.push({ file: r.file, line: r.line, id: r.id, displayId: r.displayId, query: r.query });
      }
    }
  }
  const out: Partial<Record<Dimension, UnmappedEntry[]>> = {};
  const sorted = [...byToken.values()].sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
  for (const e of sorted) {
    const [dim, value] = splitToken(e.value);
    const list = (out[dim] ??= []);
    if (list.length < UNMAPPED_PER_DIMENSION) list.push({ ...e, value });
  }
  return out;
}
