/**
 * The dashboard webview's HTML: a strict Content-Security-Policy (scripts only with this page's nonce,
 * styles and fonts only from the extension's bundle folder, nothing remote), the stylesheet, the element
 * library as an ES module and the page bundle. No inline script or style: the page builds itself.
 */

export interface DashboardHtmlInput {
  /** `webview.cspSource`. */
  cspSource: string;
  /** Fresh per HTML: 16+ characters of base64. */
  nonce: string;
  /** Webview URIs (`asWebviewUri`) of the bundle's files. */
  scriptUri: string;
  styleUri: string;
  elementsUri: string;
  title: string;
}

/** The CSP of the dashboard webview (VS Code's webview guide, with nothing loosened). */
export function dashboardCsp(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource}`,
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
  ].join('; ');
}

const escapeAttr = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function dashboardHtml(input: DashboardHtmlInput): string {
  if (!/^[A-Za-z0-9+/=_-]{16,}$/.test(input.nonce)) throw new Error('dashboardHtml: the nonce must be 16+ base64 characters');
  const csp = dashboardCsp(input.cspSource, input.nonce);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttr(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeAttr(input.title)}</title>
<link rel="stylesheet" href="${escapeAttr(input.styleUri)}">
</head>
<body>
<div id="app" aria-live="polite"></div>
<script type="module" nonce="${input.nonce}" src="${escapeAttr(input.elementsUri)}"></script>
<script nonce="${input.nonce}" src="${escapeAttr(input.scriptUri)}"></script>
</body>
</html>
`;
}
