// The editor benchmark, run inside VS Code by scripts/vscode/run-bench.mjs (see bench/editor.ts): CodeLens
// for the visible range and for the whole file, resolving one lens, answering a hover, and activation, on a
// 40 MB dataset whose 20,000 conversations are all labeled.
import { writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { RowLens } from '../../../src/vscode/editor/codeLens';
import { testApi, waitFor, workspaceUri } from '../helpers';

/** Figures of one measured operation, in milliseconds. */
interface Timing {
  p50: number;
  p95: number;
  runs: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const round = (n: number) => Math.round(n * 100) / 100;

function summarize(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), runs: sorted.length };
}

async function time(runs: number, once: (i: number) => Promise<unknown>): Promise<Timing> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await once(i);
    samples.push(performance.now() - started);
  }
  return summarize(samples);
}

function say(line: string): void {
  console.log(`[bench] ${line}`);
}

/** Lines spread over the file, the same on every run. */
function spread(count: number, lines: number): number[] {
  return Array.from({ length: count }, (_, i) => Math.floor(((i * 7919) % count) * (lines / count)));
}

describe('editor benchmark', function () {
  this.timeout(900_000);

  it('measures CodeLens, resolve, hover and activation on a labeled 40 MB dataset', async () => {
    const name = process.env.SFT_BENCH_FILE;
    const out = process.env.SFT_BENCH_OUT;
    if (!name || !out) throw new Error('SFT_BENCH_FILE and SFT_BENCH_OUT must be set (run it with npm run bench -- editor)');
    const api = await testApi();
    const features = api.services.editor;
    const uri = workspaceUri(name);
    const file = uri.fsPath;

    let started = performance.now();
    const document = await vscode.workspace.openTextDocument(uri);
    const openDocumentMs = performance.now() - started;
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    say(`opened ${document.lineCount - 1} lines in ${Math.round(openDocumentMs)} ms`);

    // The first request indexes the document version; every later one reuses that index.
    started = performance.now();
    const first = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
    const firstProvideMs = performance.now() - started;
    const rows = features.documents.rowsOf(document).rows.length;
    say(`first provide (indexing ${rows} rows in ${Math.round(features.documents.rowsOf(document).indexMs)} ms): ${Math.round(firstProvideMs)} ms, ${first.length} lenses`);

    // Visible range: the editor scrolled to places spread over the file, then VS Code asks for lenses (the
    // wait for the scroll to reach the extension host is not timed).
    const targets = spread(40, document.lineCount - 60);
    const visibleRuns: number[] = [];
    let visibleLenses = 0;
    for (const line of targets) {
      editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.AtTop);
      await waitFor(() => editor.visibleRanges.some((r) => r.start.line <= line && r.end.line >= line + 10), `the editor to scroll to line ${line}`);
      const t = performance.now();
      const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
      visibleRuns.push(performance.now() - t);
      visibleLenses = lenses.length;
      if (!lenses.some((l) => l.range.start.line >= line && l.range.start.line < line + 40)) throw new Error(`no lens near line ${line}`);
    }
    const visible = summarize(visibleRuns);
    say(`visible range: p50 ${visible.p50} ms, p95 ${visible.p95} ms (${visibleLenses} lenses)`);

    // Whole file: the row limit lifted, so every one of the 20,000 rows gets a lens.
    const limit = features.codeLens.wholeFileRowLimit;
    features.codeLens.wholeFileRowLimit = Number.POSITIVE_INFINITY;
    let wholeLenses = 0;
    const whole = await time(10, async () => {
      wholeLenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri))?.length ?? 0;
    });
    features.codeLens.wholeFileRowLimit = limit;
    if (wholeLenses !== rows) throw new Error(`whole file: ${wholeLenses} lenses for ${rows} rows`);
    say(`whole file: p50 ${whole.p50} ms (${wholeLenses} lenses)`);

    // Resolving one lens: the label lookup (a record read from the sidecar, cold for each row) and its title.
    const resolveRows = spread(200, rows);
    const resolve = await time(resolveRows.length, async (i) => {
      const lens = await features.codeLens.resolveCodeLens(new RowLens(new vscode.Range(0, 0, 0, 0), document, file, resolveRows[i]!));
      if (!lens.command?.title.startsWith('$(tag)')) throw new Error(`row ${resolveRows[i]} resolved to "${lens.command?.title}"`);
    });
    say(`resolve one lens: p50 ${resolve.p50} ms, p95 ${resolve.p95} ms`);

    // A hover, through VS Code's hover command, on rows spread over the file.
    const hoverLines = spread(100, document.lineCount - 1);
    const hover = await time(hoverLines.length, async (i) => {
      const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(hoverLines[i]!, 3))) ?? [];
      if (hovers.length === 0) throw new Error(`no hover on line ${hoverLines[i]}`);
    });
    say(`hover: p50 ${hover.p50} ms, p95 ${hover.p95} ms`);

    const result = {
      bench: 'editor',
      vscode: vscode.version,
      fileMB: round(Buffer.byteLength(document.getText()) / 1e6),
      conversations: rows,
      activationMs: round(api.activation.loadAndActivateMs),
      activateCallMs: round(api.activation.activateMs),
      openDocumentMs: Math.round(openDocumentMs),
      indexMs: Math.round(features.documents.rowsOf(document).indexMs),
      firstProvideMs: Math.round(firstProvideMs),
      codeLensVisibleMs: { ...visible, lenses: visibleLenses },
      codeLensWholeFileMs: { ...whole, lenses: wholeLenses },
      resolveLensMs: resolve,
      hoverMs: hover,
    };
    writeFileSync(out, `${JSON.stringify(result)}\n`);
  });
});
