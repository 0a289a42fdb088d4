import { strict as assert } from 'node:assert';
import { CriteriaError, parseQuota, parseTagRef } from '../../../../src/core/select/criteria';
import { seededRandom, shuffleInPlace } from '../../../../src/core/util/prng';
import { selectUnits } from '../../../../src/core/select/selectUnits';
import { ScoreTable } from '../../../../src/core/scoring/table';
import type { Unit } from '../../../../src/core/scoring/units';
import { labelsOf } from '../scoring/fixtures';

/**
 * Seven rows (units). U5 is unscored; U6 is a two-reply conversation (samples 6 and 7).
 *   unit value sel  concept                 difficulty    language flags       thinking
 *   U0   8.0   7.5  recursion               advanced      python               slow
 *   U1   7.0   6.0  recursion, algorithms   intermediate  python
 *   U2   6.0   8.0  algorithms              beginner      go       has-bug
 *   U3   5.0   4.0  concurrency             advanced      rust
 *   U4   4.0   5.0  —                       beginner      python   incomplete
 *   U5   —     —    ownership               —             rust
 *   U6   6.5   6.5  testing | recursion     expert | —    java                 slow | fast
 */
function fixture(): { table: ScoreTable; units: Unit[] } {
  const table = new ScoreTable();
  const rows: [number, Parameters<typeof labelsOf>[0], string[], 'slow' | 'fast', boolean][] = [
    [0, { concept: ['recursion'], difficulty: 'advanced', language: ['python'] }, [], 'slow', true],
    [1, { concept: ['recursion', 'algorithms'], difficulty: 'intermediate', language: ['python'] }, [], 'fast', true],
    [2, { concept: ['algorithms'], difficulty: 'beginner', language: ['go'] }, ['has-bug'], 'fast', true],
    [3, { concept: ['concurrency'], difficulty: 'advanced', language: ['rust'] }, [], 'fast', true],
    [4, { difficulty: 'beginner', language: ['python'] }, ['incomplete'], 'fast', true],
    [5, { concept: ['ownership'], language: ['rust'] }, [], 'fast', false],
    [6, { concept: ['testing'], difficulty: 'expert', language: ['java'] }, [], 'slow', true],
    [6, { concept: ['recursion'], language: ['java'] }, [], 'fast', true],
  ];
  rows.forEach(([row, tags, flags, thinkingMode, scored], i) => {
    table.add({
      rowIndex: row,
      turnIndex: i === 7 ? 2 : 1,
      totalTurns: row === 6 ? 2 : 1,
      thinkingMode,
      labels: labelsOf(tags),
      numbers: scored ? { complexity: 5, quality: 5, reasoning: 5, confidence: 0.9 } : undefined,
      flags,
    });
  });
  const unit = (rowIndex: number, samples: number[], value: number, selection: number): Unit => ({ rowIndex, samples, value, selection });
  const units = [
    unit(0, [0], 8, 7.5),
    unit(1, [1], 7, 6),
    unit(2, [2], 6, 8),
    unit(3, [3], 5, 4),
    unit(4, [4], 4, 5),
    unit(5, [5], NaN, NaN),
    unit(6, [6, 7], 6.5, 6.5),
  ];
  return { table, units };
}

const rowsOf = (units: Unit[]) => units.map((u) => u.rowIndex);

