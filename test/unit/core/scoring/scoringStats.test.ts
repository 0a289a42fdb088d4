import { strict as assert } from 'node:assert';
import { parseEmbedded, toLabelSet } from '../../../../src/core/scoring/embedded';
import { computeRunWide } from '../../../../src/core/scoring/runWide';
import { ScoreTable } from '../../../../src/core/scoring/table';
import { buildUnits } from '../../../../src/core/scoring/units';
import { ScoreTotals, computeScoringStats, distribution, histogram } from '../../../../src/core/stats/scoringStats';
import { labelsOf } from './fixtures';

describe('core/stats/scoringStats', () => {
  it('distribution: mean, sample std, min, max and p_k = sorted[floor(n·k/100)]', () => {
    const d = distribution([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    assert.deepEqual(d, { mean: 5.5, std: 3.03, min: 1, max: 10, p10: 2, p25: 3, p50: 6, p75: 8, p90: 10 });
    assert.deepEqual(distribution([]), {});
    assert.deepEqual(distribution([4]), { mean: 4, std: 0, min: 4, max: 4, p10: 4, p25: 4, p50: 4, p75: 4, p90: 4 });
  });

  it('histogram: ten bins by whole score, the 10s in the last', () => {
    assert.deepEqual(histogram([1, 1.89, 2, 5.5, 9.99, 10]), [2, 1, 0, 0, 1, 0, 0, 0, 1, 1]);
  });

  it('computes the run-wide stats of a table', () => {
    const table = new ScoreTable();
    const rows: [Parameters<typeof labelsOf>[0], number, number, number, string[], 'slow' | 'fast'][] = [
      [{ intent: 'build', concept: ['recursion'] }, 8, 8, 8, [], 'slow'],
      [{ intent: 'build', concept: ['algorithms'] }, 6, 7, 6, [], 'fast'],
      [{ intent: 'debug', concept: ['recursion'] }, 4, 3, 4, ['has-bug'], 'fast'],
      [{ intent: 'learn' }, 5, 5, 5, [], 'fast'],
    ];
    rows.forEach(([tags, c, q, r, flags, thinkingMode], i) =>
      table.add({ rowIndex: i, turnIndex: 1, totalTurns: 1, thinkingMode, labels: labelsOf(tags), numbers: { complexity: c, quality: q, reasoning: r, confidence: 1 }, flags }),
    );
    table.add({ rowIndex: 4, turnIndex: 1, totalTurns: 1, thinkingMode: 'fast', labels: labelsOf({ intent: 'build' }) });
    const run = computeRunWide(table);
    const totals = new ScoreTotals();
    const stats = computeScoringStats(table, run, totals, { inputFile: 'f.jsonl', units: buildUnits(table, run) });
    assert.equal(stats.total_samples, 5);
    assert.equal(stats.total_labeled, 5);
    assert.equal(stats.total_scored, 4);
    assert.equal(stats.total_unscored, 1);
    const values = [0, 1, 2, 3].map((i) => run.value[i]!);
    assert.deepEqual(stats.score_distributions.quality_overall, { mean: 5.75, std: 2.22, min: 3, max: 8, p10: 3, p25: 5, p50: 7, p75: 8, p90: 8 });
    assert.equal((stats.score_distributions.value_score as { max: number }).max, Math.max(...values));
    assert.deepEqual(stats.thinking_mode_stats.slow, { count: 1, mean_value: values[0], mean_quality: 8, mean_reasoning: 8 });
    assert.equal(stats.thinking_mode_stats.fast.count, 3);
    assert.deepEqual(stats.flag_counts, { 'has-bug': 1 });
    assert.deepEqual(stats.flag_value_impact, { 'has-bug': { mean_value: values[2], count: 1 } });
    assert.deepEqual(Object.keys(stats.value_by_tag.concept!).sort(), ['algorithms', 'recursion']);
    assert.equal(stats.value_by_tag.concept!.recursion!.n, 2);
    assert.equal(stats.value_by_tag.concept!.recursion!.mean, Math.round(((values[0]! + values[2]!) / 2) * 100) / 100);
    assert.equal(stats.keep_rates['4.0'], values.filter((v) => v >= 4).length / 4);
    assert.equal(stats.keep_rate_7, values.filter((v) => v >= 7).length / 4);
    const at5 = stats.coverage_at_thresholds['5.0']!;
    assert.equal(at5.retained, values.filter((v) => v >= 5).length);
    // Tags of scored samples: intent build/debug/learn, concept recursion/algorithms.
    const top = stats.coverage_at_thresholds['8.0']!;
    assert.equal(top.retained, values.filter((v) => v >= 8).length);
    assert.ok(Array.isArray(top.tags_lost));
    assert.deepEqual(stats.weights_used, { complexity: 0.25, quality: 0.4, reasoning: 0.2, rarity: 0.15 });
    assert.equal(stats.rarity_config.combo_mode, 'baseline');
    assert.equal(stats.rarity_config.total_samples_in_distribution, 5);
    assert.deepEqual(stats.score_distributions.distribution_warnings, []);
  });

  it('reads sft-label labels and values from rows', () => {
    assert.equal(toLabelSet({ intent: 'build', partial: true }), undefined);
    assert.equal(toLabelSet({ something: 1 }), undefined);
    const labels = toLabelSet({ intent: ['build'], language: 'python', concept: ['a', 'a', 3], confidence: { intent: 0.9, language: 'x' } })!;
    assert.equal(labels.intent, 'build');
    assert.deepEqual(labels.language, ['python']);
    assert.deepEqual(labels.concept, ['a']);
    assert.deepEqual(labels.confidence, { intent: 0.9 });
    const e = parseEmbedded({ labels: { intent: 'build' }, value: { complexity: { overall: 6 }, quality: { overall: 1 }, reasoning: { overall: 1 }, value_score: 1.9, confidence: 0.5, flags: ['incomplete'] } })!;
    assert.deepEqual(e.value?.numbers, { complexity: 6, quality: 1, reasoning: 1, confidence: 0.5 });
    assert.equal(e.value?.value_score, 1.9);
    assert.deepEqual(e.value?.flags, ['incomplete']);
    assert.equal(e.value?.estimated, false);
    assert.equal(parseEmbedded({ value: { value_score: 6.5 } })?.value?.numbers, undefined);
    assert.equal(parseEmbedded({ conversations: [] }), undefined);
  });
});
