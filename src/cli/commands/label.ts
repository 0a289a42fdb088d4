import { readDataset } from '../../core/dataset/read';
import { estimateCalls } from '../../core/labeling/pass1';
import { DEFAULT_LABEL_OPTIONS, PROMPT_VERSION, type LabelOptions } from '../../core/labeling/types';
import { labelFile, type Labeler } from '../../core/run/labelFile';
import { Sidecar } from '../../core/store/sidecar';
import { sidecarPaths } from '../../core/store/paths';
import { loadTaxonomy } from '../../core/taxonomy/load';
import { formatProblem } from '../../core/taxonomy/validate';
import type { Taxonomy } from '../../core/taxonomy/types';
import { EXIT, intFlag, parse, temperatureFlag, UsageError } from '../args';
import { cliClient, resolveEndpoint, type EndpointConfig } from '../endpoint';
import { ProgressPrinter, formatDuration } from '../progressLine';
import { scoreDryRun, scoreFiles } from './score';
import { withInterrupts } from '../interrupts';
import { raritySettings, scoreOptions, scoringBudget } from './scoringFlags';
import { datasetFilesOf, formatIssue } from './shared';

export const labelHelp = `Usage: sft-labeler label <file|folder>... [options]

Pass 1: tag every assistant reply of the datasets with the taxonomy. Labels go to a sidecar
(<dir>/.sft-labels/<file>/labels.jsonl); the dataset is never modified. Re-running skips samples
already labeled with the same content, taxonomy and prompts, so an interrupted run resumes.

Endpoint (OpenAI-compatible: OpenAI, LiteLLM, vLLM, Ollama...):
  --base-url URL        or SFT_LABELER_BASE_URL / LITELLM_BASE (e.g. http://localhost:4000/v1)
  --model NAME          or SFT_LABELER_MODEL (default gpt-4o-mini)
  API key from SFT_LABELER_API_KEY or LITELLM_KEY.
  With no endpoint, the embedded heuristic labeler runs (low-confidence labels, no network).

Options:
  --heuristic           use the embedded heuristic labeler even if an endpoint is configured
  --concurrency N       samples labeled at once, 1-1024 (default 16)
  --limit N             only the first N samples of each file
  --taxonomy PATH       a taxonomy file or folder replacing the bundled one
  --force               relabel samples that are already current
  --no-arbitration      do not re-ask low-confidence dimensions
  --timeout SECONDS     per-request timeout (default 60)
  --budget CHARS        characters of conversation shown to the labeler (default ${DEFAULT_LABEL_OPTIONS.conversationBudgetChars})
  --temperature T       sampling temperature of the labeling calls, 0-2 (default ${DEFAULT_LABEL_OPTIONS.temperature}; arbitration re-asks at 0.3)
  --score               then run Pass 2 on the labeled files (as "sft-labeler score" with its defaults)
  --dry-run             print samples, LLM calls and estimated prompt tokens; call nobody
  --quiet               no progress line

Exit code: 0 done, 1 error (bad input, authentication), 2 stopped but resumable (Ctrl+C, too many failures).`;

export async function labelCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    'base-url': { type: 'string' },
    model: { type: 'string' },
    heuristic: { type: 'boolean' },
    concurrency: { type: 'string' },
    limit: { type: 'string' },
    taxonomy: { type: 'string' },
    force: { type: 'boolean' },
    'no-arbitration': { type: 'boolean' },
    timeout: { type: 'string' },
    budget: { type: 'string' },
    temperature: { type: 'string' },
    'dry-run': { type: 'boolean' },
    quiet: { type: 'boolean' },
    score: { type: 'boolean' },
  });
  const concurrency = intFlag(values.concurrency, 'concurrency', 1, 1024) ?? 16;
  const limit = intFlag(values.limit, 'limit', 1, Number.MAX_SAFE_INTEGER);
  const timeoutS = intFlag(values.timeout, 'timeout', 1, 3600) ?? 60;
  const budget = intFlag(values.budget, 'budget', 1000, 1_000_000) ?? DEFAULT_LABEL_OPTIONS.conversationBudgetChars;
  const files = await datasetFilesOf(positionals);

  const { taxonomy, problems } = await loadTaxonomy(values.taxonomy);
  for (const p of problems) console.error(formatProblem(p));
  if (!taxonomy) {
    console.error(`The taxonomy has errors; fix them or run without --taxonomy to use the bundled one.`);
    return EXIT.error;
  }

  const endpoint = values.heuristic ? undefined : resolveEndpoint({ baseUrl: values['base-url'], model: values.model });
  const options: LabelOptions = {
    ...DEFAULT_LABEL_OPTIONS,
    arbitration: !values['no-arbitration'],
    conversationBudgetChars: budget,
    temperature: temperatureFlag(values.temperature) ?? DEFAULT_LABEL_OPTIONS.temperature,
  };

  if (values.score && !endpoint) {
    console.error('--score needs an LLM endpoint (--base-url/--model or SFT_LABELER_BASE_URL): there is no offline scorer.');
    return EXIT.error;
  }
  if (values['dry-run']) {
    const code = await dryRun(files, taxonomy, options, endpoint, limit);
    if (values.score && endpoint) {
      return scoreDryRun(files, scoreOptions(scoringBudget(undefined)), limit, `${endpoint.model} at ${new URL(endpoint.baseUrl).origin}`, true);
    }
    return code;
  }

  const labeler: Labeler = endpoint
    ? {
        kind: 'llm',
        options,
        client: cliClient(endpoint, { concurrency, timeoutSeconds: timeoutS, quiet: values.quiet }),
      }
    : { kind: 'heuristic' };
  console.error(
    endpoint
      ? `Labeling with ${endpoint.model} at ${new URL(endpoint.baseUrl).origin} (concurrency ${concurrency})`
      : `No endpoint configured: using the embedded heuristic labeler (labels marked "heuristic", low confidence).\n` +
          `Set --base-url/--model or SFT_LABELER_BASE_URL to label with an LLM.`,
  );

  const labeled = await withInterrupts((signal) => labelFiles(files, { taxonomy, labeler, concurrency, limit, force: values.force, quiet: values.quiet, signal }));
  if (values.score && labeled === EXIT.ok && labeler.kind === 'llm') {
    const client = labeler.client;
    return withInterrupts((signal) =>
      scoreFiles(files, {
        client,
        options: scoreOptions(scoringBudget(undefined)),
        settings: raritySettings({}),
        concurrency,
        limit,
        quiet: values.quiet,
        signal,
      }),
    );
  }
  return labeled;
}

