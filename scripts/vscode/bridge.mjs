// The browser action bridge: tests run in the extension host (server side) and cannot see the browser, so
// the runner serves a loopback HTTP endpoint through which they ask Playwright to look at or act on the page.
// Protocol (POST JSON, answer JSON `{ ok: true, ...result }` or `{ ok: false, error }`): see
// test/integration/bridge.ts for the typed client.
import { createServer } from 'node:http';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const DEFAULT_TIMEOUT_MS = 10_000;
const MAX_BODY_BYTES = 1 << 20;

/** @param {string} name */
export function screenshotFileName(name) {
  const safe = String(name).toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '');
  if (!safe) throw new Error('screenshot needs a name');
  return safe.endsWith('.png') ? safe : `${safe}.png`;
}

/**
 * A locator for `selector`, reached through nested iframes (`frameChain`, outermost first) when given.
 * @param {import('playwright-core').Page} page @param {{ selector?: string, frameChain?: string[] }} req
 */
function locate(page, req) {
  if (typeof req.selector !== 'string' || req.selector === '') throw new Error(`action needs a selector`);
  /** @type {import('playwright-core').Page | import('playwright-core').FrameLocator} */
  let scope = page;
  for (const frame of req.frameChain ?? []) scope = scope.frameLocator(frame);
  return scope.locator(req.selector);
}

/**
 * Carries out one request against the page.
 * @param {import('playwright-core').Page} page @param {any} req @param {string} artifactsDir
 */
async function perform(page, req, artifactsDir) {
  const timeout = typeof req.timeoutMs === 'number' ? req.timeoutMs : DEFAULT_TIMEOUT_MS;
  switch (req.action) {
    case 'screenshot': {
      mkdirSync(artifactsDir, { recursive: true });
      const path = join(artifactsDir, screenshotFileName(req.name));
      if (req.selector) await locate(page, req).screenshot({ path, timeout });
      else await page.screenshot({ path, timeout });
      return { path };
    }
    case 'click':
      await locate(page, req).click({ timeout, button: req.button === 'right' ? 'right' : 'left' });
      return {};
    case 'fill':
      await locate(page, req).fill(String(req.text), { timeout });
      return {};
    case 'type':
      await locate(page, req).pressSequentially(String(req.text), { timeout });
      return {};
    case 'press':
      if (req.selector) await locate(page, req).press(String(req.key), { timeout });
      else await page.keyboard.press(String(req.key));
      return {};
    case 'waitFor':
      await locate(page, req).waitFor({ state: req.state ?? 'visible', timeout });
      return {};
    case 'text':
      return { text: await locate(page, req).innerText({ timeout }) };
    case 'count':
      return { count: await locate(page, req).count() };
    case 'eval':
      return { value: await page.evaluate(String(req.code)) };
    default:
      throw new Error(`unknown bridge action ${JSON.stringify(req.action)}`);
  }
}

/** @param {import('node:http').IncomingMessage} request */
function readJson(request) {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks = [];
    request.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new Error('request body too large'));
      else chunks.push(chunk);
    });
    request.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch (err) {
        reject(err);
      }
    });
    request.on('error', reject);
  });
}

/**
 * Starts the bridge on 127.0.0.1. Requests are served one at a time against the page `currentPage()` returns.
 * @param {{ currentPage: () => import('playwright-core').Page | undefined, artifactsDir: string, log?: (line: string) => void }} opts
 *   log receives one line per failed request (the test sees the full message)
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function startBridge(opts) {
  let queue = Promise.resolve();
  const server = createServer((request, response) => {
    const answer = (status, body) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.method !== 'POST') {
      answer(405, { ok: false, error: 'POST a JSON action' });
      return;
    }
    queue = queue.then(async () => {
      let req;
      try {
        req = await readJson(request);
        const page = opts.currentPage();
        if (!page) throw new Error('no workbench page is open');
        const result = await perform(page, req, opts.artifactsDir);
        answer(200, { ok: true, ...result });
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        opts.log?.(`bridge ${req?.action ?? '?'}${req?.selector ? ` ${req.selector}` : ''} failed: ${message.split('\n')[0]}`);
        answer(500, { ok: false, error: message });
      }
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve(undefined));
    }),
  };
}
