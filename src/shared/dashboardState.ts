/**
 * What the dashboard page remembers across a reload (VS Code's `getState`/`setState`, and the panel
 * serializer that reopens it): its scope, the explorer's query and scroll position, and view options.
 * Validated when read back: state written by another version falls back to defaults field by field.
 */
import * as z from 'zod/mini';
import { emptyQuery, type ExplorerQuery } from '../core/dashboard/query';
import { ExplorerQuerySchema } from './dashboardSchemas';
import { ScopeRefSchema, type ScopeRef } from './dashboardProtocol';

/** How tag bars are scaled: share of labeled samples, relative to the largest bar, or logarithmic. */
export type BarScale = 'share' | 'relative' | 'log';

export type FileSortKey = 'path' | 'samples' | 'labeled' | 'scored' | 'value' | 'complexity' | 'quality' | 'rarity' | 'selection' | 'keep' | 'turns';

export interface DashboardViewState {
  v: 1;
  scopeRef: ScopeRef | null;
  query: ExplorerQuery;
  /** Explorer list scroll offset in pixels. */
  scrollTop: number;
  /** Scroll offset of the page itself (which section was in view). */
  pageScroll: number;
  barScale: BarScale;
  /** Keep-rate threshold of the file ranking. */
  keepRate: number;
  fileSort: { key: FileSortKey; dir: 'asc' | 'desc' };
  /** Ids of collapsed sections. */
  collapsed: string[];
  /** Sample open in the detail view. */
  selected: { file: number; id: string } | null;
}

export function defaultViewState(): DashboardViewState {
  return {
    v: 1,
    scopeRef: null,
    query: emptyQuery(),
    scrollTop: 0,
    pageScroll: 0,
    barScale: 'share',
    keepRate: 6,
    fileSort: { key: 'value', dir: 'desc' },
    collapsed: [],
    selected: null,
  };
}

const FILE_SORT_KEYS = ['path', 'samples', 'labeled', 'scored', 'value', 'complexity', 'quality', 'rarity', 'selection', 'keep', 'turns'] as const;

const fields: { [K in Exclude<keyof DashboardViewState, 'v'>]: z.ZodMiniType<DashboardViewState[K]> } = {
  scopeRef: z.nullable(ScopeRefSchema),
  query: ExplorerQuerySchema,
  scrollTop: z.number().check(z.minimum(0)),
  pageScroll: z.number().check(z.minimum(0)),
  barScale: z.enum(['share', 'relative', 'log']),
  keepRate: z.number(),
  fileSort: z.object({ key: z.enum(FILE_SORT_KEYS), dir: z.enum(['asc', 'desc']) }),
  collapsed: z.array(z.string()).check(z.maxLength(100)),
  selected: z.nullable(z.object({ file: z.int().check(z.minimum(0)), id: z.string() })),
};

/** Reads state saved by any version: each valid field is kept, anything else takes its default. */
export function restoreViewState(saved: unknown): DashboardViewState {
  const state = defaultViewState();
  if (!saved || typeof saved !== 'object') return state;
  const raw = saved as Record<string, unknown>;
  const target = state as unknown as Record<string, unknown>;
  for (const [name, schema] of Object.entries(fields)) {
    const r = (schema as z.ZodMiniType).safeParse(raw[name]);
    if (r.success) target[name] = r.data;
  }
  return state;
}
