/** Pass 2 runs over files: the real runtime, the sidecar and the loopback server in-process. */
import { strict as assert } from 'node:assert';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { exportScores } from '../../../../src/core/export/exportScores';
import { createLlmClient } from '../../../../src/core/llm/client';
import type { LabelRecord, ScoreRecord } from '../../../../src/core/model/records';
import { readDataset } from '../../../../src/core/dataset/read';
import { PROMPT_VERSION, emptyMonitor } from '../../../../src/core/labeling/types';
import type { LabelSet } from '../../../../src/core/model/labels';
import { labelFile, toRecord } from '../../../../src/core/run/labelFile';
import { readScoreRunState } from '../../../../src/core/run/scoreRunState';
import { scoreFile, type ScoreFileOptions } from '../../../../src/core/run/scoreFile';
import { labelsFingerprint } from '../../../../src/core/scoring/fingerprint';
import { DEFAULT_RARITY_CONFIG, DEFAULT_SCORE_OPTIONS } from '../../../../src/core/scoring/types';
import { sidecarPaths } from '../../../../src/core/store/paths';
import { Sidecar } from '../../../../src/core/store/sidecar';
import { loadTaxonomy } from '../../../../src/core/taxonomy/load';
import type { Taxonomy } from '../../../../src/core/taxonomy/types';
import { startTestServer, type TestServerHandle } from '../../../server';
import { useTmpDir } from '../../../helpers/tmp';
import { labelsOf } from './fixtures';

const SHARED = path.resolve(__dirname, '../../../../../shared/data');

function records<T>(dataset: string, kind: string): T[] {
  return readFileSync(sidecarPaths(dataset).labels, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { kind: string })
    .filter((r) => r.kind === kind) as T[];
}

function rows(n: number): string {
  return Array.from({ length: n }, (_, i) =>
    JSON.stringify({ conversations: [{ from: 'human', value: `Question ${i}: write a python function number ${i}` }, { from: 'gpt', value: `def f${i}():\n    return ${i}` }] }),
  ).join('\n') + '\n';
}

