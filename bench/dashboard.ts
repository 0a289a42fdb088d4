/**
 * Dashboard benchmark on 100,000 labeled and scored synthetic samples (10% of them in 3-reply conversations):
 * - aggregation: reading the file with its sidecar into rows and the summary (seconds, peak RSS of a fresh
 *   process), and the first explorer page sorted by value;
 * - the standalone HTML report of the same scope (bytes, seconds);
 * - with `--vscode`: time from "Open Dashboard" to the first meaningful paint (the overview drawn) in the
 *   real VS Code harness (code-server + Chromium), measured by the integration suite on this data.
 * Usage: npm run bench -- dashboard [--samples 100000] [--vscode] [--keep]
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { DashboardData, taxonomyPool } from '../src/core/dashboard/dashboardData';
import { writeReport } from '../src/core/dashboard/exportReport';
import { emptyQuery } from '../src/core/dashboard/query';
import { readDataset } from '../src/core/dataset/read';
import { PROMPT_VERSION } from '../src/core/labeling/types';
import { DIMENSIONS, SINGLE_SELECT, emptyLabelSet, type LabelSet } from '../src/core/model/labels';
import type { LabelRecord, ScoreRecord } from '../src/core/model/records';
import { labelsFingerprint } from '../src/core/scoring/fingerprint';
import { sidecarPaths } from '../src/core/store/paths';
import { loadTaxonomy } from '../src/core/taxonomy/load';
import type { Taxonomy } from '../src/core/taxonomy/types';
import { seededRandom } from '../src/core/util/prng';

const root = path.resolve(__dirname, '..');


const LANGS = ['python', 'typescript', 'rust', 'go', 'java', 'sql'];

/** Rows until `samples` replies: every tenth row is a 3-reply conversation. */
async function writeDataset(file: string, samples: number): Promise<void> {
  const out = createWriteStream(file);
  let count = 0;
  for (let i = 0; count < samples; i++) {
    const lang = LANGS[i % LANGS.length]!;
    const replies = i % 10 === 0 && samples - count >= 3 ? 3 : 1;
    const conversations: { from: string; value: string }[] = [];
    for (let k = 0; k < replies; k++) {
      conversations.push({ from: 'human', value: `Task ${i}.${k}: write a ${lang} function that validates an email address, then explain the edge cases you handled.` });
      conversations.push({ from: 'gpt', value: `Here is one way in ${lang} (${i}.${k}):\n\`\`\`${lang}\nfn validate(s) { return s.includes('@') && !s.startsWith('@') }\n\`\`\`\nEdge cases: empty strings, several @ signs, unicode domains, trailing dots.` });
    }
    count += replies;
    if (!out.write(`${JSON.stringify({ id: `b${i}`, conversations })}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

function randomLabels(taxonomy: Taxonomy, next: () => number): LabelSet {
  const labels = emptyLabelSet();
  const pick = (pool: readonly string[], n: number) => [...new Set(Array.from({ length: n }, () => pool[Math.floor(next() * pool.length)]!))];
  const counts: Record<string, number> = { language: 1 + Math.floor(next() * 2), domain: Math.floor(next() * 2), task: 1 + Math.floor(next() * 2), concept: Math.floor(next() * 4), agentic: Math.floor(next() * 2), constraint: Math.floor(next() * 2) };
  for (const dim of DIMENSIONS) {
    // Skewed towards the start of each pool, as real label distributions are.
    const pool = taxonomy.pool(dim).slice(0, 12 + Math.floor(next() * 20));
    if (SINGLE_SELECT.has(dim)) (labels as unknown as Record<string, string>)[dim] = pick(pool, 1)[0]!;
    else (labels as unknown as Record<string, string[]>)[dim] = pick(pool, counts[dim] ?? 1);
    labels.confidence[dim] = Math.round((0.45 + next() * 0.5) * 100) / 100;
  }
  return labels;
}

/** A sidecar with an LLM label for every sample (2% failed) and a score for 90% of the labeled ones. */
async function writeSidecar(file: string, taxonomy: Taxonomy): Promise<{ samples: number; scored: number }> {
  const paths = sidecarPaths(file);
  mkdirSync(paths.dir, { recursive: true });
  const out = createWriteStream(paths.labels);
  const next = seededRandom(42);
  let samples = 0;
  let scored = 0;
  const at = new Date().toISOString();
  for await (const item of readDataset(file)) {
    for (const s of item.samples) {
      samples++;
      const locator = { rowIndex: s.source.rowIndex, line: s.source.line, turnIndex: s.turnIndex, totalTurns: s.totalTurns, displayId: s.displayId, format: s.format };
      const failed = next() < 0.02;
      const labels = failed ? undefined : randomLabels(taxonomy, next);
      const label: LabelRecord = {
        kind: 'label', v: 1, sampleId: s.id, taxonomyHash: taxonomy.hash, promptVersion: PROMPT_VERSION, labeler: 'llm', model: 'bench-model',
        status: failed ? 'failed' : 'success',
        ...(labels ? { labels } : { failure: { code: 'invalid_answer' as const, message: 'bench failure' } }),
        monitor: { llm_calls: 2, attempts: 2, prompt_tokens: 900 + Math.floor(next() * 400), completion_tokens: 120, elapsed_ms: 800, latency_ms: 700, arbitrated: next() < 0.1, low_confidence_dims: [], validation_issues: [], consistency_warnings: [], errors: [] },
        locator, runId: 'bench', at,
      };
      let line = `${JSON.stringify(label)}\n`;
      if (labels && next() < 0.9) {
        const n = () => 2 + Math.floor(next() * 8);
        const score: ScoreRecord = {
          kind: 'score', v: 1, sampleId: s.id, labelsFingerprint: labelsFingerprint(labels), labelsOrigin: 'sidecar', promptVersion: 'pass2-v1', model: 'bench-model',
          status: 'success', thinkingMode: s.thinkingMode,
          judgement: {
            complexity: { instruction: n(), analytical_depth: n(), implementation: n(), overall: n() },
            quality: { correctness: n(), code_quality: n(), explanation: n(), completeness: n(), overall: n() },
            reasoning: { clarity: n(), consistency: n(), self_correction: false, overall: n() },
            flags: next() < 0.05 ? ['incomplete'] : next() < 0.03 ? ['has-bug'] : [],
            unknown_flags: [],
            confidence: Math.round((0.5 + next() * 0.45) * 100) / 100,
          },
          monitor: { llm_calls: 1, attempts: 1, prompt_tokens: 1500, completion_tokens: 120, elapsed_ms: 900, latency_ms: 800, validation_issues: [], errors: [], truncated: false, prompt_bytes: 6000, budget_chars: 14_000 },
          locator, runId: 'bench', at,
        };
        line += `${JSON.stringify(score)}\n`;
        scored++;
      }
      if (!out.write(line)) await once(out, 'drain');
    }
  }
  out.end();
  await once(out, 'finish');
  return { samples, scored };
}

/** Child process: read the scope and build the summary and one sorted page, with nothing else in memory. */
async function aggregatePhase(file: string): Promise<void> {
  const { taxonomy } = await loadTaxonomy();
  const t0 = performance.now();
  const data = await DashboardData.load({ kind: 'file', paths: [file] }, { pool: taxonomy ? taxonomyPool(taxonomy) : undefined });
  const t1 = performance.now();
  const summary = data.summary();
  const t2 = performance.now();
  const page = data.engine().page({ ...emptyQuery(), sort: { key: 'value', dir: 'desc' } }, 0, 100);
  const t3 = performance.now();
  const filtered = data.engine().page({ ...emptyQuery(), tags: [`language:${summary.tagDistributions.language[0]?.tag ?? 'python'}`], text: 'unicode', sort: { key: 'quality', dir: 'asc' } }, 0, 100);
  const t4 = performance.now();
  console.log(JSON.stringify({
    read_seconds: (t1 - t0) / 1000,
    summary_seconds: (t2 - t1) / 1000,
    first_page_ms: t3 - t2,
    filtered_page_ms: t4 - t3,
    peak_rss_mb: process.resourceUsage().maxRSS / 1024,
    samples: summary.overview.samples,
    scored: summary.overview.scored,
    page_rows: page.rows.length,
    filtered_total: filtered.total,
  }));
}

/** Runs this file again in a fresh Node process and returns its JSON line. */
function child<T>(args: string[]): T {
  const r = spawnSync(process.execPath, ['--require', 'tsx/cjs', __filename, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed:\n${r.stderr}`);
  const lines = r.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]!) as T;
}

