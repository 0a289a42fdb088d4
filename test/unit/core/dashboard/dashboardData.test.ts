import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { DashboardData, taxonomyPool } from '../../../../src/core/dashboard/dashboardData';
import { readSampleDetail } from '../../../../src/core/dashboard/detail';
import { emptyQuery } from '../../../../src/core/dashboard/query';
import { datasetOfSidecarLog } from '../../../../src/core/dashboard/scope';
import { scanScored } from '../../../../src/core/export/scoredScan';
import { DIMENSIONS } from '../../../../src/core/model/labels';
import { computeFileStats } from '../../../../src/core/stats/fileStats';
import { sidecarPaths } from '../../../../src/core/store/paths';
import { Sidecar } from '../../../../src/core/store/sidecar';
import { useTmpDir } from '../../../helpers/tmp';
import { bundledTaxonomy, HOSTILE, labeledChat, SAMPLES_IN_CHAT, scoreRecordFor, scoreSome, judgement } from './fileFixtures';

describe('core/dashboard/DashboardData (files on disk)', function () {
  this.timeout(20_000);
  const tmp = useTmpDir();

  it('agrees with the Pass 1 stats of the same file, count for count', async () => {
    const { file } = await labeledChat(tmp.dir);
    const taxonomy = await bundledTaxonomy();
    const data = await DashboardData.load({ kind: 'file', paths: [file] }, { pool: taxonomyPool(taxonomy) });
    const s = data.summary();
    const stats = await computeFileStats(file);
    assert.equal(s.overview.samples, SAMPLES_IN_CHAT);
    assert.equal(s.overview.samples, stats.total_samples);
    assert.equal(s.overview.labeled, stats.success);
    assert.equal(s.overview.failed, stats.failed);
    assert.equal(s.overview.labelers.heuristic, SAMPLES_IN_CHAT);
    assert.equal(s.overview.inputIssues, 1, 'the broken line');
    assert.equal(s.overview.multiTurnConversations, 1);
    for (const dim of DIMENSIONS) {
      const expected = Object.entries(stats.tag_distributions[dim] ?? {}).map(([tag, count]) => ({ tag, count }));
      assert.deepEqual(s.tagDistributions[dim], expected, dim);
      const pool = s.poolCoverage![dim]!;
      assert.equal(pool.pool, taxonomy.pool(dim).length);
      assert.equal(pool.used + pool.unused.length, pool.pool);
    }
    assert.deepEqual(
      Object.fromEntries(Object.entries(s.confidence).map(([d, c]) => [d, [c!.mean, c!.below, c!.count]])),
      Object.fromEntries(Object.entries(stats.confidence_stats).map(([d, c]) => [d, [c.mean, c.below_threshold, c.count]])),
    );
    assert.equal(s.scoring, null, 'nothing scored yet');
    assert.deepEqual(s.files, [{ path: 'chat.jsonl', sizeBytes: s.files[0]!.sizeBytes }]);
  });

  it('shows current scores with the run-wide numbers exports use, and counts stale and failed ones apart', async () => {
    const { file, labels } = await labeledChat(tmp.dir);
    await scoreSome(file, labels);
    const data = await DashboardData.load({ kind: 'file', paths: [file] });
    const s = data.summary();
    assert.equal(s.overview.scored, 2);
    assert.equal(s.overview.scoreStale, 1);
    assert.equal(s.overview.scoreFailed, 1);
    assert.equal(s.scoring!.scored, 2);
    assert.deepEqual(s.scoring!.histograms.quality.bins, [0, 0, 1, 0, 0, 0, 0, 1, 0]);
    assert.deepEqual(s.scoring!.flags.map((f) => [f.flag, f.count]), [['has-bug', 1]]);

    const scan = await scanScored(file);
    data.rows().forEach((r, i) => {
      const value = scan.run.value[i]!;
      assert.equal(r.scores?.value ?? NaN, Number.isNaN(value) ? NaN : value, `value of ${r.displayId}`);
      const selection = scan.run.selection[i]!;
      assert.equal(r.scores?.selection ?? NaN, Number.isNaN(selection) ? NaN : selection, `selection of ${r.displayId}`);
    });
  });

  it('reloads one file after its sidecar changed, with a new version', async () => {
    const { file, labels } = await labeledChat(tmp.dir);
    const data = await DashboardData.load({ kind: 'file', paths: [file] });
    const before = data.version;
    assert.equal(data.summary().overview.scored, 0);
    const sidecar = await Sidecar.openForWrite(file);
    await sidecar.log.append([scoreRecordFor(labels[0]!, { judgement: judgement(5, 5, 5) })]);
    await sidecar.close();
    await data.reloadFile(0);
    assert.ok(data.version > before);
    assert.equal(data.summary().overview.scored, 1);
    assert.equal(data.engine().page({ ...emptyQuery(), ranges: { quality: { min: 5, max: 6 } } }, 0, 10).total, 1);
  });

  it('reads a sample back with its conversation, labels and score', async () => {
    const { file, labels } = await labeledChat(tmp.dir);
    await scoreSome(file, labels);
    const data = await DashboardData.load({ kind: 'file', paths: [file] });
    const multi = data.rows().find((r) => r.turns === 2 && r.turn === 2)!;
    const detail = await readSampleDetail(file, multi);
    assert.equal(detail.conversation?.length, 4);
    assert.equal(detail.conversation?.[2]?.text, `Show an example ${HOSTILE}`);
    assert.equal(detail.line, 3);
    assert.equal(detail.labels.length, DIMENSIONS.length);

    const scored = data.rows().find((r) => r.id === labels[0]!.sampleId)!;
    const d2 = await readSampleDetail(file, scored);
    assert.ok(d2.subScores.some((x) => x.name === 'quality.correctness' && x.value === 8));
    assert.ok(d2.facts.some((f) => f.name === 'Score' && f.value === 'scored'));
  });

  it('notes a sample whose record changed since it was read', async () => {
    const { file } = await labeledChat(tmp.dir);
    const data = await DashboardData.load({ kind: 'file', paths: [file] });
    const first = data.rows()[0]!;
    writeFileSync(file, '{"id":"other","conversations":[{"from":"human","value":"hi"},{"from":"gpt","value":"hello"}]}\n');
    const detail = await readSampleDetail(file, first);
    assert.equal(detail.conversation, null);
    assert.match(detail.note ?? '', /changed since/);
  });

  it('covers a folder: labeled and unlabeled datasets, but not configs or sidecars', async () => {
    await labeledChat(tmp.dir);
    mkdirSync(path.join(tmp.dir, 'sub'));
    writeFileSync(path.join(tmp.dir, 'sub', 'new.jsonl'), '{"messages":[{"role":"user","content":"hi"},{"role":"assistant","content":"hello"}]}\n');
    writeFileSync(path.join(tmp.dir, 'package.json'), '{"name":"not-a-dataset","version":"1.0.0"}\n');
    const data = await DashboardData.load({ kind: 'folder', paths: [tmp.dir] });
    const s = data.summary();
    assert.deepEqual(s.files.map((f) => f.path), ['chat.jsonl', 'sub/new.jsonl']);
    assert.equal(s.overview.samples, SAMPLES_IN_CHAT + 1);
    assert.equal(s.overview.unlabeled, 1);
    assert.equal(s.fileRanking.length, 2);
    assert.equal(s.scope.label, `${path.basename(tmp.dir)}/`);
  });

  it('reads the labels and scores an sft-label output file carries', async function () {
    const shared = '/work/shared/data/sftlabel_nemotron_selection_regression.json';
    if (!existsSync(shared)) this.skip();
    const data = await DashboardData.load({ kind: 'file', paths: [shared] });
    const o = data.summary().overview;
    assert.equal(o.samples, 5);
    assert.equal(o.labelers.imported, 5, 'labels imported from the rows');
    assert.equal(o.scored, 5);
    assert.equal(o.scoredImported, 5);
    assert.equal(o.tokens, 0, 'sft-label spent those tokens, not us');
    assert.deepEqual(data.summary().scoring!.histograms.value.bins.reduce((a, b) => a + b, 0), 5);
  });

  it('maps a sidecar log back to its dataset', () => {
    const file = path.join(tmp.dir, 'a', 'data.jsonl');
    assert.equal(datasetOfSidecarLog(sidecarPaths(file).labels), file);
    assert.equal(datasetOfSidecarLog(path.join(tmp.dir, 'labels.jsonl')), undefined);
    assert.equal(datasetOfSidecarLog(sidecarPaths(file).run), undefined);
  });
});