/** Label each file in turn, printing progress and a summary; the exit code says how it ended. */
async function labelFiles(
  files: string[],
  run: { taxonomy: Taxonomy; labeler: Labeler; concurrency: number; limit?: number; force?: boolean; quiet?: boolean; signal: AbortSignal },
): Promise<number> {
  const { taxonomy, labeler, concurrency, limit } = run;
  const printer = new ProgressPrinter();
  let exit: number = EXIT.ok;
  const totals = { labeled: 0, failed: 0, skipped: 0, calls: 0, tokens: 0 };
  try {
    for (const file of files) {
      if (run.signal.aborted) break;
      const result = await labelFile({
        file,
        taxonomy,
        labeler,
        concurrency,
        limit,
        force: run.force,
        signal: run.signal,
        onIssue: (i) => {
          printer.break();
          console.error(formatIssue(i));
        },
        onProgress: (p) => {
          // Nothing to draw for a file whose samples are all current (or that has none).
          if (!run.quiet && p.pending > 0 && p.phase !== 'indexing') printer.update(p, p.phase === 'done');
        },
        onRecord: (r) => {
          totals.calls += r.monitor.llm_calls;
          totals.tokens += r.monitor.prompt_tokens + r.monitor.completion_tokens;
          if (r.status !== 'success') {
            printer.break();
            console.error(`${file}:${r.locator.line}: ${r.locator.displayId} ${r.status}: ${r.failure?.message ?? 'partial labels (Call 2 failed)'}`);
          }
        },
      });
      printer.break();
      const p = result.progress;
      totals.labeled += p.done - p.failed;
      totals.failed += p.failed;
      totals.skipped += p.skipped;
      console.error(
        `${file}: ${p.total} samples, ${p.done - p.failed - p.partial} labeled, ${p.partial} partial, ${p.failed} failed, ` +
          `${p.skipped} already labeled (${formatDuration(p.elapsedSeconds)}) -> ${sidecarPaths(file).labels}`,
      );
      if (result.status !== 'done') {
        console.error(`Stopped: ${result.reason ?? result.status}. Run the same command again to resume.`);
        exit = result.fatal ? EXIT.error : EXIT.resumable;
        break;
      }
    }
  } finally {
    printer.break();
  }
  console.error(
    `Total: ${totals.labeled} labeled, ${totals.failed} failed, ${totals.skipped} skipped; ${totals.calls} LLM calls, ${totals.tokens} tokens.`,
  );
  return exit;
}

async function dryRun(
  files: string[],
  taxonomy: Taxonomy,
  options: LabelOptions,
  endpoint: EndpointConfig | undefined,
  limit: number | undefined,
): Promise<number> {
  const labelerKind = endpoint ? 'llm' : 'heuristic';
  const key = { taxonomyHash: taxonomy.hash, promptVersion: PROMPT_VERSION, labeler: labelerKind } as const;
  let allSamples = 0;
  let allPending = 0;
  let allCalls = 0;
  let allTokens = 0;
  for (const file of files) {
    const sidecar = await Sidecar.openForRead(file);
    const seen = new Set<string>();
    let samples = 0;
    let pending = 0;
    let calls = 0;
    let tokens = 0;
    try {
      outer: for await (const item of readDataset(file)) {
        for (const i of item.issues) console.error(formatIssue(i));
        for (const s of item.samples) {
          if (limit !== undefined && samples >= limit) break outer;
          if (seen.has(s.id)) continue;
          seen.add(s.id);
          samples++;
          if (sidecar.isCurrent(s.id, key)) continue;
          pending++;
          if (endpoint) {
            const e = estimateCalls(s, taxonomy, options);
            calls += e.calls;
            tokens += e.promptTokens;
          }
        }
      }
    } finally {
      await sidecar.close();
    }
    console.log(`${file}: ${samples} samples, ${pending} to label, ~${Math.round(calls)} LLM calls, ~${tokens} prompt tokens`);
    allSamples += samples;
    allPending += pending;
    allCalls += calls;
    allTokens += tokens;
  }
  console.log(
    `Dry run (${endpoint ? `${endpoint.model} at ${new URL(endpoint.baseUrl).origin}` : 'heuristic labeler, no LLM calls'}): ` +
      `${allSamples} samples, ${allPending} to label, ~${Math.round(allCalls)} LLM calls, ~${allTokens} prompt tokens.`,
  );
  return EXIT.ok;
}

export { UsageError };
