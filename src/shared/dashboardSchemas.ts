/**
 * zod schemas of the data the dashboard's messages carry (summary, rows, queries, details). Written with
 * `zod/mini` so the webview bundle stays small; the extension host validates with the same schemas.
 * Each schema is checked against its TypeScript type at compile time (`typed<T>()`), so the two cannot drift.
 */
import * as z from 'zod/mini';
import { SCORE_KEYS, type DashboardSummary, type SampleDetail, type SampleRow } from '../core/dashboard/model';
import { CONVERSATION_METRICS, SORT_KEYS, type ConversationMetric, type ExplorerQuery, type SortKey } from '../core/dashboard/query';
import { DIMENSIONS } from '../core/model/labels';

/** Identity function that fails to compile when the schema's output is not assignable to `T`. */
function typed<T>() {
  return <S extends z.ZodMiniType<T>>(schema: S): S => schema;
}

const count = z.int().check(z.minimum(0));
const num = z.number();
const nullableNum = z.nullable(num);
const dimension = z.enum(DIMENSIONS);
const scoreKey = z.enum(SCORE_KEYS);
const rowStatus = z.enum(['success', 'partial', 'failed', 'unlabeled']);
const labeler = z.nullable(z.enum(['llm', 'heuristic', 'imported']));
const thinking = z.enum(['slow', 'fast']);

export const ScoreValuesSchema = z.object(
  Object.fromEntries(SCORE_KEYS.map((k) => [k, nullableNum])) as Record<(typeof SCORE_KEYS)[number], typeof nullableNum>,
);

export const SampleRowSchema = typed<SampleRow>()(
  z.object({
    file: count,
    line: count,
    byteStart: count,
    byteEnd: count,
    rowIndex: count,
    id: z.string(),
    displayId: z.string(),
    turn: count,
    turns: count,
    thinking,
    status: rowStatus,
    labeler,
    tokens: count,
    calls: count,
    arbitrated: z.boolean(),
    intent: z.nullable(z.string()),
    difficulty: z.nullable(z.string()),
    tags: z.array(z.string()),
    conf: z.array(nullableNum),
    unmapped: z.array(z.string()),
    scores: z.nullable(ScoreValuesSchema),
    scoreState: z.enum(['scored', 'imported', 'failed', 'stale', 'none']),
    flags: z.array(z.string()),
    conv: z.nullable(z.object({ value: nullableNum, selection: nullableNum, peakComplexity: nullableNum })),
    query: z.string(),
    reply: z.string(),
  }),
);

const range = z.object({ min: z.optional(num), max: z.optional(num) });

export const ExplorerQuerySchema = typed<ExplorerQuery>()(
  z.object({
    tags: z.array(z.string().check(z.maxLength(300))).check(z.maxLength(50)),
    text: z.string().check(z.maxLength(500)),
    file: z.nullable(count),
    status: z.enum(['success', 'partial', 'failed', 'unlabeled', 'any']),
    labeler: z.enum(['llm', 'heuristic', 'imported', 'any']),
    thinking: z.enum(['slow', 'fast', 'any']),
    flags: z.array(z.string().check(z.maxLength(100))).check(z.maxLength(20)),
    ranges: z.partialRecord(scoreKey, range),
    lowConfidence: z.nullable(dimension),
    turns: range,
    conversation: z.partialRecord(z.enum(CONVERSATION_METRICS as [ConversationMetric, ...ConversationMetric[]]), range),
    sort: z.object({ key: z.enum(SORT_KEYS as [SortKey, ...SortKey[]]), dir: z.enum(['asc', 'desc']) }),
  }),
);

const histogram = z.object({
  lo: num,
  width: num,
  bins: z.array(count),
  n: count,
  mean: nullableNum,
  min: nullableNum,
  max: nullableNum,
  median: nullableNum,
});

const tagCounts = z.array(z.object({ tag: z.string(), count }));
const tagValues = z.array(z.object({ tag: z.string(), mean: num, n: count }));
const thinkingStat = z.object({ count, scored: count, value: nullableNum, quality: nullableNum, reasoning: nullableNum });

