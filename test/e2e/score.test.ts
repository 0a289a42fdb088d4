import { strict as assert } from 'node:assert';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { startTestServer, type TestServerHandle } from '../server';
import { sidecarPaths } from '../../src/core/store/paths';
import { useTmpDir } from '../helpers/tmp';
import { cleanEnv, ensureBuilt, runCli, SHARED_DATA } from './cliHarness';

interface LogLine {
  kind: string;
  sampleId: string;
  status: string;
  labelsOrigin?: string;
  value_score?: number;
}

function logLines(dataset: string): LogLine[] {
  const file = sidecarPaths(dataset).labels;
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as LogLine);
}

const STATS_FIELDS = [
  'total_scored', 'total_failed', 'total_llm_calls', 'score_distributions', 'histograms', 'sub_score_means', 'value_by_tag',
  'selection_by_tag', 'thinking_mode_stats', 'flag_counts', 'flag_value_impact', 'selection_thresholds', 'coverage_at_thresholds',
  'keep_rates', 'weights_used', 'rarity_config',
];

describe('e2e: sft-labeler score and select', function () {
  this.timeout(120_000);
  const tmp = useTmpDir();
  let server: TestServerHandle;
  let env: NodeJS.ProcessEnv;

  before(() => ensureBuilt());
  beforeEach(async () => {
    server = await startTestServer({ latencyMs: 2 });
    env = cleanEnv({ SFT_LABELER_BASE_URL: server.url, SFT_LABELER_API_KEY: 'k', SFT_LABELER_MODEL: 'test-model' });
  });
  afterEach(async () => {
    await server.close();
  });

  it('label --score labels and scores every file of ../shared/data, then resumes with no calls and exports', async () => {
    const data = path.join(tmp.dir, 'data');
    cpSync(SHARED_DATA, data, { recursive: true });
    const before = Object.fromEntries(readdirSync(data).map((f) => [f, readFileSync(path.join(data, f), 'utf8')]));
    const r = await runCli(['label', data, '--score', '--concurrency', '8', '--quiet'], env);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /Scoring total: \d+ scored, 0 failed/);
    let scored = 0;
    for (const f of readdirSync(data).filter((f) => /\.jsonl?$/.test(f))) {
      const lines = logLines(path.join(data, f));
      const labeled = new Set(lines.filter((l) => l.kind === 'label' && l.status === 'success').map((l) => l.sampleId));
      const scores = lines.filter((l) => l.kind === 'score');
      for (const s of scores) assert.equal(s.status, 'success', `${f}: ${JSON.stringify(s)}`);
      // Every labeled sample got exactly one score, computed from our labels.
      assert.deepEqual(new Set(scores.map((s) => s.sampleId)), labeled, f);
      assert.equal(scores.length, labeled.size, f);
      assert.ok(scores.every((s) => s.labelsOrigin === 'sidecar' && typeof s.value_score === 'number'));
      scored += scores.length;
      assert.equal(readFileSync(path.join(data, f), 'utf8'), before[f], `${f} was modified`);
    }
    assert.ok(scored > 500, `only ${scored} samples scored`);

    const calls = server.stats().totalRequests;
    const again = await runCli(['score', data, '--quiet'], env);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(server.stats().totalRequests, calls);
    assert.match(again.stderr, /Scoring total: 0 scored, 0 failed, \d+ skipped/);

    const out = path.join(tmp.dir, 'out');
    const exported = await runCli(['score', data, '--export-only', '--out', out], env);
    assert.equal(exported.code, 0, exported.stderr);
    const stats = JSON.parse(readFileSync(path.join(out, 'fastchat_dummy_conversation', 'stats_scoring.json'), 'utf8')) as Record<string, unknown>;
    for (const field of STATS_FIELDS) assert.ok(field in stats, `stats_scoring.json lacks ${field}`);
    assert.ok((stats.total_scored as number) > 500);
    for (const name of ['scored.json', 'scored.jsonl', 'monitor_value.jsonl', 'failed_value.jsonl', 'conversation_scores.json']) {
      assert.ok(existsSync(path.join(out, 'fastchat_dummy_conversation', name)), name);
    }
    const conversations = JSON.parse(readFileSync(path.join(out, 'fastchat_dummy_conversation', 'conversation_scores.json'), 'utf8')) as { conv_value: number | null; observed_turn_ratio: number }[];
    assert.ok(conversations.length > 0 && conversations.every((c) => c.observed_turn_ratio === 1 && typeof c.conv_value === 'number'));
  });

  it('shows and re-scores sft-label scored records, and selects rows byte for byte', async () => {
    const file = path.join(tmp.dir, 'nemotron.json');
    cpSync(path.join(SHARED_DATA, 'sftlabel_nemotron_selection_regression.json'), file);
    const shown = await runCli(['score', file, '--show'], env);
    assert.equal(shown.code, 0, shown.stderr);
    const rows = shown.stdout.trim().split('\n').filter((l) => l.includes('tid:v1:'));
    assert.equal(rows.length, 5);
    assert.ok(rows.every((l) => l.split('\t')[9] === 'sft-label'), shown.stdout);
    // The first row's own sub-scores are shown: complexity 6, quality 1, reasoning 1.
    assert.deepEqual(rows[0]!.split('\t').slice(4, 7), ['6', '1', '1']);
    assert.equal(server.stats().totalRequests, 0);

    const r = await runCli(['score', file, '--quiet'], env);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(server.stats().totalRequests, 5);
    assert.ok(logLines(file).filter((l) => l.kind === 'score').every((l) => l.labelsOrigin === 'embedded'));
    const after = await runCli(['score', file, '--show'], env);
    assert.ok(after.stdout.trim().split('\n').filter((l) => l.includes('tid:v1:')).every((l) => l.split('\t')[9] === 'ours'));

    const out = path.join(tmp.dir, 'kept.json');
    const report = path.join(tmp.dir, 'report.json');
    const sel = await runCli(['select', file, '--value-min', '1', '--out', out, '--report', report], env);
    assert.equal(sel.code, 0, sel.stderr);
    assert.match(sel.stdout, /kept 5 of 5 rows/);
    const original = readFileSync(file, 'utf8');
    const kept = JSON.parse(readFileSync(out, 'utf8')) as unknown[];
    assert.equal(kept.length, 5);
    // The kept rows are the input's bytes: each one appears verbatim in the input.
    const keptText = readFileSync(out, 'utf8');
    for (const row of keptText.slice(2, -3).split(/,\n(?=\s*\{)/)) assert.ok(original.includes(row.trim()), row.slice(0, 80));
    const rep = JSON.parse(readFileSync(report, 'utf8')) as { units_kept: number; kept_coverage: { coverage: number }; unit_rule: string };
    assert.equal(rep.units_kept, 5);
    assert.equal(rep.kept_coverage.coverage, 1);
    assert.match(rep.unit_rule, /kept or dropped whole/);

    const scoredOut = path.join(tmp.dir, 'kept.scored.jsonl');
    const top = await runCli(['select', file, '--top', '40', '--format', 'scored', '--out', scoredOut, '--json'], env);
    assert.equal(top.code, 0, top.stderr);
    const lines = readFileSync(scoredOut, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { value: { selection_score: number; source: string } });
    assert.equal(lines.length, 2);
    assert.ok(lines.every((l) => l.value.source === 'sft-labeler'));
    assert.equal((JSON.parse(top.stdout) as { units_kept: number }).units_kept, 2);
  });

  it('keeps JSONL rows as lines, applies tag filters and quotas from the command line', async () => {
    const file = path.join(tmp.dir, 'pangu.jsonl');
    cpSync(path.join(SHARED_DATA, 'sftlabel_pangu_test_samples.jsonl'), file);
    assert.equal((await runCli(['label', file, '--score', '--quiet'], env)).code, 0);
    const out = path.join(tmp.dir, 'sel.jsonl');
    const r = await runCli(['select', file, '--quota', 'language=1', '--seed', '3', '--out', out, '--json'], env);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout) as { units_kept: number; quota: { kept: number }; kept_coverage: { by_dimension: { language: { share: number } } } };
    assert.equal(report.quota.kept, report.units_kept);
    assert.equal(report.kept_coverage.by_dimension.language.share, 1);
    const original = readFileSync(file, 'utf8').split('\n');
    const kept = readFileSync(out, 'utf8').trim().split('\n');
    assert.equal(kept.length, report.units_kept);
    for (const line of kept) assert.ok(original.includes(line));

    const bad = await runCli(['select', file, '--include', 'nonsense'], env);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /not dim:tag/);
  });

  it('--dry-run estimates calls without calling, and scoring without an endpoint is a clear error', async () => {
    const file = path.join(tmp.dir, 'dry.json');
    writeFileSync(file, JSON.stringify([{ conversations: [{ from: 'human', value: 'a' }, { from: 'gpt', value: 'b' }, { from: 'human', value: 'c' }, { from: 'gpt', value: 'd' }] }]));
    const dry = await runCli(['label', file, '--score', '--dry-run'], env);
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /2 samples, 2 to label/);
    assert.match(dry.stdout, /2 samples, 2 to score, 0 not labeled, ~2 LLM calls, ~\d+ prompt tokens/);
    const scoreDry = await runCli(['score', file, '--dry-run'], env);
    assert.match(scoreDry.stdout, /2 samples, 0 to score, 2 not labeled/);
    assert.equal(server.stats().totalRequests, 0);
    const none = await runCli(['score', file], cleanEnv());
    assert.equal(none.code, 1);
    assert.match(none.stderr, /needs an LLM endpoint/);
  });
});
