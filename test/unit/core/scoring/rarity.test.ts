import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  BaselineCounter, BaselineError, baselineFromStats, loadBaselineFile, type RarityBaseline,
} from '../../../../src/core/scoring/baseline';
import {
  RarityModel, combineRarity, dimensionRarity, normalizeAbsolute, normalizePercentile, percentileScoreOf, tagIdf,
} from '../../../../src/core/scoring/rarity';
import { computeRunWide } from '../../../../src/core/scoring/runWide';
import { ScoreTable } from '../../../../src/core/scoring/table';
import { comboKey } from '../../../../src/core/stats/labelingStats';
import { useTmpDir } from '../../../helpers/tmp';
import { labelsOf } from './fixtures';

const close = (actual: number | null | undefined, expected: number, eps = 1e-6) => {
  assert.ok(typeof actual === 'number' && Math.abs(actual - expected) < eps, `${actual} is not ${expected}`);
};

/** N = 8: intent build 3, debug 1; concept recursion 1, algorithms 3. IDFs: build 1, debug 2, recursion 2, algorithms 1. */
function baseline(combos?: Map<string, number>): RarityBaseline {
  return {
    totalSamples: 8,
    tags: { intent: new Map([['build', 3], ['debug', 1]]), concept: new Map([['recursion', 1], ['algorithms', 3]]) },
    combos,
    ref: { source: 'test', total_samples: 8, timestamp: 't' },
  };
}

const sample = labelsOf({ intent: 'build', concept: ['recursion', 'algorithms'] }, { intent: 1, concept: 0.5 });
// intent: observed 1, c = 1 → 1. concept: observed 0.6·2 + 0.4·1.5 = 1.8, prior 1.5, c = 0.5 → 1.65.
// tag rarity = (0.15·1 + 2.0·1.65) / 2.15 = 3.45 / 2.15
const TAG = 3.45 / 2.15;