export const DashboardSummarySchema = typed<DashboardSummary>()(
  z.object({
    scope: z.object({ kind: z.enum(['file', 'folder', 'workspace']), label: z.string() }),
    files: z.array(z.object({ path: z.string(), sizeBytes: count })),
    generatedAt: z.string(),
    overview: z.object({
      samples: count,
      labeled: count,
      failed: count,
      partial: count,
      unlabeled: count,
      tokens: count,
      llmCalls: count,
      arbitrated: count,
      unmappedDistinct: count,
      unmappedTotal: count,
      labelers: z.object({ llm: count, heuristic: count, imported: count }),
      scored: count,
      scoredImported: count,
      scoreFailed: count,
      scoreStale: count,
      conversations: count,
      multiTurnConversations: count,
      inputIssues: count,
    }),
    tagDistributions: z.record(dimension, tagCounts),
    confidence: z.partialRecord(dimension, z.object({ mean: num, min: num, max: num, below: count, count })),
    crossMatrix: z.object({
      intents: z.array(z.string()),
      difficulties: z.array(z.string()),
      cells: z.array(z.array(count)),
      rowTotals: z.array(count),
      colTotals: z.array(count),
      total: count,
    }),
    poolCoverage: z.nullable(
      z.partialRecord(dimension, z.object({ used: count, pool: count, unused: z.array(z.string()) })),
    ),
    unmapped: z.partialRecord(
      dimension,
      z.array(
        z.object({
          value: z.string(),
          count,
          examples: z.array(z.object({ file: count, line: count, id: z.string(), displayId: z.string(), query: z.string() })),
        }),
      ),
    ),
    thinking: z.object({ slow: thinkingStat, fast: thinkingStat }),
    scoring: z.nullable(
      z.object({
        scored: count,
        rankedBy: z.enum(['selection', 'value']),
        histograms: z.record(scoreKey, histogram),
        valueByTag: z.record(dimension, tagValues),
        flags: z.array(z.object({ flag: z.string(), count, meanValue: nullableNum, impact: nullableNum })),
        thresholds: z.array(z.object({ topPercent: num, threshold: num, count })),
        coverage: z.array(
          z.object({ threshold: num, retained: count, share: num, tagCoverage: num, tagsLost: z.array(z.string()) }),
        ),
      }),
    ),
    conversations: z.nullable(
      z.object({
        count,
        meanTurns: num,
        turnBuckets: z.array(z.object({ label: z.string(), min: count, max: z.nullable(count), count })),
        thinking: z.object({ allFast: count, allSlow: count, mixed: count }),
        convValue: z.nullable(histogram),
        convSelection: z.nullable(histogram),
        peakComplexity: z.nullable(histogram),
      }),
    ),
    fileRanking: z.array(
      z.object({
        file: count,
        samples: count,
        labeled: count,
        failed: count,
        scored: count,
        mean: z.partialRecord(scoreKey, num),
        keepRates: z.record(z.string(), num),
        meanTurns: num,
      }),
    ),
  }),
);

export const SampleDetailSchema = typed<SampleDetail>()(
  z.object({
    file: count,
    line: count,
    id: z.string(),
    displayId: z.string(),
    turn: count,
    turns: count,
    thinking,
    status: rowStatus,
    labeler,
    labels: z.array(z.object({ dim: dimension, tags: z.array(z.string()), confidence: nullableNum })),
    unmapped: z.array(z.string()),
    scores: z.nullable(ScoreValuesSchema),
    flags: z.array(z.string()),
    subScores: z.array(z.object({ name: z.string(), value: z.nullable(z.union([num, z.boolean()])) })),
    facts: z.array(z.object({ name: z.string(), value: z.string() })),
    conversation: z.nullable(
      z.array(
        z.object({
          role: z.string(),
          text: z.string(),
          reasoning: z.optional(z.string()),
          toolName: z.optional(z.string()),
          clipped: z.boolean(),
        }),
      ),
    ),
    note: z.nullable(z.string()),
  }),
);
