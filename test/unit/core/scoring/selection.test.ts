import { strict as assert } from 'node:assert';
import { computeSelection, percentilesInto, type SelectionDim } from '../../../../src/core/scoring/selection';

const close = (actual: number | undefined, expected: number, eps = 1e-9) => {
  assert.ok(actual !== undefined && Math.abs(actual - expected) < eps, `${actual} is not ${expected}`);
};

/** One dimension (weight 2) where samples `members` carry tag 0 and the rest carry nothing. */
function dim(n: number, members: number[], confidence: number[]): SelectionDim {
  const offsets = new Int32Array(n + 1);
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    if (members.includes(i)) ids.push(0);
    offsets[i + 1] = ids.length;
  }
  return { weight: 2, offsets, ids: Int32Array.from(ids), tagCount: 1, confidence: Float64Array.from(confidence) };
}

describe('core/scoring/selection', () => {
  it('tie-aware percentiles: tied values share their mid rank', () => {
    const out = new Float64Array(6);
    percentilesInto(Int32Array.from([0, 1, 2, 3, 4, 5]), Float64Array.from([2, 4, 4, 6, 8, 5]), out);
    // sorted 2, 4, 4, 5, 6, 8 → ranks 0, 1.5, 1.5, 3, 4, 5 over 5
    assert.deepEqual([...out], [0, 0.3, 0.3, 0.8, 1, 0.6]);
    percentilesInto(Int32Array.from([3]), Float64Array.from([0, 0, 0, 9]), out);
    assert.equal(out[3], 0.5);
  });

  it('ranks inside a tag of 5+, shrunk toward the global percentile by n_eff/(n_eff + 30)', () => {
    const pq = Float64Array.from([2, 4, 4, 6, 8, 5]);
    const rarity = Float64Array.from([NaN, NaN, NaN, NaN, NaN, 7]);
    const { intraClassRank, selection } = computeSelection({
      pureQuality: pq,
      rarity,
      defaultConfidence: 0.75,
      dims: [dim(6, [0, 1, 2, 3, 4], [1, 1, 1, 1, 1, 1])],
    });
    // Group of 5 (conf 1 each): n_eff 5, shrink 5/35. Tag percentiles 0, .375, .375, .75, 1; global 0, .3, .3, .8, 1.
    const s = 5 / 35;
    close(intraClassRank[0], 1);
    assert.equal(intraClassRank[1], Math.round((1 + 9 * (s * 0.375 + (1 - s) * 0.3)) * 100) / 100); // 3.80
    assert.equal(intraClassRank[3], Math.round((1 + 9 * (s * 0.75 + (1 - s) * 0.8)) * 100) / 100); // 8.14
    close(intraClassRank[4], 10);
    // Sample 5 has no group: global percentile 0.6 → 6.4.
    close(intraClassRank[5], 6.4);
    // Without rarity the weights are 0.49 + 0.20: (0.49·3.7964 + 0.2·4) / 0.69 = 3.86
    assert.equal(selection[1], 3.86);
    assert.equal(selection[0], 1.29); // (0.49·1 + 0.2·2) / 0.69
    // With rarity: 0.49·6.4 + 0.20·5 + 0.31·7 = 6.306
    assert.equal(selection[5], 6.31);
  });

  it('ignores groups under 5 members, counts each member at least 0.25 in n_eff, and leaves unscored samples out', () => {
    const pq = Float64Array.from([1, 2, 3, 4, NaN, 9]);
    const small = computeSelection({ pureQuality: pq, rarity: new Float64Array(6).fill(NaN), defaultConfidence: 0.75, dims: [dim(6, [0, 1, 2, 3, 4], [1, 1, 1, 1, 1, 1])] });
    // Only 4 scored members: no group, every sample gets its global percentile.
    assert.deepEqual([...small.intraClassRank.slice(0, 4)], [1, 3.25, 5.5, 7.75]);
    assert.ok(Number.isNaN(small.selection[4]!) && Number.isNaN(small.intraClassRank[4]!));

    const pq2 = Float64Array.from([1, 2, 3, 4, 5]);
    const low = computeSelection({ pureQuality: pq2, rarity: new Float64Array(5).fill(NaN), defaultConfidence: 0.75, dims: [dim(5, [0, 1, 2, 3, 4], [0.1, 0.1, 0.1, 0.1, 0.1])] });
    // n_eff = 5 · 0.25; tag and global percentiles are equal here, so the rank is the global one whatever the shrink.
    assert.deepEqual([...low.intraClassRank], [1, 3.25, 5.5, 7.75, 10]);
  });

  it('fuses dimensions with weight × confidence and averages a dimension over its tags', () => {
    // Two tags in one dimension: tag 0 = samples 0..4, tag 1 = samples 1..5; sample 1..4 carry both.
    const n = 6;
    const offsets = Int32Array.from([0, 1, 3, 5, 7, 9, 10]);
    const ids = Int32Array.from([0, 0, 1, 0, 1, 0, 1, 0, 1, 1]);
    const d: SelectionDim = { weight: 1, offsets, ids, tagCount: 2, confidence: new Float64Array(n).fill(1) };
    const pq = Float64Array.from([1, 2, 3, 4, 5, 6]);
    const { intraClassRank } = computeSelection({ pureQuality: pq, rarity: new Float64Array(n).fill(NaN), defaultConfidence: 0.75, dims: [d] });
    const s = 5 / 35;
    const g = (i: number) => i / 5;
    // sample 2: tag 0 pct 2/4, tag 1 pct 1/4 → mean of the two blends
    const v = ((s * 0.5 + (1 - s) * g(2)) + (s * 0.25 + (1 - s) * g(2))) / 2;
    assert.equal(intraClassRank[2], Math.round((1 + 9 * v) * 100) / 100);
  });
});