/** Opens the dashboard on `dir` in the VS Code harness; the suite writes the measured time to `out`. */
function firstPaintInVsCode(dir: string): number | null {
  const out = path.join(dir, 'first-paint.json');
  const r = spawnSync(process.execPath, ['scripts/vscode/run-tests.mjs', '--grep', 'first meaningful paint on a large scope'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, SFT_DASHBOARD_BENCH_DIR: dir, SFT_DASHBOARD_BENCH_OUT: out },
  });
  if (r.status !== 0 || !existsSync(out)) {
    console.error('The VS Code harness run failed; first paint not measured.');
    return null;
  }
  return (JSON.parse(readFileSync(out, 'utf8')) as { firstPaintMs: number }).firstPaintMs;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      samples: { type: 'string', default: '100000' },
      vscode: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      phase: { type: 'string' },
      file: { type: 'string' },
    },
  });
  if (values.phase === 'aggregate') return aggregatePhase(values.file!);

  const samplesWanted = Number(values.samples);
  const dir = mkdtempSync(path.join(tmpdir(), 'sft-bench-dashboard-'));
  const file = path.join(dir, 'bench.jsonl');
  try {
    const { taxonomy } = await loadTaxonomy();
    if (!taxonomy) throw new Error('bundled taxonomy failed to load');
    const g0 = performance.now();
    await writeDataset(file, samplesWanted);
    const written = await writeSidecar(file, taxonomy);
    console.log(`generated ${written.samples} samples (${written.scored} scored) in ${((performance.now() - g0) / 1000).toFixed(1)} s: ${(statSync(file).size / 1e6).toFixed(1)} MB data, ${(statSync(sidecarPaths(file).labels).size / 1e6).toFixed(1)} MB sidecar`);

    const agg = child<{ read_seconds: number; summary_seconds: number; first_page_ms: number; filtered_page_ms: number; peak_rss_mb: number; samples: number; scored: number }>(['--phase', 'aggregate', '--file', file]);
    console.log(`aggregation: read ${agg.read_seconds.toFixed(2)} s + summary ${agg.summary_seconds.toFixed(2)} s, peak RSS ${agg.peak_rss_mb.toFixed(0)} MB; first page by value ${agg.first_page_ms.toFixed(0)} ms, filtered page ${agg.filtered_page_ms.toFixed(0)} ms`);

    const data = await DashboardData.load({ kind: 'file', paths: [file] }, { pool: taxonomyPool(taxonomy) });
    const r0 = performance.now();
    const reportFile = path.join(dir, 'report.html');
    const assetsDir = path.join(root, 'dist', 'webview');
    if (!existsSync(path.join(assetsDir, 'dashboard.js'))) throw new Error('Build first (npm run build): the report embeds dist/webview/dashboard.js');
    const reportBytes = await writeReport(data, reportFile, { assetsDir });
    const reportSeconds = (performance.now() - r0) / 1000;
    console.log(`standalone report: ${(reportBytes / 1e6).toFixed(1)} MB in ${reportSeconds.toFixed(2)} s (${reportFile})`);

    const firstPaintMs = values.vscode ? firstPaintInVsCode(dir) : null;
    if (firstPaintMs !== null) console.log(`VS Code: Open Dashboard → overview drawn in ${firstPaintMs} ms`);
    console.log(
      JSON.stringify({
        bench: 'dashboard',
        samples: agg.samples,
        scored: agg.scored,
        aggregate_seconds: round(agg.read_seconds + agg.summary_seconds),
        read_seconds: round(agg.read_seconds),
        summary_seconds: round(agg.summary_seconds),
        peak_rss_mb: round(agg.peak_rss_mb, 0),
        first_page_ms: round(agg.first_page_ms, 1),
        filtered_page_ms: round(agg.filtered_page_ms, 1),
        report_bytes: reportBytes,
        report_mb: round(reportBytes / 1e6, 1),
        report_seconds: round(reportSeconds),
        vscode_first_paint_ms: firstPaintMs,
      }),
    );
  } finally {
    if (!values.keep) rmSync(dir, { recursive: true, force: true });
    else console.log(`kept ${dir}`);
  }
}

function round(n: number, dp = 2): number {
  return Math.round(n * 10 ** dp) / 10 ** dp;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
