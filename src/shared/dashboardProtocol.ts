/**
 * The one message protocol between the dashboard webview and whoever serves its data (the extension
 * host, or the standalone report's in-page backend). Every message is validated on arrival, both ways:
 * a page that was tampered with, or a host of another version, gets a clear error instead of undefined behaviour.
 */
import * as z from 'zod/mini';
import type { DashboardSummary, SampleDetail, SampleRow, ScopeKind } from '../core/dashboard/model';
import type { ExplorerQuery } from '../core/dashboard/query';
import { DashboardSummarySchema, ExplorerQuerySchema, SampleDetailSchema, SampleRowSchema } from './dashboardSchemas';

/** Rows a page request may ask for at once. */
export const MAX_PAGE_ROWS = 500;

const requestId = z.int().check(z.minimum(0));
const index = z.int().check(z.minimum(0));

/** What the extension needs to rebuild a scope after a reload (absolute paths: never in a standalone report). */
export interface ScopeRef {
  kind: ScopeKind;
  paths: string[];
}

export const ScopeRefSchema = z.object({
  kind: z.enum(['file', 'folder', 'workspace']),
  paths: z.array(z.string()).check(z.maxLength(1000)),
});

// ---- webview → host -------------------------------------------------------------------------------------

export type ToHost =
  /** The page is up and listening: send the summary. */
  | { type: 'ready' }
  /** One page of the explorer's result. */
  | { type: 'query'; requestId: number; query: ExplorerQuery; offset: number; limit: number }
  /** Full detail of one sample (file index + id, as in the rows). */
  | { type: 'detail'; requestId: number; file: number; id: string }
  /** Show the sample's record in the editor. */
  | { type: 'open'; file: number; line: number; id: string }
  /** Read the scope again from disk. */
  | { type: 'refresh' }
  /** Write the standalone HTML report of this scope. */
  | { type: 'export' };

export const ToHostSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({
    type: z.literal('query'),
    requestId,
    query: ExplorerQuerySchema,
    offset: index,
    limit: z.int().check(z.minimum(1), z.maximum(MAX_PAGE_ROWS)),
  }),
  z.object({ type: z.literal('detail'), requestId, file: index, id: z.string().check(z.maxLength(200)) }),
  z.object({
    type: z.literal('open'),
    file: index,
    line: z.int().check(z.minimum(1)),
    id: z.string().check(z.maxLength(200)),
  }),
  z.object({ type: z.literal('refresh') }),
  z.object({ type: z.literal('export') }),
]);

// ---- host → webview -------------------------------------------------------------------------------------

export type ToWebview =
  /** Reading the scope: shown until the first summary arrives. */
  | { type: 'loading'; label: string; filesDone: number; filesTotal: number; samples: number }
  /**
   * A new summary. `version` changes whenever the rows change, so the page re-asks for the rows it shows;
   * `scopeRef` lets the page remember its scope for a reload; `canOpen`/`canExport` say what the host supports.
   */
  | {
      type: 'summary';
      summary: DashboardSummary;
      version: number;
      scopeRef: ScopeRef | null;
      capabilities: { open: boolean; export: boolean; refresh: boolean };
    }
  | { type: 'page'; requestId: number; version: number; total: number; offset: number; rows: SampleRow[] }
  | { type: 'detail'; requestId: number; detail: SampleDetail | null; error: string | null }
  /** Something to tell the user (a file too large for the editor, an export written). */
  | { type: 'notice'; level: 'info' | 'warning' | 'error'; message: string };

export const ToWebviewSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('loading'), label: z.string(), filesDone: index, filesTotal: index, samples: index }),
  z.object({
    type: z.literal('summary'),
    summary: DashboardSummarySchema,
    version: index,
    scopeRef: z.nullable(ScopeRefSchema),
    capabilities: z.object({ open: z.boolean(), export: z.boolean(), refresh: z.boolean() }),
  }),
  z.object({
    type: z.literal('page'),
    requestId,
    version: index,
    total: index,
    offset: index,
    rows: z.array(SampleRowSchema).check(z.maxLength(MAX_PAGE_ROWS)),
  }),
  z.object({ type: z.literal('detail'), requestId, detail: z.nullable(SampleDetailSchema), error: z.nullable(z.string()) }),
  z.object({ type: z.literal('notice'), level: z.enum(['info', 'warning', 'error']), message: z.string() }),
]);

// Compile-time proof that the schemas describe exactly the message types above (both directions).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const toHostMatches: Same<z.infer<typeof ToHostSchema>, ToHost> = true;
const toWebviewMatches: Same<z.infer<typeof ToWebviewSchema>, ToWebview> = true;
void toHostMatches;
void toWebviewMatches;

export type ParseResult<T> = { ok: true; message: T } | { ok: false; error: string };

function describe(error: z.core.$ZodError): string {
  const first = error.issues[0];
  if (!first) return 'invalid message';
  const where = first.path.length ? first.path.map(String).join('.') : 'message';
  return `${where}: ${first.message}${error.issues.length > 1 ? ` (+${error.issues.length - 1} more)` : ''}`;
}

/** Validates a message the webview sent (run by the host). */
export function parseToHost(data: unknown): ParseResult<ToHost> {
  const r = ToHostSchema.safeParse(data);
  return r.success ? { ok: true, message: r.data } : { ok: false, error: describe(r.error) };
}

/** Validates a message the host sent (run by the webview). */
export function parseToWebview(data: unknown): ParseResult<ToWebview> {
  const r = ToWebviewSchema.safeParse(data);
  return r.success ? { ok: true, message: r.data } : { ok: false, error: describe(r.error) };
}
