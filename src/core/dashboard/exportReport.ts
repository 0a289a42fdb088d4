/**
 * Writes a scope's dashboard as one standalone HTML file, reusing the webview's bundle (found next to the
 * running code in `dist/webview/`). Shared by `sft-labeler dashboard --out` and the editor's export command.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { readDataset } from '../dataset/read';
import { writeFileAtomic } from '../util/atomicWrite';
import { encodeRows } from './compactRows';
import type { DashboardData } from './dashboardData';
import { detailTurns } from './detailView';
import type { DetailTurn } from './model';
import { reportHtml, type ReportAssets, type ReportPayload } from './report';

/** File names inside the webview bundle folder (esbuild.mjs writes them). */
export const WEBVIEW_FILES = { js: 'dashboard.js', css: 'dashboard.css', elements: 'vscode-elements.js' } as const;

/** Scopes up to this many samples get their conversations embedded by default. */
export const DEFAULT_CONVERSATION_LIMIT = 5_000;
/** Conversation excerpt per embedded sample: the last turns, each clipped (sft-label's report keeps 12 × 1,600). */
const REPORT_TURN_LIMITS = { maxTurns: 12, maxChars: 2_000 };
/** Excerpt lengths in the report's rows (shorter than in the editor: they make most of a big report's size). */
const REPORT_EXCERPTS = { queryChars: 160, replyChars: 100 };

export interface ReportOptions {
  /** Embed conversations when the scope has at most this many samples (0: never). */
  conversationLimit?: number;
  /** Folder with the built webview bundle (default: found from this module's location). */
  assetsDir?: string;
  signal?: AbortSignal;
}

/** `dist/webview` next to the running bundle (dist/cli.js, dist/extension.js) or above the sources. */
export function findWebviewAssetsDir(start: string = typeof __dirname === 'string' ? __dirname : process.cwd()): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    for (const candidate of [path.join(dir, 'webview'), path.join(dir, 'dist', 'webview')]) {
      if (existsSync(path.join(candidate, WEBVIEW_FILES.js))) return candidate;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export async function readReportAssets(dir: string): Promise<ReportAssets> {
  const read = async (name: string) => {
    try {
      return await fs.readFile(path.join(dir, name), 'utf8');
    } catch (err) {
      throw new Error(`The dashboard bundle is incomplete: cannot read ${path.join(dir, name)} (${(err as Error).message}). Run "npm run build".`);
    }
  };
  return { dashboardJs: await read(WEBVIEW_FILES.js), css: await read(WEBVIEW_FILES.css), elementsJs: await read(WEBVIEW_FILES.elements) };
}

/** Conversation excerpts of every row, read from the files again (rows keep only short excerpts). */
async function conversationsOf(data: DashboardData, signal?: AbortSignal): Promise<(DetailTurn[] | null)[]> {
  const rows = data.rows();
  const out: (DetailTurn[] | null)[] = rows.map(() => null);
  const positions = new Map<string, number>();
  rows.forEach((r, i) => positions.set(`${r.file}\u0000${r.id}`, i));
  for (let f = 0; f < data.scope.files.length; f++) {
    try {
      for await (const item of readDataset(data.scope.files[f]!, { signal })) {
        for (const sample of item.samples) {
          const i = positions.get(`${f}\u0000${sample.id}`);
          if (i !== undefined && out[i] === null) out[i] = detailTurns(sample.turns, REPORT_TURN_LIMITS).turns;
        }
      }
    } catch (err) {
      // A file that vanished since it was read: its samples simply have no conversation in the report.
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  return out;
}

export async function buildReportHtml(data: DashboardData, opts: ReportOptions = {}): Promise<string> {
  const dir = opts.assetsDir ?? findWebviewAssetsDir();
  if (!dir) throw new Error('The dashboard bundle (dist/webview/dashboard.js) was not found. Run "npm run build".');
  const assets = await readReportAssets(dir);
  const limit = opts.conversationLimit ?? DEFAULT_CONVERSATION_LIMIT;
  const rows = data.rows();
  const embed = rows.length > 0 && rows.length <= limit;
  const payload: ReportPayload = {
    v: 1,
    summary: data.summary(),
    rows: encodeRows(rows, REPORT_EXCERPTS),
    conversations: embed ? await conversationsOf(data, opts.signal) : null,
    conversationsNote: embed
      ? null
      : limit === 0
        ? 'This report was written without conversations.'
        : `This report has ${rows.length.toLocaleString('en-US')} samples, more than the ${limit.toLocaleString('en-US')} whose conversations are embedded: open the file at the line shown.`,
  };
  return reportHtml(payload, assets, randomBytes(18).toString('base64'));
}

/** Writes the report atomically; returns its size in bytes. */
export async function writeReport(data: DashboardData, outFile: string, opts: ReportOptions = {}): Promise<number> {
  const html = await buildReportHtml(data, opts);
  await writeFileAtomic(outFile, html);
  return Buffer.byteLength(html, 'utf8');
}