describe('core/select/selectUnits', () => {
  it('keeps units at or above a value threshold and reports coverage exactly', () => {
    const { table, units } = fixture();
    const { kept, report } = selectUnits(table, units, { valueMin: 6 });
    assert.deepEqual(rowsOf(kept), [0, 1, 2, 6]);
    assert.equal(report.units_total, 7);
    assert.equal(report.units_scored, 6);
    assert.equal(report.units_kept, 4);
    assert.equal(report.samples_kept, 5);
    assert.equal(report.mean_value_kept, 6.88);
    const c = report.kept_coverage;
    // Vocabulary of the scored units: concept 4 (ownership is only in the unscored row), language 4, difficulty 4.
    assert.deepEqual(c.by_dimension.concept, { covered: 3, total: 4, share: 0.75 });
    assert.deepEqual(c.by_dimension.language, { covered: 3, total: 4, share: 0.75 });
    assert.deepEqual(c.by_dimension.difficulty, { covered: 4, total: 4, share: 1 });
    assert.deepEqual(c.by_dimension.agentic, { covered: 0, total: 0, share: 1 });
    assert.equal(c.coverage, 0.833);
    assert.equal(c.pct, 0.6667);
    assert.deepEqual(c.tags_lost, ['concept:concurrency', 'language:rust']);

    assert.deepEqual(Object.keys(report.coverage_at_thresholds), ['4.0', '5.0', '6.0', '7.0', '8.0']);
    const at7 = report.coverage_at_thresholds['7.0']!;
    assert.equal(at7.retained_units, 2);
    assert.deepEqual([at7.by_dimension.concept.covered, at7.by_dimension.language.covered, at7.by_dimension.difficulty.covered], [2, 1, 2]);
    assert.equal(at7.coverage, 0.417);
    assert.equal(report.coverage_at_thresholds['4.0']!.coverage, 1);
    assert.equal(report.coverage_at_thresholds['8.0']!.retained_units, 1);
  });

  it('adds the chosen minimum to the report thresholds', () => {
    const { table, units } = fixture();
    const { report } = selectUnits(table, units, { valueMin: 6.5 });
    assert.deepEqual(Object.keys(report.coverage_at_thresholds), ['4.0', '5.0', '6.0', '6.5', '7.0', '8.0']);
    assert.equal(report.coverage_at_thresholds['6.5']!.retained_units, 3);
  });

  it('judges a multi-reply row by the union of its replies: include, then the top share by selection', () => {
    const { table, units } = fixture();
    const { kept, report } = selectUnits(table, units, { includeTags: [parseTagRef('concept:recursion')], topPercent: 50 });
    // recursion: U0, U1 and U6 (through its second reply); the best ceil(1.5) = 2 by selection: U0 7.5, U6 6.5
    assert.equal(report.units_after_filters, 3);
    assert.deepEqual(rowsOf(kept), [0, 6]);
    assert.deepEqual(rowsOf(selectUnits(table, units, { topPercent: 50, rankBy: 'value' }).kept), [0, 1, 6]);
  });

  it('filters by difficulty, thinking mode, flags and selection minimum', () => {
    const { table, units } = fixture();
    assert.deepEqual(rowsOf(selectUnits(table, units, { difficulty: ['beginner'] }).kept), [2, 4]);
    assert.deepEqual(rowsOf(selectUnits(table, units, { difficulty: ['expert'] }).kept), [6]);
    assert.deepEqual(rowsOf(selectUnits(table, units, { thinkingMode: 'mixed' }).kept), [6]);
    assert.deepEqual(rowsOf(selectUnits(table, units, { thinkingMode: 'slow' }).kept), [0]);
    assert.deepEqual(rowsOf(selectUnits(table, units, { requireFlags: ['has-bug', 'incomplete'] }).kept), [2, 4]);
    assert.deepEqual(rowsOf(selectUnits(table, units, { excludeFlags: ['has-bug'], excludeTags: [parseTagRef('language:python')] }).kept), [3, 6]);
    assert.deepEqual(rowsOf(selectUnits(table, units, { selectionMin: 6.5, valueMin: 6.5 }).kept), [0, 6]);
  });

  it('keeps unscored rows only when asked, and then they skip the numeric criteria', () => {
    const { table, units } = fixture();
    assert.deepEqual(rowsOf(selectUnits(table, units, { valueMin: 7 }).kept), [0, 1]);
    assert.deepEqual(rowsOf(selectUnits(table, units, { valueMin: 7, includeUnscored: true }).kept), [0, 1, 5]);
  });

  it('per-tag quota: rarest tags first, every tag keeps min(N, its rows), the same seed gives the same rows', () => {
    const { table, units } = fixture();
    const pick = (seed: number) => selectUnits(table, units, { quota: parseQuota('concept=1', seed) });
    const first = pick(7);
    // Strata served: (none) {U4}, concurrency {U3}, testing {U6, which also counts for recursion},
    // algorithms {U1 or U2, by the shuffle}; recursion already has one.
    assert.equal(first.kept.length, 4);
    const rows = rowsOf(first.kept);
    assert.ok([3, 4, 6].every((r) => rows.includes(r)), String(rows));
    assert.equal(rows.filter((r) => r === 1 || r === 2).length, 1);
    assert.deepEqual(first.report.quota, { dim: 'concept', per_tag: 1, seed: 7, candidates: 6, kept: 4 });
    assert.deepEqual(first.report.kept_coverage.by_dimension.concept, { covered: 4, total: 4, share: 1 });
    assert.deepEqual(rowsOf(pick(7).kept), rows);
    const outcomes = new Set(Array.from({ length: 20 }, (_, seed) => rowsOf(pick(seed).kept).join(',')));
    assert.deepEqual([...outcomes].sort(), ['1,3,4,6', '2,3,4,6']);

    // A quota as large as every stratum keeps every candidate.
    assert.equal(selectUnits(table, units, { quota: parseQuota('concept=3', 1) }).kept.length, 6);
  });

  it('rejects malformed criteria with a message saying what is wrong', () => {
    assert.throws(() => parseTagRef('recursion'), CriteriaError);
    assert.throws(() => parseTagRef('concepts:recursion'), /not a dimension/);
    assert.throws(() => parseQuota('concept', 1), /dim=N/);
    assert.throws(() => parseQuota('concept=0', 1), /at least 1/);
    const { table, units } = fixture();
    assert.throws(() => selectUnits(table, units, { valueMin: 11 }), /from 0 to 10/);
    assert.throws(() => selectUnits(table, units, { topPercent: 0 }), /top share/);
  });

  it('the seeded PRNG is repeatable and shuffles every element exactly once', () => {
    const a = shuffleInPlace([1, 2, 3, 4, 5, 6], seededRandom(42));
    assert.deepEqual(shuffleInPlace([1, 2, 3, 4, 5, 6], seededRandom(42)), a);
    assert.deepEqual([...a].sort(), [1, 2, 3, 4, 5, 6]);
    const r = seededRandom(1);
    for (let i = 0; i < 1000; i++) {
      const x = r();
      assert.ok(x >= 0 && x < 1);
    }
  });
});
