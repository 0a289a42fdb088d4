import { strict as assert } from 'node:assert';
import { pureQuality, scoreNumbers, shrinkTowardMiddle, valueScore } from '../../../../src/core/scoring/value';
import { judgement } from './fixtures';

const close = (actual: number | null, expected: number, eps = 1e-9) => {
  assert.ok(actual !== null && Math.abs(actual - expected) < eps, `${actual} is not ${expected}`);
};

describe('core/scoring/value', () => {
  it('pins the worked example: complexity 3, quality 7, reasoning 5, rarity 3.5 → 5.1', () => {
    // 0.25·3 + 0.40·7 + 0.20·5 + 0.15·3.5 = 0.75 + 2.8 + 1.0 + 0.525 = 5.075; below 5.5, so no shrink.
    assert.equal(valueScore({ complexity: 3, quality: 7, reasoning: 5, confidence: 0.9 }, 3.5), 5.1);
  });

  it('multiplies by 0.7 when quality is below 4', () => {
    // (0.25·5 + 0.40·3 + 0.20·5 + 0.15·5) = 4.2 → ×0.7 = 2.94
    assert.equal(valueScore({ complexity: 5, quality: 3, reasoning: 5, confidence: 1 }, 5), 2.9);
    // quality exactly 4 is not floored: 0.25·5 + 0.4·4 + 0.2·5 + 0.15·5 = 4.6
    assert.equal(valueScore({ complexity: 5, quality: 4, reasoning: 5, confidence: 1 }, 5), 4.6);
  });

  it('pulls scores above 5.5 toward 5.5 by the judge confidence, and leaves lower ones alone', () => {
    assert.equal(valueScore({ complexity: 8, quality: 8, reasoning: 8, confidence: 0.5 }, 8), 6.8); // 5.5 + 0.5·2.5 = 6.75
    assert.equal(shrinkTowardMiddle(4, 0), 4);
    assert.equal(shrinkTowardMiddle(9, 0), 5.5);
    assert.equal(shrinkTowardMiddle(9, 1), 9);
  });

  it('counts a missing rarity as 5.0 and renormalises over the LLM dimensions present', () => {
    // 0.25·7 + 0.4·7 + 0.2·7 + 0.15·5 = 6.7
    assert.equal(valueScore({ complexity: 7, quality: 7, reasoning: 7, confidence: 1 }, null), 6.7);
    // complexity missing: (0.4·6 + 0.2·4 + 0.15·2) / 0.75 = 3.5 / 0.75 = 4.667
    assert.equal(valueScore({ complexity: null, quality: 6, reasoning: 4, confidence: 1 }, 2), 4.7);
  });

  it('gives no score with fewer than two LLM dimensions, whatever the rarity', () => {
    assert.equal(valueScore({ complexity: null, quality: 9, reasoning: null, confidence: 1 }, 10), null);
    assert.equal(pureQuality({ complexity: null, quality: null, reasoning: null, confidence: 1 }), null);
  });

  it('clamps to 1–10 and honours custom weights', () => {
    assert.equal(valueScore({ complexity: 1, quality: 1, reasoning: 1, confidence: 1 }, 1), 1);
    const w = { complexity: 1, quality: 0, reasoning: 0, rarity: 1 };
    // defaults: 0.5 + 3.6 + 1.8 + 0.6 = 6.5; complexity and rarity only: (2 + 4) / 2 = 3
    assert.equal(valueScore({ complexity: 2, quality: 9, reasoning: 9, confidence: 1 }, 4), 6.5);
    assert.equal(valueScore({ complexity: 2, quality: 9, reasoning: 9, confidence: 1 }, 4, w), 3);
  });

  it('pure quality is the value without rarity, unrounded', () => {
    // (0.25·3 + 0.4·7 + 0.2·5) / 0.85 = 4.55 / 0.85
    close(pureQuality({ complexity: 3, quality: 7, reasoning: 5, confidence: 0.9 }), 4.55 / 0.85);
    // floored and shrunk like the value: (0.25·9 + 0.4·3 + 0.2·9)/0.85 = 6.176… ×0.7 = 4.323…
    close(pureQuality({ complexity: 9, quality: 3, reasoning: 9, confidence: 0.2 }), ((2.25 + 1.2 + 1.8) / 0.85) * 0.7);
  });

  it('reads the overalls and confidence of a judgement', () => {
    assert.deepEqual(scoreNumbers(judgement({ complexity: 4, quality: 6, reasoning: 5, confidence: 0.7 })), {
      complexity: 4,
      quality: 6,
      reasoning: 5,
      confidence: 0.7,
    });
  });
});
