/**
 * The backend of a standalone HTML report: the data is embedded in the page, and the explorer runs the
 * same query engine the extension host runs. Answers are asynchronous, like the host's, so the page code
 * cannot tell the two apart.
 */
import { decodeRows } from '../src/core/dashboard/compactRows';
import { detailOf } from '../src/core/dashboard/detailView';
import type { SampleRow } from '../src/core/dashboard/model';
import { QueryEngine } from '../src/core/dashboard/query';
import { REPORT_DATA_ELEMENT_ID, type ReportPayload } from '../src/core/dashboard/report';
import type { ToHost, ToWebview } from '../src/shared/dashboardProtocol';
import type { DashboardViewState } from '../src/shared/dashboardState';
import { compactRowsConsistent, ReportPayloadSchema } from '../src/shared/reportSchema';
import type { Backend } from './backend';

/** True when the page carries embedded report data. */
export function isStandaloneReport(): boolean {
  return document.getElementById(REPORT_DATA_ELEMENT_ID) !== null;
}

/** Reads and checks the embedded data; throws with a readable message when it is unusable. */
export function readEmbeddedReport(): ReportPayload {
  const text = document.getElementById(REPORT_DATA_ELEMENT_ID)?.textContent ?? '';
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new Error(`The report's data is not valid JSON (${(err as Error).message}): the file may be cut short.`);
  }
  const parsed = ReportPayloadSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`The report's data does not have the expected shape (${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}).`);
  }
  const problem = compactRowsConsistent(parsed.data.rows);
  if (problem) throw new Error(`The report's data is inconsistent: ${problem}.`);
  return parsed.data;
}

const HASH_PREFIX = '#dashboard=';

/**
 * A report keeps its view (filters, sort, scroll) in the URL's fragment: it survives a reload of the file
 * and can be shared as a link to the same view of the same report.
 */
function readHashState(): unknown {
  if (!location.hash.startsWith(HASH_PREFIX)) return undefined;
  try {
    return JSON.parse(decodeURIComponent(location.hash.slice(HASH_PREFIX.length)));
  } catch {
    return undefined;
  }
}

function writeHashState(state: DashboardViewState): void {
  try {
    history.replaceState(null, '', HASH_PREFIX + encodeURIComponent(JSON.stringify(state)));
  } catch {
    // Some browsers refuse history changes on file:// pages; the view then simply is not remembered.
  }
}

export function createStandaloneBackend(payload: ReportPayload): Backend {
  const rows: SampleRow[] = decodeRows(payload.rows);
  const engine = new QueryEngine(rows);
  const position = new Map<string, number>();
  rows.forEach((r, i) => position.set(`${r.file}\u0000${r.id}`, i));
  let handler: (message: ToWebview) => void = () => {};
  const reply = (message: ToWebview) => setTimeout(() => handler(message), 0);

  const answer = (message: ToHost): void => {
    switch (message.type) {
      case 'ready':
        reply({
          type: 'summary',
          summary: payload.summary,
          version: 0,
          scopeRef: null,
          capabilities: { open: false, export: false, refresh: false },
        });
        return;
      case 'query': {
        const page = engine.page(message.query, message.offset, message.limit);
        reply({ type: 'page', requestId: message.requestId, version: 0, total: page.total, offset: message.offset, rows: page.rows });
        return;
      }
      case 'detail': {
        const i = position.get(`${message.file}\u0000${message.id}`);
        if (i === undefined) {
          reply({ type: 'detail', requestId: message.requestId, detail: null, error: 'This sample is not in the report.' });
          return;
        }
        const conversation = payload.conversations?.[i] ?? null;
        const note = conversation ? null : payload.conversationsNote;
        reply({ type: 'detail', requestId: message.requestId, detail: detailOf(rows[i]!, { conversation, note }), error: null });
        return;
      }
      case 'open':
      case 'refresh':
      case 'export':
        // The page hides these actions when the capabilities say so; nothing to do in a report.
        return;
    }
  };

  return {
    post: answer,
    onMessage: (h) => {
      handler = h;
    },
    loadState: readHashState,
    saveState: writeHashState,
  };
}
