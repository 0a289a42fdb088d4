// A small labeled (and partly scored) dataset on disk, built with the real heuristic labeler and real score
// records, for the tests that read files (scan, detail, report).
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { LabelRecord, ScoreJudgement, ScoreRecord } from '../../../../src/core/model/records';
import { labelFile } from '../../../../src/core/run/labelFile';
import { labelsFingerprint } from '../../../../src/core/scoring/fingerprint';
import { Sidecar } from '../../../../src/core/store/sidecar';
import { loadTaxonomy } from '../../../../src/core/taxonomy/load';
import type { Taxonomy } from '../../../../src/core/taxonomy/types';

/** Dataset text shown inside the conversation: must only ever be rendered as text. */
export const HOSTILE = '</script><img src=x onerror=alert(1)>';

/** 5 records: a bad line (1 issue), a duplicate, a 2-reply conversation: 5 distinct samples. */
export const CHAT_JSONL = [
  { id: 'py', conversations: [{ from: 'human', value: 'Write a Python function that reverses a list.' }, { from: 'gpt', value: 'def rev(xs):\n    return xs[::-1]' }] },
  { id: 'sql', messages: [{ role: 'user', content: 'Fix this SQL query: SELEC * FROM users' }, { role: 'assistant', content: 'SELECT * FROM users;' }] },
  { id: 'multi', conversations: [{ from: 'human', value: 'Explain recursion in Go.' }, { from: 'gpt', value: 'A function calling itself.' }, { from: 'human', value: `Show an example ${HOSTILE}` }, { from: 'gpt', value: 'func f(n int) int { if n == 0 { return 0 }; return f(n-1) }' }] },
  { id: 'py', conversations: [{ from: 'human', value: 'Write a Python function that reverses a list.' }, { from: 'gpt', value: 'def rev(xs):\n    return xs[::-1]' }] },
]
  .map((r) => JSON.stringify(r))
  .concat(['{"broken": ', JSON.stringify({ id: 'late', conversations: [{ from: 'human', value: 'Deploy with docker' }, { from: 'gpt', value: 'docker compose up' }] })])
  .join('\n') + '\n';

export const SAMPLES_IN_CHAT = 5;

let cached: Taxonomy | undefined;
export async function bundledTaxonomy(): Promise<Taxonomy> {
  if (!cached) {
    const { taxonomy, problems } = await loadTaxonomy();
    if (!taxonomy) throw new Error(`bundled taxonomy: ${problems.map((p) => p.message).join('; ')}`);
    cached = taxonomy;
  }
  return cached;
}

export function judgement(complexity: number, quality: number, reasoning: number, flags: ScoreJudgement['flags'] = []): ScoreJudgement {
  return {
    complexity: { instruction: complexity, analytical_depth: complexity, implementation: complexity, overall: complexity },
    quality: { correctness: quality, code_quality: quality, explanation: quality, completeness: quality, overall: quality },
    reasoning: { clarity: reasoning, consistency: reasoning, self_correction: false, overall: reasoning },
    flags,
    unknown_flags: [],
    confidence: 0.8,
  };
}

export function scoreRecordFor(label: LabelRecord, over: Partial<ScoreRecord> = {}): ScoreRecord {
  return {
    kind: 'score',
    v: 1,
    sampleId: label.sampleId,
    labelsFingerprint: labelsFingerprint(label.labels!),
    labelsOrigin: 'sidecar',
    promptVersion: 'pass2-v1',
    status: 'success',
    thinkingMode: 'fast',
    monitor: { llm_calls: 1, attempts: 1, prompt_tokens: 10, completion_tokens: 5, elapsed_ms: 1, latency_ms: 1, validation_issues: [], errors: [], truncated: false, prompt_bytes: 100, budget_chars: 14_000 },
    locator: label.locator,
    runId: 'test-score-run',
    at: '2026-01-01T00:00:00Z',
    ...over,
  };
}

/** Writes `chat.jsonl` into `dir` and labels it with the heuristic labeler; returns its path and label records. */
export async function labeledChat(dir: string, name = 'chat.jsonl'): Promise<{ file: string; labels: LabelRecord[] }> {
  const file = path.join(dir, name);
  writeFileSync(file, CHAT_JSONL);
  const result = await labelFile({ file, taxonomy: await bundledTaxonomy(), labeler: { kind: 'heuristic' }, concurrency: 2 });
  if (result.status !== 'done') throw new Error(`labeling ${file}: ${result.status} ${result.reason ?? ''}`);
  const sidecar = await Sidecar.openForRead(file);
  const labels: LabelRecord[] = [];
  for await (const r of sidecar.log.records()) labels.push(r);
  await sidecar.close();
  return { file, labels };
}

/**
 * Scores: the first two labeled samples current (one flagged), the third from labels that no longer match
 * (stale), the fourth failed. Returns the records by state.
 */
export async function scoreSome(file: string, labels: LabelRecord[]): Promise<{ scored: ScoreRecord[] }> {
  const [a, b, c, d] = labels;
  const scored = [
    scoreRecordFor(a!, { judgement: judgement(6, 8, 7) }),
    scoreRecordFor(b!, { judgement: judgement(4, 3, 4, ['has-bug']) }),
  ];
  const sidecar = await Sidecar.openForWrite(file);
  await sidecar.log.append([
    ...scored,
    scoreRecordFor(c!, { judgement: judgement(9, 9, 9), labelsFingerprint: 'from-older-labels' }),
    scoreRecordFor(d!, { status: 'failed', failure: { code: 'invalid_answer', message: 'no JSON' } }),
  ]);
  await sidecar.close();
  return { scored };
}
