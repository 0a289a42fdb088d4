import * as path from 'node:path';
import { exportScores } from '../../core/export/exportScores';
import { scanScored, walkScored } from '../../core/export/scoredScan';
import type { LlmClient } from '../../core/llm/types';
import { scoreFile } from '../../core/run/scoreFile';
import { BaselineError } from '../../core/scoring/baseline';
import { SampleStateReader, isScoreCurrent } from '../../core/scoring/labelSource';
import { ORIGIN } from '../../core/scoring/table';
import { estimateScoreCall } from '../../core/scoring/pass2';
import type { ScoreOptions } from '../../core/scoring/types';
import { emptyLabelSet } from '../../core/model/labels';
import { readDataset } from '../../core/dataset/read';
import { Sidecar } from '../../core/store/sidecar';
import { defaultExportDir, sidecarPaths } from '../../core/store/paths';
import { EXIT, intFlag, parse } from '../args';
import { cliClient, resolveEndpoint } from '../endpoint';
import { withInterrupts } from '../interrupts';
import { ProgressPrinter, formatDuration } from '../progressLine';
import { RARITY_FLAG_OPTIONS, RARITY_FLAGS_HELP, raritySettings, scoreOptions, scoringBudget, type RaritySettings } from './scoringFlags';
import { datasetFilesOf, formatIssue } from './shared';

export const scoreHelp = `Usage: sft-labeler score <file|folder>... [options]

Pass 2: score every labeled reply for complexity, quality and reasoning (one LLM call each), then compute
rarity, value and selection scores without the LLM. Labels come from Pass 1 ("sft-labeler label"), or from
the "labels" of files written by sft-label. Scores go to the sidecar next to the labels; the dataset is never
modified. Re-running skips replies already scored from the same labels, so an interrupted run resumes.

Endpoint (OpenAI-compatible), as for "label":
  --base-url URL        or SFT_LABELER_BASE_URL / LITELLM_BASE
  --model NAME          or SFT_LABELER_MODEL (default gpt-4o-mini)
  API key from SFT_LABELER_API_KEY or LITELLM_KEY.

Options:
  --concurrency N       replies scored at once, 1-1024 (default 16)
  --limit N             only the first N samples of each file
  --force               rescore replies whose score is current
  --timeout SECONDS     per-request timeout (default 60)
  --budget SIZE         conversation shown to the judge: compact (14000 chars, default), full (20000) or CHARS
${RARITY_FLAGS_HELP}
  --out DIR             also write scored.json, scored.jsonl, monitor_value.jsonl, failed_value.jsonl,
                        conversation_scores.json and stats_scoring.json (several datasets: one folder each)
  --export-only         write those outputs from the scores already there; no endpoint, no calls
                        (default folder: <dir>/<name>_labeled/)
  --show                print each reply's scores (ours, or those an sft-label file carries); no calls
  --dry-run             print samples, replies to score, LLM calls and estimated prompt tokens; call nobody
  --quiet               no progress line

Exit code: 0 done, 1 error (bad input, authentication), 2 stopped but resumable (Ctrl+C, too many failures).`;

export async function scoreCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    'base-url': { type: 'string' },
    model: { type: 'string' },
    concurrency: { type: 'string' },
    limit: { type: 'string' },
    force: { type: 'boolean' },
    timeout: { type: 'string' },
    budget: { type: 'string' },
    ...RARITY_FLAG_OPTIONS,
    out: { type: 'string' },
    'export-only': { type: 'boolean' },
    show: { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    quiet: { type: 'boolean' },
  });
  const concurrency = intFlag(values.concurrency, 'concurrency', 1, 1024) ?? 16;
  const limit = intFlag(values.limit, 'limit', 1, Number.MAX_SAFE_INTEGER);
  const timeoutS = intFlag(values.timeout, 'timeout', 1, 3600) ?? 60;
  const options = scoreOptions(scoringBudget(values.budget));
  const settings = raritySettings(values);
  const files = await datasetFilesOf(positionals);

  if (values.show) return showScores(files, settings);
  if (values['export-only']) return exportAll(files, settings, values.out ?? undefined, true);
  const endpoint = resolveEndpoint({ baseUrl: values['base-url'], model: values.model });
  if (values['dry-run']) return scoreDryRun(files, options, limit, endpoint ? `${endpoint.model} at ${new URL(endpoint.baseUrl).origin}` : undefined);
  if (!endpoint) {
    console.error('Scoring needs an LLM endpoint: set --base-url/--model or SFT_LABELER_BASE_URL (there is no offline scorer).');
    return EXIT.error;
  }
  const client = cliClient(endpoint, { concurrency, timeoutSeconds: timeoutS, quiet: values.quiet });
  console.error(`Scoring with ${endpoint.model} at ${new URL(endpoint.baseUrl).origin} (concurrency ${concurrency})`);
  return withInterrupts(async (signal) => {
    const exit = await scoreFiles(files, { client, options, settings, concurrency, limit, force: values.force, quiet: values.quiet, signal });
    if (exit === EXIT.ok && values.out !== undefined) return exportAll(files, settings, values.out, false);
    return exit;
  });
}

