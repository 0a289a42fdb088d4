// Answers the dashboard page's messages from the scope's data: pages of the explorer, sample details,
// opening a sample. Every message is validated first; a malformed one is logged and answered with a notice.
import type { DashboardData } from '../../core/dashboard/dashboardData';
import type { DetailReader } from '../../core/dashboard/detail';
import { parseToHost, type ToHost, type ToWebview } from '../../shared/dashboardProtocol';
import type { OpenOutcome } from './openSample';

export interface RouterHost {
  /** The scope's data, or undefined while it is being read. */
  data(): DashboardData | undefined;
  details: DetailReader;
  post(message: ToWebview): void;
  /** Sends the summary (or the loading state) to the page. */
  sendSummary(): void;
  open(file: string, line: number): Promise<OpenOutcome>;
  refresh(): void;
  exportReport(): void;
  warn(message: string): void;
}

/** Handles one message from the page. Never throws: failures become notices or detail errors. */
export async function routeMessage(raw: unknown, host: RouterHost): Promise<void> {
  const parsed = parseToHost(raw);
  if (!parsed.ok) {
    host.warn(`Dashboard: ignored a malformed message from the page (${parsed.error})`);
    host.post({ type: 'notice', level: 'error', message: `The dashboard sent a message the extension does not understand: ${parsed.error}` });
    return;
  }
  try {
    await handle(parsed.message, host);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    host.warn(`Dashboard: ${parsed.message.type} failed: ${message}`);
    if (parsed.message.type === 'detail') {
      host.post({ type: 'detail', requestId: parsed.message.requestId, detail: null, error: message });
    } else {
      host.post({ type: 'notice', level: 'error', message });
    }
  }
}

async function handle(message: ToHost, host: RouterHost): Promise<void> {
  const data = host.data();
  switch (message.type) {
    case 'ready':
      host.sendSummary();
      return;
    case 'refresh':
      host.refresh();
      return;
    case 'export':
      host.exportReport();
      return;
    case 'query': {
      // While the scope is read there is nothing to page through yet; the page asks again on the summary.
      if (!data) return;
      const page = data.engine().page(message.query, message.offset, message.limit);
      host.post({ type: 'page', requestId: message.requestId, version: data.version, total: page.total, offset: message.offset, rows: page.rows });
      return;
    }
    case 'detail': {
      const row = data?.findRow(message.file, message.id);
      const file = data?.scope.files[message.file];
      if (!row || !file) {
        host.post({ type: 'detail', requestId: message.requestId, detail: null, error: 'This sample is no longer in the scope: refresh the dashboard.' });
        return;
      }
      host.post({ type: 'detail', requestId: message.requestId, detail: await host.details.read(file, row), error: null });
      return;
    }
    case 'open': {
      // The page names files by index: it can only ask for files of its own scope.
      const file = data?.scope.files[message.file];
      if (!file) {
        host.post({ type: 'notice', level: 'warning', message: 'That file is no longer in the scope: refresh the dashboard.' });
        return;
      }
      const outcome = await host.open(file, message.line);
      if (!outcome.opened) host.post({ type: 'notice', level: 'warning', message: outcome.message });
      return;
    }
  }
}
