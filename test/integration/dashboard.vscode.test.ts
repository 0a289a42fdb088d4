// The dashboard webview in a real VS Code: its numbers against the store, a drill-down from a tag bar, a
// sample opened in the editor, a live update while labels are written, and screenshots in both themes.
import * as assert from 'node:assert/strict';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { DashboardData } from '../../src/core/dashboard/dashboardData';
import { emptyQuery } from '../../src/core/dashboard/query';
import type { LabelRecord } from '../../src/core/model/records';
import { labelFile } from '../../src/core/run/labelFile';
import { computeFileStats } from '../../src/core/stats/fileStats';
import { Sidecar } from '../../src/core/store/sidecar';
import type { DashboardFeature } from '../../src/vscode/dashboard/registerDashboard';
import { bundledTaxonomy, judgement, labeledChat, scoreRecordFor } from '../unit/core/dashboard/fileFixtures';
import { hasBridge, workbench, type FrameChain } from './bridge';
import { testApi, waitFor, workspaceUri } from './helpers';

/** The dashboard page inside the webview's two iframes. */
const FRAME: FrameChain = ['iframe.webview.ready', 'iframe#active-frame'];
const at = { frameChain: FRAME };

async function setTheme(theme: string | undefined): Promise<void> {
  await vscode.workspace.getConfiguration().update('workbench.colorTheme', theme, vscode.ConfigurationTarget.Global);
  // The webview picks the new variables up a moment after the switch.
  await new Promise((resolve) => setTimeout(resolve, 1200));
}

/** Numbers on the page are formatted for reading ("1,234"): compare digits. */
const digits = (text: string) => text.replace(/\D/g, '');

/** Requests of many kinds, so the charts have several bars each (the heuristic labeler tags them). */
function variedRows(): string {
  const asks = [
    ['Write a Python function that parses a CSV file and returns the rows as dicts.', 'import csv\ndef read(path):\n    with open(path) as f:\n        return list(csv.DictReader(f))'],
    ['Fix this Go code: it panics with index out of range when the slice is empty.', 'Check the length first: if len(xs) == 0 { return 0 }'],
    ['Explain how a SQL LEFT JOIN differs from an INNER JOIN.', 'A LEFT JOIN keeps every row of the left table; an INNER JOIN keeps only matching rows.'],
    ['Refactor this JavaScript callback code to use async/await.', 'async function load() { const res = await fetch(url); return res.json(); }'],
    ['Write a Rust function that reverses a string with unicode support.', 'fn rev(s: &str) -> String { s.chars().rev().collect() }'],
    ['Why does my Dockerfile rebuild every layer on each build?', 'Copy the dependency manifest first and install before copying the sources, so the cache is reused.'],
    ['Debug this Java NullPointerException in my Spring controller.', 'The repository is null because the class is not a bean: annotate it with @Service.'],
    ['Optimize this Python loop that sums squares of a million numbers.', 'Use sum(x*x for x in range(n)) or numpy: np.square(a).sum().'],
  ];
  const rows: string[] = [];
  for (let i = 0; i < 48; i++) {
    const [q, a] = asks[i % asks.length]!;
    rows.push(JSON.stringify({ id: `v${i}`, messages: [{ role: 'user', content: `${q} (case ${i})` }, { role: 'assistant', content: `${a}\n// variant ${i}` }] }));
  }
  return `${rows.join('\n')}\n`;
}

/** Scores for every other labeled sample, spread over the scale, so the Pass 2 sections have something to show. */
async function scoreHalf(file: string): Promise<number> {
  const sidecar = await Sidecar.openForWrite(file);
  const labels: LabelRecord[] = [];
  for await (const r of sidecar.log.records()) if (r.status === 'success') labels.push(r);
  const records = labels
    .filter((_, i) => i % 2 === 0)
    .map((label, i) => scoreRecordFor(label, { judgement: judgement(3 + (i % 6), 2 + ((i * 3) % 8), 3 + (i % 5), i % 5 === 0 ? ['incomplete'] : []) }));
  await sidecar.log.append(records);
  await sidecar.close();
  return records.length;
}

