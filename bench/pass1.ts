/**
 * Pass 1 throughput against the loopback test server: 2,000 samples, 200 ms latency per request,
 * concurrency 64. Each sample makes two calls, so the ideal rate is concurrency / (2 × latency).
 * Prints samples/s as a fraction of that ideal and CPU seconds per 1,000 samples (our overhead).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { createLlmClient } from '../src/core/llm/client';
import { labelFile } from '../src/core/run/labelFile';
import { loadTaxonomy } from '../src/core/taxonomy/load';
import { DEFAULT_LABEL_OPTIONS } from '../src/core/labeling/types';

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
  // The server runs in its own process so the CPU figure is ours alone.
  const serverProcess = spawn(process.execPath, ['--require', 'tsx/cjs', path.join(__dirname, '..', 'test', 'server', 'main.ts'), '--latency-ms', String(latencyMs)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [firstLine] = (await once(createInterface({ input: serverProcess.stdout! }), 'line')) as [string];
  const serverUrl = (JSON.parse(firstLine) as { url: string }).url;
  const { taxonomy } = await loadTaxonomy();
  if (!taxonomy) throw new Error('bundled taxonomy failed to load');
  const client = createLlmClient({
    baseUrl: serverUrl,
    apiKey: 'bench',
    model: 'bench-model',
    concurrency,
    timeoutMs: 30_000,
    maxAttempts: 3,
    retryAfterCapMs: 10_000,
  });
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await labelFile({
    file,
    taxonomy,
    labeler: { kind: 'llm', client, options: { ...DEFAULT_LABEL_OPTIONS, arbitration: false } },
    concurrency,
  });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const stats = (await (await fetch(serverUrl.replace(/\/v1$/, '') + '/__stats')).json()) as { totalRequests: number; maxInFlight: number };
  serverProcess.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
  const done = result.progress.done - result.progress.failed;
  const rate = done / seconds;
  const ideal = concurrency / (2 * (latencyMs / 1000));
  console.log(`labeled ${done}/${samples} samples in ${seconds.toFixed(2)} s: ${rate.toFixed(1)} samples/s (ideal ${ideal.toFixed(1)})`);
  console.log(`requests ${stats.totalRequests}, max in flight ${stats.maxInFlight}, CPU ${cpuSeconds.toFixed(2)} s (this process only; the server runs in its own)`);
  console.log(
    JSON.stringify({
      bench: 'pass1',
      samples,
      labeled: done,
      failed: result.progress.failed,
      latency_ms: latencyMs,
      concurrency,
      seconds: round(seconds),
      samples_per_s: round(rate),
      ideal_samples_per_s: round(ideal),
      fraction_of_ideal: round(rate / ideal, 3),
      cpu_s_per_1000_samples: round((cpuSeconds / samples) * 1000),
      requests: stats.totalRequests,
      max_in_flight: stats.maxInFlight,
    }),
  );
}

function round(n: number, dp = 2): number {
  return Math.round(n * 10 ** dp) / 10 ** dp;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
