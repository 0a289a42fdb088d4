/**
 * Editor benchmark, inside a real VS Code (code-server + headless Chromium, offline): a 40 MB JSONL with
 * 20,000 conversations, all labeled beforehand by the core's heuristic labeler. Measures p50/p95 of
 * providing CodeLens for the visible range and for the whole file, resolving one lens and answering a
 * hover, plus the extension's activation time.
 *
 *   npm run bench -- editor [--skip-build]
 *
 * The dataset is generated once into bench/.data/editor-v2/ (gitignored). Progress goes to stderr; the last
 * line on stdout is the JSON result.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureEditorBenchData } from '../test/integration/bench/editorData';

async function main(): Promise<void> {
  const log = (line: string) => process.stderr.write(`[bench editor] ${line}\n`);
  const data = await ensureEditorBenchData(join(__dirname, '.data'), log);
  log(`${data.file}: ${(data.bytes / 1e6).toFixed(1)} MB, ${data.conversations} conversations, ${data.samples} samples`);
  const scratch = mkdtempSync(join(tmpdir(), 'sft-bench-editor-'));
  const out = join(scratch, 'result.json');
  try {
    const args = [
      join(__dirname, '..', 'scripts', 'vscode', 'run-bench.mjs'),
      '--suite', join(__dirname, '..', 'test', 'integration', 'bench', 'editor.bench.ts'),
      '--workspace', data.dir,
      '--out', out,
      '--env', 'SFT_BENCH_FILE=editor-40mb.jsonl',
      // Open the 40 MB file as text instead of code-server's "file is very large" placeholder (10 MB default),
      // and let the editor show CodeLens on it: VS Code hides lenses on files over 20 MB unless this is off.
      '--setting', 'workbench.editorLargeFileConfirmation=1024',
      '--setting', 'editor.largeFileOptimizations=false',
      ...process.argv.slice(2),
    ];
    const run = spawnSync(process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit'] });
    if (run.status !== 0) throw new Error(`the benchmark run failed (exit ${run.status}); see test-artifacts/vscode/bench-editor-*`);
    process.stdout.write(readFileSync(out, 'utf8').trim() + '\n');
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exit(1);
});
