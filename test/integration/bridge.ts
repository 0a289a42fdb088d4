// Typed client of the runner's browser action bridge (scripts/vscode/bridge.mjs): lets a test in the
// extension host look at and drive the workbench page the way a person would.
import { ENV_BRIDGE_URL } from './env';

/** CSS selectors of nested iframes to descend through, outermost first (webviews: `['iframe.webview', 'iframe#active-frame']`). */
export type FrameChain = readonly string[];

/** Where an action applies. */
export interface Target {
  selector: string;
  frameChain?: FrameChain;
  /** Playwright timeout for this action (default 10 s). */
  timeoutMs?: number;
}

/** Everything the bridge can do, as a discriminated union on `action`. */
export type BridgeRequest =
  | { action: 'screenshot'; name: string; selector?: string; frameChain?: FrameChain; timeoutMs?: number }
  | ({ action: 'click'; button?: 'left' | 'right' } & Target)
  | ({ action: 'fill'; text: string } & Target)
  | ({ action: 'type'; text: string } & Target)
  | { action: 'press'; key: string; selector?: string; frameChain?: FrameChain; timeoutMs?: number }
  | ({ action: 'waitFor'; state?: 'attached' | 'detached' | 'visible' | 'hidden' } & Target)
  | ({ action: 'text' } & Target)
  | ({ action: 'count' } & Omit<Target, 'timeoutMs'>)
  | { action: 'eval'; code: string };

/** What each action answers. */
export interface BridgeResults {
  screenshot: { path: string };
  click: object;
  fill: object;
  type: object;
  press: object;
  waitFor: object;
  text: { text: string };
  count: { count: number };
  eval: { value: unknown };
}

/** Whether a bridge is available (the code-server runner has one; the desktop runner does not). */
export function hasBridge(): boolean {
  return Boolean(process.env[ENV_BRIDGE_URL]);
}

/** Sends one request and returns its result; throws with the runner's message when the action failed. */
export async function send<R extends BridgeRequest>(request: R): Promise<BridgeResults[R['action']]> {
  const url = process.env[ENV_BRIDGE_URL];
  if (!url) throw new Error(`${ENV_BRIDGE_URL} is not set: this test needs the code-server runner's browser`);
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) });
  const body = (await response.json()) as { ok: boolean; error?: string } & BridgeResults[R['action']];
  if (!body.ok) throw new Error(`bridge ${request.action} failed: ${body.error ?? response.statusText}`);
  return body;
}

type Where = { frameChain?: FrameChain; timeoutMs?: number };

/** Shorthands over `send` for the usual steps. */
export const workbench = {
  /** Saves a PNG into test-artifacts/vscode/ (the whole page, or one element) and returns its path. */
  screenshot: async (name: string, where: Where & { selector?: string } = {}) => (await send({ action: 'screenshot', name, ...where })).path,
  click: async (selector: string, where: Where = {}) => void (await send({ action: 'click', selector, ...where })),
  /** Right-clicks, opening the element's context menu. */
  rightClick: async (selector: string, where: Where = {}) => void (await send({ action: 'click', button: 'right', selector, ...where })),
  /** Replaces the content of an input. */
  fill: async (selector: string, text: string, where: Where = {}) => void (await send({ action: 'fill', selector, text, ...where })),
  /** Types key by key, as a person would (fires input events per character). */
  type: async (selector: string, text: string, where: Where = {}) => void (await send({ action: 'type', selector, text, ...where })),
  /** Presses a key (`Enter`, `Escape`, `Control+Shift+P`) on the focused element, or on `selector`. */
  press: async (key: string, where: Where & { selector?: string } = {}) => void (await send({ action: 'press', key, ...where })),
  waitFor: async (selector: string, where: Where & { state?: 'attached' | 'detached' | 'visible' | 'hidden' } = {}) =>
    void (await send({ action: 'waitFor', selector, ...where })),
  /** The rendered text (`innerText`) of the element. */
  text: async (selector: string, where: Where = {}) => (await send({ action: 'text', selector, ...where })).text,
  count: async (selector: string, where: { frameChain?: FrameChain } = {}) => (await send({ action: 'count', selector, ...where })).count,
  /** Evaluates a JavaScript expression in the page and returns its JSON-serialisable value. */
  evaluate: async (code: string) => (await send({ action: 'eval', code })).value,
};