export interface ScoreRunSettings {
  client: LlmClient;
  options: ScoreOptions;
  settings: RaritySettings;
  concurrency: number;
  limit?: number;
  force?: boolean;
  quiet?: boolean;
  signal: AbortSignal;
}

/** Score each file in turn, printing progress and a summary; the exit code says how it ended. */
export async function scoreFiles(files: string[], run: ScoreRunSettings): Promise<number> {
  const printer = new ProgressPrinter();
  const totals = { scored: 0, failed: 0, skipped: 0, unlabeled: 0, calls: 0, tokens: 0 };
  for (const file of files) {
    if (run.signal.aborted) return EXIT.resumable;
    let result;
    try {
      result = await scoreFile({
        file,
        client: run.client,
        options: run.options,
        concurrency: run.concurrency,
        limit: run.limit,
        force: run.force,
        baseline: run.settings.baseline,
        rarity: run.settings.rarity,
        weights: run.settings.weights,
        signal: run.signal,
        onIssue: (i) => {
          printer.break();
          console.error(formatIssue(i));
        },
        onProgress: (p) => {
          if (!run.quiet) printer.update(p, p.phase !== 'scoring');
        },
        onRecord: (r) => {
          totals.calls += r.monitor.llm_calls;
          totals.tokens += r.monitor.prompt_tokens + r.monitor.completion_tokens;
          if (r.status !== 'success') {
            printer.break();
            console.error(`${file}:${r.locator.line}: ${r.locator.displayId} score failed: ${r.failure?.message ?? 'unknown error'}`);
          }
        },
      });
    } catch (err) {
      if (err instanceof BaselineError) {
        console.error(err.message);
        return EXIT.error;
      }
      throw err;
    }
    printer.break();
    const p = result.progress;
    totals.scored += p.done - p.failed;
    totals.failed += p.failed;
    totals.skipped += p.skipped;
    totals.unlabeled += result.unlabeled;
    console.error(
      `${file}: ${p.total} samples, ${p.done - p.failed} scored, ${p.failed} failed, ${p.skipped} already scored, ` +
        `${result.unlabeled} not labeled (${formatDuration(p.elapsedSeconds)}; rarity baseline ${result.baseline.source}, N=${result.baseline.total_samples}) -> ${sidecarPaths(file).labels}`,
    );
    if (result.status !== 'done') {
      console.error(`Stopped: ${result.reason ?? result.status}. Run the same command again to resume.`);
      return result.fatal ? EXIT.error : EXIT.resumable;
    }
  }
  console.error(
    `Scoring total: ${totals.scored} scored, ${totals.failed} failed, ${totals.skipped} skipped, ${totals.unlabeled} not labeled` +
      `${totals.unlabeled ? ' (label them first)' : ''}; ${totals.calls} LLM calls, ${totals.tokens} tokens.`,
  );
  return EXIT.ok;
}

/**
 * Count what a score run would do: samples, labeled replies not yet scored, one call each, prompt tokens.
 * `afterLabeling` (label --score): replies not labeled yet will be by then, so they are counted as to score.
 */