describe('core/run/scoreFile', function () {
  this.timeout(30_000);
  const tmp = useTmpDir();
  let server: TestServerHandle;
  let taxonomy: Taxonomy;

  before(async () => {
    taxonomy = (await loadTaxonomy()).taxonomy!;
  });
  beforeEach(async () => {
    server = await startTestServer({ latencyMs: 2 });
  });
  afterEach(async () => {
    await server.close();
  });

  const client = () => createLlmClient({ baseUrl: server.url, model: 'm', concurrency: 8, timeoutMs: 5_000, maxAttempts: 2, backoffBaseMs: 5, backoffCapMs: 10 });
  const score = (file: string, over: Partial<ScoreFileOptions> = {}) =>
    scoreFile({ file, client: client(), options: DEFAULT_SCORE_OPTIONS, concurrency: 8, ...over });
  /** Label records with chosen labels for every sample of `file` (by row). */
  async function writeLabels(file: string, labelsFor: (row: number) => LabelSet) {
    const sidecar = await Sidecar.openForWrite(file);
    for await (const item of readDataset(file)) {
      for (const s of item.samples) {
        const outcome = { labeler: 'llm' as const, status: 'success' as const, labels: labelsFor(s.source.rowIndex), monitor: emptyMonitor() };
        await sidecar.log.append([toRecord(s, outcome, { taxonomyHash: taxonomy.hash, promptVersion: PROMPT_VERSION }, 'test')]);
      }
    }
    await sidecar.close();
  }
  const heuristicLabels = (file: string, limit?: number) => labelFile({ file, taxonomy, labeler: { kind: 'heuristic' }, concurrency: 4, limit });

  it('scores labeled samples once, skips unlabeled ones, and resumes without calls', async () => {
    const file = path.join(tmp.dir, 'd.jsonl');
    writeFileSync(file, rows(12));
    await heuristicLabels(file, 10);
    const first = await score(file);
    assert.equal(first.status, 'done');
    assert.equal(first.progress.total, 12);
    assert.equal(first.unlabeled, 2);
    assert.equal(first.progress.done, 10);
    assert.equal(first.progress.failed, 0);
    assert.deepEqual(first.baseline.source, 'dataset');
    assert.equal(first.baseline.total_samples, 10);
    const scores = records<ScoreRecord>(file, 'score');
    assert.equal(scores.length, 10);
    for (const r of scores) {
      assert.equal(r.status, 'success');
      assert.equal(r.labelsOrigin, 'sidecar');
      assert.ok(r.rarity && r.rarity.stats_ref.total_samples === 10);
      assert.ok(typeof r.value_score === 'number' && r.value_score >= 1 && r.value_score <= 10);
    }
    const state = await readScoreRunState(sidecarPaths(file).dir);
    assert.deepEqual(state?.counts, { total: 12, skipped: 0, scored: 10, failed: 0, unlabeled: 2 });

    server.resetStats();
    const again = await score(file);
    assert.equal(again.progress.skipped, 10);
    assert.equal(again.progress.done, 0);
    assert.equal(server.stats().totalRequests, 0);
  });

  it('a relabel makes exactly that sample\'s score stale', async () => {
    const file = path.join(tmp.dir, 'd.jsonl');
    writeFileSync(file, rows(5));
    await heuristicLabels(file);
    await score(file);
    const [label] = records<LabelRecord>(file, 'label');
    const sidecar = await Sidecar.openForWrite(file);
    await sidecar.log.append([{ ...label!, labels: labelsOf({ intent: 'debug', language: ['rust'] }), runId: 'relabel' }]);
    await sidecar.close();
    server.resetStats();
    const r = await score(file);
    assert.equal(r.progress.done, 1);
    assert.equal(r.progress.skipped, 4);
    assert.equal(server.stats().totalRequests, 1);
    const newest = records<ScoreRecord>(file, 'score').pop()!;
    assert.equal(newest.sampleId, label!.sampleId);
    assert.equal(newest.labelsFingerprint, labelsFingerprint(labelsOf({ intent: 'debug', language: ['rust'] })));
  });

  it('scores an sft-label file from the labels its rows carry, and re-scores it', async () => {
    const file = path.join(tmp.dir, 'value.json');
    copyFileSync(path.join(SHARED, 'sftlabel_smoke_test_value.json'), file);
    const r = await score(file);
    assert.equal(r.status, 'done');
    // 5 rows carry labels; one of them has two replies, and only its last reply is labeled.
    assert.equal(r.progress.done, 5);
    assert.equal(r.unlabeled, 1);
    assert.ok(records<ScoreRecord>(file, 'score').every((s) => s.labelsOrigin === 'embedded'));
    const forced = await score(file, { force: true });
    assert.equal(forced.progress.done, 5);
  });

  it('ranks rarity by percentile among the samples in scope when asked', async () => {
    const file = path.join(tmp.dir, 'd.jsonl');
    writeFileSync(file, rows(6));
    // python ×3, rust ×2, go ×1: the rarer the language, the higher the rank; ties share their mid rank.
    const langs = ['python', 'rust', 'python', 'go', 'rust', 'python'];
    await writeLabels(file, (i) => labelsOf({ intent: 'build', language: [langs[i]!] }, { intent: 1, language: 1 }));
    await score(file, { rarity: { ...DEFAULT_RARITY_CONFIG, mode: 'percentile' } });
    const byLang = new Map<string, number>();
    for (const r of records<ScoreRecord>(file, 'score')) byLang.set(langs[r.locator.rowIndex]!, r.rarity!.score!);
    // ranks: python 0,1,2 → 1 → 1 + 9/5 = 2.8; rust 3,4 → 3.5 → 7.3; go 5 → 10
    assert.deepEqual(Object.fromEntries(byLang), { python: 2.8, rust: 7.3, go: 10 });
  });

  it('stops resumably when nearly every sample fails, and on cancellation keeps what finished', async () => {
    const file = path.join(tmp.dir, 'd.jsonl');
    writeFileSync(file, rows(40));
    await heuristicLabels(file);
    server.setOptions({ mode: 'garbage' });
    const braked = await score(file, { concurrency: 2, failureAbort: { minSamples: 5, ratio: 0.9 } });
    assert.equal(braked.status, 'aborted');
    assert.match(braked.reason ?? '', /failed; stopping/);
    assert.ok(records<ScoreRecord>(file, 'score').every((s) => s.status === 'failed' && s.failure?.code === 'invalid_answer' && !s.judgement));

    server.setOptions({ mode: 'schema', latencyMs: 30 });
    const controller = new AbortController();
    let seen = 0;
    const cancelled = await score(file, {
      concurrency: 2,
      signal: controller.signal,
      onRecord: () => {
        if (++seen === 3) controller.abort();
      },
    });
    assert.equal(cancelled.status, 'cancelled');
    const successes = records<ScoreRecord>(file, 'score').filter((s) => s.status === 'success').length;
    assert.ok(successes >= 3 && successes < 40, `${successes}`);
    const resumed = await score(file);
    assert.equal(resumed.status, 'done');
    assert.equal(resumed.progress.skipped, successes);
  });

  it('exports scored.json and scored.jsonl with the same rows, and carries imported values and markers through', async () => {
    const file = path.join(tmp.dir, 'imported.json');
    const base = { labels: { intent: 'build', language: ['python'], concept: ['recursion'], inherited: true, inherited_from: 'x_t1' } };
    writeFileSync(
      file,
      JSON.stringify([
        { id: 'a', conversations: [{ from: 'human', value: 'q1' }, { from: 'gpt', value: 'a1' }], ...base, value: { complexity: { overall: 4 }, quality: { overall: 6 }, reasoning: { overall: 5 }, value_score: 5.2, confidence: 0.4, flags: [], estimation: { llm_scored: false, policy: 'multiturn_adaptive_v1' } } },
        { id: 'b', conversations: [{ from: 'human', value: 'q2' }, { from: 'gpt', value: 'a2' }], ...base, value: { complexity: { overall: 7 }, quality: { overall: 8 }, reasoning: { overall: 7 }, value_score: 7.3, confidence: 0.9, flags: ['has-bug'] } },
      ]),
    );
    const out = path.join(tmp.dir, 'out');
    const result = await exportScores(file, { outDir: out });
    assert.equal(result.exported, 2);
    const json = JSON.parse(readFileSync(path.join(out, 'scored.json'), 'utf8')) as Record<string, unknown>[];
    const jsonl = readFileSync(path.join(out, 'scored.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.deepEqual(json, jsonl);
    const [a, b] = json as { labels: Record<string, unknown>; value: Record<string, unknown> }[];
    assert.equal(a!.labels.inherited, true);
    assert.equal(a!.labels.inherited_from, 'x_t1');
    assert.deepEqual(a!.value.estimation, { llm_scored: false, policy: 'multiturn_adaptive_v1' });
    assert.equal((a!.value.imported as Record<string, unknown>).value_score, 5.2);
    assert.equal(a!.value.source, 'sft-label');
    assert.deepEqual(b!.value.flags, ['has-bug']);
    assert.equal(result.stats.total_imported, 2);
    assert.equal(result.stats.total_estimated, 1);
    assert.deepEqual(result.stats.flag_counts, { 'has-bug': 1 });

    // Once scored by us, the value is ours and the imported one is no longer shown as the score.
    await score(file);
    const after = await exportScores(file, { outDir: out });
    assert.equal(after.stats.total_imported, 0);
    assert.equal(after.stats.total_scored, 2);
    const rescored = JSON.parse(readFileSync(path.join(out, 'scored.json'), 'utf8')) as { value: Record<string, unknown> }[];
    assert.equal(rescored[0]!.value.source, 'sft-labeler');
  });
});
