// The standalone report in a real browser, from file://: it must draw, drill down and show conversations
// as text with its strict CSP and no server. Needs Chromium (the VS Code test setup installs it).
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { DashboardData } from '../../../../src/core/dashboard/dashboardData';
import { WEBVIEW_FILES, writeReport } from '../../../../src/core/dashboard/exportReport';
import { useTmpDir } from '../../../helpers/tmp';
import { HOSTILE, labeledChat, SAMPLES_IN_CHAT, scoreSome } from './fileFixtures';

const CHROMIUM = process.env.SFT_CHROMIUM_PATH ?? '/usr/bin/chromium';
const root = path.resolve(__dirname, '../../../..');

/** Builds the page bundle the way esbuild.mjs does, into a temp folder. */
async function buildWebview(dir: string): Promise<void> {
  await esbuild.build({
    bundle: true, platform: 'browser', format: 'iife', target: 'es2022', minify: true, logLevel: 'silent',
    entryPoints: { dashboard: path.join(root, 'webview/main.ts') }, outdir: dir,
  });
  copyFileSync(path.join(root, 'node_modules/@vscode-elements/elements/dist/bundled.js'), path.join(dir, WEBVIEW_FILES.elements));
}

describe('core/dashboard standalone report in Chromium', function () {
  this.timeout(60_000);
  const tmp = useTmpDir();
  let assets = '';
  let browser: Browser | undefined;

  before(async function () {
    if (!existsSync(CHROMIUM)) this.skip();
    assets = mkdtempSync(path.join(tmpdir(), 'sft-webview-'));
    await buildWebview(assets);
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  });

  after(async () => {
    await browser?.close();
    if (assets) rmSync(assets, { recursive: true, force: true });
  });

  async function openReport(): Promise<{ page: Page; problems: string[]; requests: string[] }> {
    const { file, labels } = await labeledChat(tmp.dir);
    await scoreSome(file, labels);
    const data = await DashboardData.load({ kind: 'file', paths: [file] });
    const out = path.join(tmp.dir, 'out', 'report.html');
    mkdirSync(path.dirname(out), { recursive: true });
    await writeReport(data, out, { assetsDir: assets });
    const page = await browser!.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`file://${out}`);
    await page.locator('[data-metric="samples"] .card-value').waitFor();
    return { page, problems, requests };
  }

  it('draws the overview and charts with no CSP violation, error or request', async () => {
    const { page, problems, requests } = await openReport();
    assert.equal(await page.locator('[data-metric="samples"] .card-value').textContent(), String(SAMPLES_IN_CHAT));
    assert.equal(await page.locator('[data-metric="scored"] .card-value').textContent(), '2');
    assert.equal(await page.locator('[data-histogram="quality"] .hist-column').count(), 9);
    assert.deepEqual(problems, []);
    assert.deepEqual(requests.filter((u) => !u.startsWith('file://')), []);
    await page.close();
  });

  it('filters the explorer from a tag bar and shows a conversation as text', async () => {
    const { page, problems } = await openReport();
    const bar = page.locator('#panel-tags [data-token^="intent:"]').first();
    const token = (await bar.getAttribute('data-token'))!;
    const count = Number((await bar.locator('.bar-value').textContent())!.replace(/\D/g, ''));
    await bar.click();
    await page.locator(`#explorer-filters [data-filter="tag:${token}"]`).waitFor();
    await page.locator('#explorer-count', { hasText: new RegExp(`^${count} samples?$`) }).waitFor();
    assert.equal(await page.locator('.vrow[data-sample]').count(), count);

    await page.locator('[data-action="clear-filters"]').click();
    const tagInput = page.locator('vscode-textfield[aria-label="Add a tag filter"] input');
    await tagInput.fill('python');
    await tagInput.press('Enter');
    await page.locator('#explorer-filters [data-filter="tag:language:python"]').waitFor();
    await page.locator('[data-action="clear-filters"]').click();
    await page.locator('.vrow', { hasText: 'Show an example' }).first().click();
    const turn = page.locator('.detail .turn-text', { hasText: 'Show an example' });
    await turn.waitFor();
    assert.equal(await turn.textContent(), `Show an example ${HOSTILE}`);
    assert.equal(await page.locator('.detail img').count(), 0, 'dataset markup stays text');
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('comes back with its filters and scroll position after a reload', async () => {
    const { page, problems } = await openReport();
    const bar = page.locator('#panel-tags [data-token^="language:"]').first();
    const token = (await bar.getAttribute('data-token'))!;
    await bar.click();
    await page.locator(`#explorer-filters [data-filter="tag:${token}"]`).waitFor();
    // The drill-down scrolls the explorer into view; read the position once it has settled.
    let scrolled = -1;
    for (let same = 0; same < 3; ) {
      await page.waitForTimeout(100);
      const now = await page.evaluate<number>('window.scrollY');
      same = now === scrolled ? same + 1 : 0;
      scrolled = now;
    }
    assert.ok(scrolled > 0, 'the drill-down brought the explorer into view');
    await page.waitForTimeout(500); // the page saves its state a moment after a change
    await page.reload();
    await page.locator(`#explorer-filters [data-filter="tag:${token}"]`).waitFor();
    // Restoring the scroll waits for layout, which a loaded machine delays: poll, don't sample once.
    await page.waitForFunction(`Math.abs(window.scrollY - ${scrolled}) < 2`, undefined, { timeout: 10_000 });
    assert.deepEqual(problems, []);
    await page.close();
  });
});
