/**
 * Pass 2 throughput against the loopback test server: 2,000 labeled samples, 200 ms latency per request,
 * concurrency 64. Each sample makes one scoring call, so the ideal rate is concurrency / latency.
 * Prints samples/s as a fraction of that ideal and CPU seconds per 1,000 samples (our overhead).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { readDataset } from '../src/core/dataset/read';
import { PROMPT_VERSION, emptyMonitor } from '../src/core/labeling/types';
import { createLlmClient } from '../src/core/llm/client';
import { emptyLabelSet, type LabelSet } from '../src/core/model/labels';
import { toRecord } from '../src/core/run/labelFile';
import { scoreFile } from '../src/core/run/scoreFile';
import { DEFAULT_SCORE_OPTIONS } from '../src/core/scoring/types';
import { Sidecar } from '../src/core/store/sidecar';
import { measure, reportThroughput, startServerProcess } from './_support';

const LANGS = ['python', 'typescript', 'rust', 'go', 'java', 'sql'];
const CONCEPTS = ['recursion', 'algorithms', 'data-structures', 'concurrency', 'testing', 'error-handling'];

function labelsFor(i: number): LabelSet {
  const labels = emptyLabelSet();
  labels.intent = i % 3 === 0 ? 'build' : 'debug';
  labels.language = [LANGS[i % LANGS.length]!];
  labels.concept = [CONCEPTS[i % CONCEPTS.length]!, CONCEPTS[(i * 7) % CONCEPTS.length]!].filter((c, k, a) => a.indexOf(c) === k);
  labels.difficulty = ['beginner', 'intermediate', 'advanced'][i % 3]!;
  labels.confidence = { intent: 0.9, language: 0.95, concept: 0.8, difficulty: 0.7 };
  return labels;
}

async function main() {
  const { values } = parseArgs({
    options: { samples: { type: 'string', default: '2000' }, latency: { type: 'string', default: '200' }, concurrency: { type: 'string', default: '64' } },
  });
  const samples = Number(values.samples);
  const latencyMs = Number(values.latency);
  const concurrency = Number(values.concurrency);
  const dir = mkdtempSync(path.join(tmpdir(), 'sft-bench-pass2-'));
  const file = path.join(dir, 'bench.jsonl');
  const lines: string[] = [];
  for (let i = 0; i < samples; i++) {
    const lang = LANGS[i % LANGS.length]!;
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
  // Pass 1 labels are written directly: this benchmark measures Pass 2 alone.
  const sidecar = await Sidecar.openForWrite(file);
  for await (const item of readDataset(file)) {
    for (const s of item.samples) {
      const outcome = { labeler: 'llm' as const, status: 'success' as const, labels: labelsFor(s.source.rowIndex), monitor: emptyMonitor() };
      await sidecar.log.append([toRecord(s, outcome, { taxonomyHash: 'bench', promptVersion: PROMPT_VERSION }, 'bench')]);
    }
  }
  await sidecar.close();

  const server = await startServerProcess(latencyMs);
  const client = createLlmClient({ baseUrl: server.url, apiKey: 'bench', model: 'bench-model', concurrency, timeoutMs: 30_000, maxAttempts: 3, retryAfterCapMs: 10_000 });
  const { result, seconds, cpuSeconds } = await measure(() => scoreFile({ file, client, options: DEFAULT_SCORE_OPTIONS, concurrency }));
  const stats = await server.stats();
  server.stop();
  rmSync(dir, { recursive: true, force: true });
  reportThroughput({
    bench: 'pass2', verb: 'scored', samples, done: result.progress.done - result.progress.failed, failed: result.progress.failed,
    latencyMs, concurrency, callsPerSample: 1, seconds, cpuSeconds, server: stats,
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
