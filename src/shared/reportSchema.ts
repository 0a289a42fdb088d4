/**
 * Schema of the data a standalone report embeds, checked by the report's page before it draws anything:
 * a report edited by hand or cut short fails with a message instead of drawing nonsense.
 */
import * as z from 'zod/mini';
import type { CompactRows } from '../core/dashboard/compactRows';
import { SCORE_KEYS } from '../core/dashboard/model';
import { DIMENSIONS } from '../core/model/labels';
import type { ReportPayload } from '../core/dashboard/report';
import { DashboardSummarySchema, SampleDetailSchema } from './dashboardSchemas';

function typed<T>() {
  return <S extends z.ZodMiniType<T>>(schema: S): S => schema;
}

const ints = z.array(z.int());
const strings = z.array(z.string());
const nullableNumbers = z.array(z.nullable(z.number()));

export const CompactRowsSchema = typed<CompactRows>()(
  z.object({
    n: z.int().check(z.minimum(0)),
    vocab: strings,
    file: ints,
    line: ints,
    rowIndex: ints,
    turn: ints,
    turns: ints,
    id: strings,
    displayId: strings,
    thinking: z.string(),
    status: z.string(),
    labeler: z.string(),
    scoreState: z.string(),
    arbitrated: z.string(),
    tokens: ints,
    calls: ints,
    intent: ints,
    difficulty: ints,
    tags: z.array(ints),
    unmapped: z.array(ints),
    flags: z.array(ints),
    conf: ints,
    scores: z.object(
      Object.fromEntries(SCORE_KEYS.map((k) => [k, nullableNumbers])) as Record<(typeof SCORE_KEYS)[number], typeof nullableNumbers>,
    ),
    convValue: nullableNumbers,
    convSelection: nullableNumbers,
    convPeak: nullableNumbers,
    query: strings,
    reply: strings,
  }),
);

const detailTurnsSchema = z.nonoptional(SampleDetailSchema.shape.conversation);

export const ReportPayloadSchema = typed<ReportPayload>()(
  z.object({
    v: z.literal(1),
    summary: DashboardSummarySchema,
    rows: CompactRowsSchema,
    conversations: z.nullable(z.array(detailTurnsSchema)),
    conversationsNote: z.nullable(z.string()),
  }),
);

/** Column lengths agree with `n` (a schema cannot say that): a truncated report must not decode. */
export function compactRowsConsistent(c: CompactRows): string | null {
  const columns: [string, { length: number }, number][] = [
    ['file', c.file, c.n], ['line', c.line, c.n], ['rowIndex', c.rowIndex, c.n], ['turn', c.turn, c.n],
    ['turns', c.turns, c.n], ['id', c.id, c.n], ['displayId', c.displayId, c.n], ['thinking', c.thinking, c.n],
    ['status', c.status, c.n], ['labeler', c.labeler, c.n], ['scoreState', c.scoreState, c.n], ['arbitrated', c.arbitrated, c.n],
    ['convValue', c.convValue, c.n], ['convSelection', c.convSelection, c.n], ['convPeak', c.convPeak, c.n],
    ['tokens', c.tokens, c.n], ['calls', c.calls, c.n], ['intent', c.intent, c.n], ['difficulty', c.difficulty, c.n],
    ['tags', c.tags, c.n], ['unmapped', c.unmapped, c.n], ['flags', c.flags, c.n], ['conf', c.conf, c.n * DIMENSIONS.length],
    ['query', c.query, c.n], ['reply', c.reply, c.n],
    ...SCORE_KEYS.map((k): [string, { length: number }, number] => [`scores.${k}`, c.scores[k], c.n]),
  ];
  for (const [name, column, expected] of columns) {
    if (column.length !== expected) return `column ${name} has ${column.length} entries, expected ${expected}`;
  }
  const words = c.vocab.length;
  const bad = (list: number[]) => list.some((i) => i >= words);
  if (bad(c.intent) || bad(c.difficulty) || c.tags.some(bad) || c.unmapped.some(bad) || c.flags.some(bad)) {
    return 'a row refers to a word outside the vocabulary';
  }
  return null;
}