describe('dashboard webview', function () {
  this.timeout(180_000);
  let feature: DashboardFeature | undefined;
  let folder = '';
  let chat = '';

  before(async function () {
    if (!hasBridge()) this.skip();
    const api = await testApi();
    feature = api.services.dashboard;
    folder = workspaceUri('dashboard-data').fsPath;
    mkdirSync(folder, { recursive: true });
    chat = (await labeledChat(folder)).file;
    const varied = path.join(folder, 'varied.jsonl');
    writeFileSync(varied, variedRows());
    await labelFile({ file: varied, taxonomy: await bundledTaxonomy(), labeler: { kind: 'heuristic' }, concurrency: 4 });
    const samples = path.resolve(__dirname, '../../samples');
    for (const name of readdirSync(samples).filter((n) => /\.jsonl?$/.test(n))) {
      const copy = path.join(folder, name);
      cpSync(path.join(samples, name), copy);
      await labelFile({ file: copy, taxonomy: await bundledTaxonomy(), labeler: { kind: 'heuristic' }, concurrency: 2 });
    }
    for (const name of readdirSync(folder).filter((n) => /\.jsonl?$/.test(n))) await scoreHalf(path.join(folder, name));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  after(async () => {
    for (const panel of feature?.panels() ?? []) panel.dispose();
    await setTheme(undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows the overview and the tag bars the store holds, in dark and light themes', async () => {
    const started = Date.now();
    // Through the contributed command, as the Explorer context menu runs it.
    const panel = (await vscode.commands.executeCommand('sftLabeler.openDashboard', vscode.Uri.file(folder))) as Awaited<
      ReturnType<DashboardFeature['open']>
    >;
    assert.ok(panel && feature!.panels().includes(panel), 'the command opened a panel of the registered feature');
    await workbench.waitFor('[data-metric="samples"] .card-value', { ...at, timeoutMs: 30_000 });
    const paintMs = Date.now() - started;
    console.log(`dashboard first meaningful paint: ${paintMs} ms`);
    await panel.whenLoaded();

    // The store's own view of the same files.
    const expected = await DashboardData.load({ kind: 'folder', paths: [folder] });
    const o = expected.summary().overview;
    assert.ok(o.samples > 50 && o.scored > 20, `fixture too small: ${JSON.stringify(o)}`);
    assert.equal(digits(await workbench.text('[data-metric="samples"] .card-value', at)), String(o.samples));
    assert.equal(digits(await workbench.text('[data-metric="labeled"] .card-value', at)), String(o.labeled));
    assert.equal(digits(await workbench.text('[data-metric="scored"] .card-value', at)), String(o.scored));
    assert.equal(digits(await workbench.text('[data-metric="heuristic"] .card-value', at)), String(o.labelers.heuristic));

    // One chart against the Pass 1 stats of the sidecars (computed file by file, summed): the intent bars.
    const intents = new Map<string, number>();
    for (const file of expected.scope.files) {
      for (const [tag, n] of Object.entries((await computeFileStats(file)).tag_distributions.intent ?? {})) intents.set(tag, (intents.get(tag) ?? 0) + n);
    }
    assert.equal(await workbench.count('#panel-tags [data-token^="intent:"]', at), intents.size);
    for (const [tag, count] of intents) {
      assert.equal(digits(await workbench.text(`#panel-tags [data-token="intent:${tag}"] .bar-value`, at)), String(count), tag);
    }

    assert.equal(await workbench.count('.notice.error', at), 0, 'no CSP violation or malformed message on the page');

    await setTheme('Default Dark Modern');
    await workbench.screenshot('dashboard-dark');
    await setTheme('Default Light Modern');
    await workbench.screenshot('dashboard-light');
    await workbench.screenshot('dashboard-light-scores', { selector: '#panel-histograms', ...at });
    await setTheme('Default High Contrast');
    await workbench.screenshot('dashboard-high-contrast');
    await setTheme('Default Dark Modern');
  });

  it('filters the explorer from a tag bar, and opens a sample at its line in the editor', async () => {
    const panel = feature!.panels().find((p) => p.scope.paths[0] === folder)!;
    const top = panel.current!.summary().tagDistributions.intent[0]!;
    await workbench.click(`#panel-tags [data-token="intent:${top.tag}"]`, at);
    await workbench.waitFor(`#explorer-filters [data-filter="tag:intent:${top.tag}"]`, at);
    await waitFor(async () => digits(await workbench.text('#explorer-count', at)) === String(top.count), `explorer count ${top.count}`);
    await workbench.screenshot('dashboard-explorer', { selector: '#panel-explorer', ...at });

    const first = panel.current!.engine().page({ ...emptyQuery(), tags: [`intent:${top.tag}`] }, 0, 1).rows[0]!;
    const file = panel.current!.scope.files[first.file]!;
    await workbench.click(`.vrow[data-sample="${first.id}"]`, at);
    await workbench.waitFor(`.detail[data-sample="${first.id}"]`, at);
    await workbench.click(`.vrow[data-sample="${first.id}"] [data-action="open"]`, at);
    const editor = await waitFor(() => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.uri.fsPath === file ? e : undefined;
    }, `an editor on ${file}`);
    assert.equal(editor.selection.start.line, first.line - 1);
    await workbench.screenshot('dashboard-opened-sample');
  });

  it('exports the same dashboard as one standalone HTML file', async () => {
    const target = vscode.Uri.file(path.join(folder, 'report', 'dashboard.html'));
    const written = await feature!.exportHtml(vscode.Uri.file(folder), target);
    assert.equal(written, target.fsPath);
    const html = readFileSync(target.fsPath, 'utf8');
    assert.match(html, /^<!doctype html>/);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-/);
    const panel = feature!.panels().find((p) => p.scope.paths[0] === folder)!;
    const json = html.slice(html.indexOf('id="sft-dashboard-data">') + 'id="sft-dashboard-data">'.length, html.indexOf('</script>', html.indexOf('id="sft-dashboard-data">')));
    const payload = JSON.parse(json) as { summary: { overview: { samples: number } }; rows: { n: number } };
    assert.equal(payload.rows.n, panel.current!.rows().length);
    assert.equal(payload.summary.overview.samples, panel.current!.summary().overview.samples);
    assert.ok(!html.includes(folder), 'no absolute path of this machine in a report meant for sharing');
  });

  it('follows samples and labels as they are written', async () => {
    const panel = feature!.panels().find((p) => p.scope.paths[0] === folder)!;
    try {
      const before = panel.current!.summary().overview.samples;
      const added = { id: 'live', messages: [{ role: 'user', content: 'Write a Rust function that adds two numbers.' }, { role: 'assistant', content: 'fn add(a: i32, b: i32) -> i32 { a + b }' }] };
      writeFileSync(chat, `${readFileSync(chat, 'utf8')}${JSON.stringify(added)}\n`);
      await waitFor(async () => digits(await workbench.text('[data-metric="samples"] .card-value', at)) === String(before + 1), 'the new sample on the page', 20_000);
      const unlabeled = Number(digits(await workbench.text('[data-metric="unlabeled"] .card-value', at)));
      assert.ok(unlabeled >= 1);
      await labelFile({ file: chat, taxonomy: await bundledTaxonomy(), labeler: { kind: 'heuristic' }, concurrency: 1 });
      await waitFor(async () => Number(digits(await workbench.text('[data-metric="unlabeled"] .card-value', at))) === unlabeled - 1, 'the label on the page', 20_000);
    } finally {
      panel.dispose(); // a failure here must not leave a second webview for the next test
    }
  });

  it('explains that a file over 50 MB cannot be opened in the editor', async () => {
    const big = workspaceUri('dashboard-big/huge.jsonl').fsPath;
    mkdirSync(path.dirname(big), { recursive: true });
    // Identical lines: one distinct sample, so reading stays quick while the file is over the limit.
    const line = JSON.stringify({ messages: [{ role: 'user', content: 'x'.repeat(1_000) }, { role: 'assistant', content: 'y' }] });
    writeFileSync(big, `${line}\n`.repeat(Math.ceil((51 * 1024 * 1024) / (line.length + 1))));
    const bigPanel = await feature!.open(vscode.Uri.file(big));
    await bigPanel.whenLoaded();
    await workbench.click('.vrow[data-sample] [data-action="open"]', { ...at, timeoutMs: 30_000 });
    await workbench.waitFor('.notice.warning', at);
    assert.match(await workbench.text('.notice.warning', at), /huge\.jsonl is 5\d MB: VS Code does not open files over 50 MB/);
    bigPanel.dispose();
  });

  /**
   * The benchmark's step (bench/dashboard.ts --vscode): "Open Dashboard" on its 100,000-sample folder until
   * the overview is drawn. Declared only when the benchmark names the folder, so test runs don't carry it.
   */
  const benchDir = process.env.SFT_DASHBOARD_BENCH_DIR;
  const benchOut = process.env.SFT_DASHBOARD_BENCH_OUT;
  const benchIt = benchDir && benchOut ? it : undefined;
  benchIt?.('first meaningful paint on a large scope', async function () {
    const dir = benchDir;
    const out = benchOut;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const started = Date.now();
    const panel = await feature!.open(vscode.Uri.file(dir!));
    await workbench.waitFor('[data-metric="samples"] .card-value', { ...at, timeoutMs: 120_000 });
    const firstPaintMs = Date.now() - started;
    await panel.whenLoaded();
    const samples = panel.current!.summary().overview.samples;
    assert.equal(digits(await workbench.text('[data-metric="samples"] .card-value', at)), String(samples));
    await workbench.screenshot('dashboard-bench-overview');
    // The last of 100,000 rows, paged from the extension host on demand.
    await workbench.click('.vrow[data-index="0"]', at);
    await workbench.press('End', { selector: '.vlist', ...at });
    await workbench.waitFor(`.vrow[data-index="${samples - 1}"][aria-selected="true"]`, { ...at, timeoutMs: 20_000 });
    await workbench.screenshot('dashboard-bench-explorer-end', { selector: '#panel-explorer', ...at });
    writeFileSync(out!, JSON.stringify({ firstPaintMs, samples, loadedAfterMs: (panel.firstSummaryAt ?? Date.now()) - started }));
    panel.dispose();
  });
});