describe('core/scoring/rarity', () => {
  it('tag IDF is max(0, log2(N / (count + 1)))', () => {
    assert.equal(tagIdf(3, 8), 1);
    assert.equal(tagIdf(1, 8), 2);
    assert.equal(tagIdf(9, 8), 0);
  });

  it('a dimension blends 0.6·max + 0.4·mean of its IDFs with its prior by the label confidence', () => {
    close(dimensionRarity(2, 3, 2, 1.5, 0.5), 1.65);
    close(dimensionRarity(2, 2, 1, 1.5, 1), 2);
    close(dimensionRarity(2, 2, 1, 1.5, 0), 1.5);
  });

  it('weights dimensions and disables combination rarity when the baseline has no combinations', () => {
    const model = new RarityModel(baseline());
    const raw = model.raw(sample);
    close(raw.tag_rarity, TAG);
    assert.equal(raw.combo_rarity, null);
    close(raw.raw, TAG);
    close(raw.effective_confidence, 0.75);
    // 1 + 9 · 1.6047 / log2 8 = 5.81
    assert.equal(normalizeAbsolute(raw.raw, 8), 5.8);
  });

  it('blends the combination rarity with α = 0.7', () => {
    const model = new RarityModel(baseline(new Map([[comboKey(sample), 1]])));
    const raw = model.raw(sample);
    // combo raw log2(8/2) = 2; c̄ = 0.75 → combo = 0.75·2 + 0.25·TAG; raw = 0.7·TAG + 0.3·combo
    const combo = 1.5 + 0.25 * TAG;
    close(raw.combo_rarity, combo);
    close(raw.raw, 0.7 * TAG + 0.3 * combo);
    assert.equal(normalizeAbsolute(raw.raw, 8), 6.1);
  });

  it('counts a combination absent from the baseline as never seen (log2 N), not as 0', () => {
    const model = new RarityModel(baseline(new Map([['some|other|combo', 5]])));
    const raw = model.raw(sample);
    const combo = 0.75 * 3 + 0.25 * TAG;
    close(raw.combo_rarity, combo);
    assert.equal(normalizeAbsolute(raw.raw, 8), 6.8);
  });

  it('gives a tag the baseline never saw its dimension prior, and skips dimensions the baseline lacks', () => {
    const model = new RarityModel(baseline());
    assert.equal(model.idf('intent', 'review'), 1.5);
    assert.equal(model.idf('language', 'python'), undefined);
    const raw = model.raw(labelsOf({ intent: 'review', language: ['python'] }, { intent: 1 }));
    close(raw.tag_rarity, 1.5);
    assert.equal(model.raw(labelsOf({ language: ['python'] })).tag_rarity, null);
  });

  it('matches the reference check: raw 0.7·0.424 + 0.3·1.586 with N = 7 → 3.5', () => {
    assert.equal(normalizeAbsolute(0.7 * 0.424 + 0.3 * 1.586, 7), 3.5);
    // The same through combineRarity: tag 0.424 and a combination whose blend is 1.586 (c̄ = 1, count = N/2^1.586 − 1).
    const count = 7 / 2 ** 1.586 - 1;
    assert.equal(normalizeAbsolute(combineRarity(0.424, 1, 1, count, 7, 0.7).raw, 7), 3.5);
    assert.equal(normalizeAbsolute(10, 7), 10);
    assert.equal(normalizeAbsolute(-1, 7), 1);
    assert.equal(normalizeAbsolute(1, 1), null);
  });

  it('percentile normalisation ranks ties at their mid rank and leaves missing values out', () => {
    const scores = normalizePercentile([3, 1, 2, 2, NaN]);
    assert.deepEqual([...scores.slice(0, 4)], [10, 1, 5.5, 5.5]);
    assert.ok(Number.isNaN(scores[4]!));
    assert.deepEqual([...normalizePercentile([7])], [5.5]);
    const sorted = Float64Array.from([1, 2, 2, 3]);
    assert.equal(percentileScoreOf(sorted, 2), 5.5);
    assert.equal(percentileScoreOf(sorted, 3), 10);
    assert.equal(percentileScoreOf(sorted, 1), 1);
  });

  it('the column path over a table gives exactly what the per-sample path gives', () => {
    const table = new ScoreTable();
    const all = [
      sample,
      labelsOf({ intent: 'debug', concept: ['algorithms'], language: ['go'] }, { intent: 0.2 }),
      labelsOf({ intent: 'build', concept: ['recursion', 'dp', 'algorithms'] }),
      labelsOf({ intent: 'build' }, { concept: 0.9, intent: 0.6 }),
    ];
    for (const [i, labels] of all.entries()) {
      table.add({ rowIndex: i, turnIndex: 1, totalTurns: 1, thinkingMode: 'fast', labels, numbers: { complexity: 5, quality: 5, reasoning: 5, confidence: 1 } });
    }
    const counter = new BaselineCounter();
    all.forEach((l) => counter.add(l));
    const model = new RarityModel(counter.build('dataset'));
    const run = computeRunWide(table);
    all.forEach((labels, i) => {
      const raw = model.raw(labels);
      close(run.rarityRaw[i], raw.raw!, 1e-12);
      assert.equal(run.rarityScore[i], normalizeAbsolute(raw.raw, 4));
    });
  });

  describe('baseline', () => {
    const tmp = useTmpDir();

    it('reads stats_labeling.json (ours or sft-label) and sums a multi-file stats output', async () => {
      const stats = {
        distribution_total_samples: 7,
        tag_distributions: { intent: { build: 5, debug: 2 }, concept: { recursion: 1 } },
        combo_distributions: { 'intent=build|x': 3 },
        timestamp: '2026-05-01T00:00:00',
      };
      const file = path.join(tmp.dir, 'stats_labeling.json');
      writeFileSync(file, JSON.stringify(stats));
      const b = await loadBaselineFile(file);
      assert.equal(b.totalSamples, 7);
      assert.equal(b.tags.intent?.get('build'), 5);
      assert.equal(b.combos?.get('intent=build|x'), 3);
      assert.deepEqual(b.ref, { source: file, total_samples: 7, timestamp: '2026-05-01T00:00:00' });
      const multi = baselineFromStats({ 'a.jsonl': stats, 'b.jsonl': { ...stats, combo_distributions: undefined } }, 'multi');
      assert.equal(multi.totalSamples, 14);
      assert.equal(multi.tags.intent?.get('debug'), 4);
      assert.equal(multi.combos?.get('intent=build|x'), 3);
    });

    it('names the file and the problem when a stats file cannot be a baseline', async () => {
      const file = path.join(tmp.dir, 'bad.json');
      writeFileSync(file, '{"labels": 1}');
      await assert.rejects(loadBaselineFile(file), (e: Error) => e instanceof BaselineError && e.message.includes(file) && /tag_distributions/.test(e.message));
      writeFileSync(file, '{oops');
      await assert.rejects(loadBaselineFile(file), /not valid JSON/);
      await assert.rejects(loadBaselineFile(path.join(tmp.dir, 'missing.json')), /Cannot read/);
    });
  });
});
