/**
 * The backend inside VS Code: messages to and from the extension host. The `acquireVsCodeApi()` handle stays
 * in this module's closure (never on `window`), as VS Code's webview guide asks.
 */
import { parseToWebview, type ToHost, type ToWebview } from '../src/shared/dashboardProtocol';
import type { DashboardViewState } from '../src/shared/dashboardState';
import type { Backend } from './backend';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** True when the page runs in a VS Code webview. */
export function inVsCode(): boolean {
  return typeof (globalThis as { acquireVsCodeApi?: unknown }).acquireVsCodeApi === 'function';
}

export function createVsCodeBackend(onInvalid: (error: string) => void): Backend {
  const api = acquireVsCodeApi();
  return {
    post: (message: ToHost) => api.postMessage(message),
    onMessage(handler: (message: ToWebview) => void) {
      window.addEventListener('message', (event: MessageEvent) => {
        const parsed = parseToWebview(event.data);
        if (parsed.ok) handler(parsed.message);
        else onInvalid(`Ignored a malformed message from the extension: ${parsed.error}`);
      });
    },
    loadState: () => api.getState(),
    saveState: (state: DashboardViewState) => api.setState(state),
  };
}
