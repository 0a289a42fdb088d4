/**
 * Entry of the dashboard page bundle (`dist/webview/dashboard.js`). Picks the backend: the extension host
 * inside VS Code, or the data embedded in a standalone report.
 */
import './zodSetup';
import './styles/dashboard.css';
import { App } from './app';
import type { Backend } from './backend';
import { h, replaceChildren } from './dom';
import { createStandaloneBackend, isStandaloneReport, readEmbeddedReport } from './standaloneBackend';
import { createVsCodeBackend, inVsCode } from './vscodeBackend';

function fail(root: HTMLElement, message: string): void {
  replaceChildren(root, h('div', { class: 'notice error' }, message));
}

function boot(): void {
  const root = document.getElementById('app') ?? document.body;
  // The VS Code backend reports malformed messages through the app, which exists only once the backend does.
  const late: { app?: App } = {};
  // Nothing here should ever be blocked by the CSP; if something is, say so instead of failing silently.
  document.addEventListener('securitypolicyviolation', (e) => {
    late.app?.notice('error', `The page's security policy blocked ${e.blockedURI || 'inline content'} (${e.violatedDirective}).`);
  });
  let backend: Backend;
  if (isStandaloneReport()) {
    try {
      backend = createStandaloneBackend(readEmbeddedReport());
    } catch (err) {
      fail(root, err instanceof Error ? err.message : String(err));
      return;
    }
  } else if (inVsCode()) {
    backend = createVsCodeBackend((error) => late.app?.notice('error', error));
  } else {
    fail(root, 'This page shows an SFT dashboard: open it from VS Code (SFT: Open Dashboard) or as an exported report.');
    return;
  }
  const app = new App(root, backend);
  late.app = app;
  app.start();
}

boot();