export async function scoreDryRun(
  files: string[],
  options: ScoreOptions,
  limit: number | undefined,
  endpointName: string | undefined,
  afterLabeling = false,
): Promise<number> {
  const all = { samples: 0, pending: 0, unlabeled: 0, tokens: 0 };
  for (const file of files) {
    const sidecar = await Sidecar.openForRead(file);
    const reader = new SampleStateReader(file, sidecar);
    const seen = new Set<string>();
    const counts = { samples: 0, pending: 0, unlabeled: 0, tokens: 0 };
    try {
      outer: for await (const item of readDataset(file)) {
        for (const i of item.issues) console.error(formatIssue(i));
        for (const s of item.samples) {
          if (limit !== undefined && counts.samples >= limit) break outer;
          if (seen.has(s.id)) continue;
          seen.add(s.id);
          counts.samples++;
          const { labels } = await reader.read(s, { score: false });
          if (!labels && !afterLabeling) {
            counts.unlabeled++;
            continue;
          }
          if (labels && isScoreCurrent(sidecar, s.id, labels.fingerprint)) continue;
          counts.pending++;
          counts.tokens += estimateScoreCall(s, labels?.labels ?? emptyLabelSet(), options).promptTokens;
        }
      }
    } finally {
      await reader.close();
      await sidecar.close();
    }
    console.log(`${file}: ${counts.samples} samples, ${counts.pending} to score, ${counts.unlabeled} not labeled, ~${counts.pending} LLM calls, ~${counts.tokens} prompt tokens`);
    for (const k of Object.keys(all) as (keyof typeof all)[]) all[k] += counts[k];
  }
  console.log(
    `Dry run (${endpointName ?? 'no endpoint configured'}): ${all.samples} samples, ${all.pending} to score, ${all.unlabeled} not labeled, ` +
      `~${all.pending} LLM calls, ~${all.tokens} prompt tokens.`,
  );
  return EXIT.ok;
}

/** Write the sft-label-compatible Pass 2 outputs of each file. */
async function exportAll(files: string[], settings: RaritySettings, out: string | undefined, defaultNextToData: boolean): Promise<number> {
  for (const file of files) {
    const outDir = out
      ? files.length === 1
        ? path.resolve(out)
        : path.join(path.resolve(out), path.basename(file).replace(/\.(jsonl|json)$/i, ''))
      : defaultNextToData
        ? defaultExportDir(file)
        : undefined;
    if (!outDir) continue;
    try {
      const r = await exportScores(file, { outDir, ...settings, onIssue: (i) => console.error(formatIssue(i)) });
      console.log(`${file}: ${r.exported} scored samples exported (${r.failed} failed) -> ${outDir}`);
    } catch (err) {
      if (err instanceof BaselineError) {
        console.error(err.message);
        return EXIT.error;
      }
      throw err;
    }
  }
  return EXIT.ok;
}

/** Print each reply's scores: ours when current, else the value an sft-label file carries (marked "sft-label"). */
async function showScores(files: string[], settings: RaritySettings): Promise<number> {
  for (const file of files) {
    const scan = await scanScored(file, { ...settings, onIssue: (i) => console.error(formatIssue(i)) });
    console.log(`\n${file} (rarity baseline ${scan.run.baseline.ref.source}, N=${scan.run.baseline.totalSamples})`);
    console.log(['line', 'id', 'value', 'select', 'cplx', 'qual', 'reas', 'rarity', 'conf', 'source', 'flags'].join('\t'));
    for await (const { index, sample } of walkScored(file)) {
      const t = scan.table;
      const origin = t.origin.get(index);
      const cell = (v: number) => (Number.isNaN(v) ? '-' : String(Math.round(v * 100) / 100));
      console.log(
        [
          sample.source.line,
          sample.displayId,
          cell(scan.run.value[index]!),
          cell(scan.run.selection[index]!),
          cell(t.complexity.get(index)),
          cell(t.quality.get(index)),
          cell(t.reasoning.get(index)),
          cell(scan.run.rarityScore[index]!),
          cell(t.confidence.get(index)),
          origin === ORIGIN.ours ? 'ours' : origin === ORIGIN.imported ? 'sft-label' : t.labeled.get(index) ? 'unscored' : 'unlabeled',
          t.flagsOf(index).join(',') || '-',
        ].join('\t'),
      );
    }
  }
  return EXIT.ok;
}
