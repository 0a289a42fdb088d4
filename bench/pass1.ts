/**
 * Pass 1 throughput against the loopback test server: 2,000 samples, 200 ms latency per request,
 * concurrency 64. Each sample makes two calls, so the ideal rate is concurrency / (2 × latency).
 * Prints samples/s as a fraction of that ideal and CPU seconds per 1,000 samples (our overhead).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { createLlmClient } from '../src/core/llm/client';
import { labelFile } from '../src/core/run/labelFile';
import { loadTaxonomy } from '../src/core/taxonomy/load';
import { DEFAULT_LABEL_OPTIONS } from '../src/core/labeling/types';
import { measure, reportThroughput, startServerProcess } from './_support';

async function main() {
  const { values } = parseArgs({
    options: { samples: { type: 'string', default: '2000' }, latency: { type: 'string', default: '200' }, concurrency: { type: 'string', default: '64' } },
  });
  const samples = Number(values.samples);
  const latencyMs = Number(values.latency);
  const concurrency = Number(values.concurrency);
  const dir = mkdtempSync(path.join(tmpdir(), 'sft-bench-pass1-'));
  const file = path.join(dir, 'bench.jsonl');
  const langs = ['python', 'typescript', 'rust', 'go', 'java', 'sql'];
  const lines: string[] = [];
  for (let i = 0; i < samples; i++) {
    const lang = langs[i % langs.length]!;
    lines.push(
      JSON.stringify({
        id: `b${i}`,
        conversations: [
          { from: 'human', value: `Task ${i}: write a ${lang} function that validates an email address and explain the edge cases.` },
          { from: 'gpt', value: `Here is one way in ${lang}:\n\n\`\`\`${lang}\n// implementation ${i}\nfn validate(s) { return s.includes('@') }\n\`\`\`\nEdge cases: empty strings, several @ signs, unicode domains.` },
        ],
      }),
    );
  }
  writeFileSync(file, lines.join('\n') + '\n');
  const server = await startServerProcess(latencyMs);
  const { taxonomy } = await loadTaxonomy();
  if (!taxonomy) throw new Error('bundled taxonomy failed to load');
  const client = createLlmClient({
    baseUrl: server.url,
    apiKey: 'bench',
    model: 'bench-model',
    concurrency,
    timeoutMs: 30_000,
    maxAttempts: 3,
    retryAfterCapMs: 10_000,
  });
  const { result, seconds, cpuSeconds } = await measure(() =>
    labelFile({ file, taxonomy, labeler: { kind: 'llm', client, options: { ...DEFAULT_LABEL_OPTIONS, arbitration: false } }, concurrency }),
  );
  const stats = await server.stats();
  server.stop();
  rmSync(dir, { recursive: true, force: true });
  reportThroughput({
    bench: 'pass1', verb: 'labeled', samples, done: result.progress.done - result.progress.failed, failed: result.progress.failed,
    latencyMs, concurrency, callsPerSample: 2, seconds, cpuSeconds, server: stats,
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
