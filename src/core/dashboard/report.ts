/**
 * The standalone HTML report: one self-contained file (works from `file://`, no server, no network) with
 * the dashboard's page code, its styles, the element library and the data embedded as JSON. Pure: the
 * caller reads the assets and picks the nonce.
 */
import type { CompactRows } from './compactRows';
import type { DashboardSummary, DetailTurn } from './model';

/** Id of the `<script type="application/json">` element holding the data. */
export const REPORT_DATA_ELEMENT_ID = 'sft-dashboard-data';

export interface ReportPayload {
  v: 1;
  summary: DashboardSummary;
  rows: CompactRows;
  /** Conversation of each row (same order), or null when the report leaves conversations out. */
  conversations: (DetailTurn[] | null)[] | null;
  /** Why conversations are missing, for the detail view (e.g. "more than 5,000 samples"). */
  conversationsNote: string | null;
}

export interface ReportAssets {
  /** The dashboard's stylesheet. */
  css: string;
  /** `@vscode-elements/elements` `dist/bundled.js` (an ES module). */
  elementsJs: string;
  /** The dashboard page bundle (classic script). */
  dashboardJs: string;
}

/**
 * JSON for a `<script type="application/json">` element. `<` is written as `\u003c` so no string in the
 * data can close the element (`</script>`) or open a comment; U+2028/2029 are escaped for old parsers.
 * The result still parses with `JSON.parse` to the same value.
 */
export function embedJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Keeps inline code from ending its `<script>`/`<style>` element early (same meaning inside JS and CSS strings). */
function inlineSafe(code: string, element: 'script' | 'style'): string {
  return code.replace(new RegExp(`</(${element})`, 'gi'), '<\\/$1');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The report's Content-Security-Policy: only the nonce'd inline code and styles run; nothing is fetched. */
export function reportCsp(nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src 'nonce-${nonce}'`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** The whole report page. `nonce` must be fresh, random and base64/hex (it goes into attributes as is). */
export function reportHtml(payload: ReportPayload, assets: ReportAssets, nonce: string): string {
  if (!/^[A-Za-z0-9+/=_-]{16,}$/.test(nonce)) throw new Error('reportHtml: the nonce must be 16+ base64 characters');
  const title = `SFT dashboard: ${payload.summary.scope.label}`;
  return `<!doctype html>
<html lang="en" class="sft-standalone">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${reportCsp(nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="sft-labeler">
<title>${escapeHtml(title)}</title>
<style nonce="${nonce}">${inlineSafe(assets.css, 'style')}</style>
</head>
<body>
<div id="app" aria-live="polite"></div>
<script type="application/json" id="${REPORT_DATA_ELEMENT_ID}">${embedJson(payload)}</script>
<script type="module" nonce="${nonce}">${inlineSafe(assets.elementsJs, 'script')}</script>
<script nonce="${nonce}">${inlineSafe(assets.dashboardJs, 'script')}</script>
</body>
</html>
`;
}
