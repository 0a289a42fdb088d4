import { strict as assert } from 'node:assert';
import { aggregateConversation, positionWeights, qualityFloorFactor, type ConversationSlice } from '../../../../src/core/scoring/conversation';

const slice = (o: Partial<ConversationSlice> & { turnIndex: number }): ConversationSlice => ({
  value: null,
  selection: null,
  complexity: null,
  quality: null,
  rarity: null,
  confidence: null,
  flags: [],
  thinkingMode: 'fast',
  agentic: false,
  ...o,
});

describe('core/scoring/conversation', () => {
  it('weights later replies more: 1.0 → 2.0', () => {
    assert.deepEqual(positionWeights(3), [1, 1.5, 2]);
    assert.deepEqual(positionWeights(1), [1]);
  });

  it('aggregates a three-reply conversation with one unscored reply (hand-computed)', () => {
    const c = aggregateConversation([
      slice({ turnIndex: 3, thinkingMode: 'slow' }),
      slice({ turnIndex: 2, value: 6, selection: 7, quality: 3, complexity: 7, rarity: 5, confidence: 0.6, flags: ['has-bug'], labelSignature: 'b' }),
      slice({ turnIndex: 1, value: 4, selection: 5, quality: 6, complexity: 5, rarity: 3, confidence: 0.8, labelSignature: 'a' }),
    ]);
    // weights 1, 1.5 (scored), 2 (unscored). q_base = 0.7·(4 + 9)/2.5 + 0.3·6 = 5.44
    // penalty: lowest quality 3 (< 5) → 0.8, one negative flag → ×0.95; 5.44 · 0.76 = 4.1344 (below 5.5: no shrink)
    assert.equal(c.conv_value, 4.1);
    // selections 5, 7: 0.7·6.2 + 0.3·7 = 6.44 · 0.76 = 4.8944
    assert.equal(c.conv_selection, 4.89);
    assert.equal(c.peak_complexity, 7);
    assert.equal(c.observed_turn_ratio, 0.667);
    assert.equal(c.observed_weight_ratio, 0.556);
    assert.equal(c.coverage_confidence, Math.round((0.35 + 0.65 * (2.5 / 4.5)) * 1000) / 1000);
    // rarity: 0.75·(3 + 7.5)/2.5 + 0.25·5 + 0.4·1 (two signatures of two) = 4.8
    assert.equal(c.conv_rarity, 4.8);
    assert.deepEqual(c.negative_flags, ['has-bug']);
    assert.equal(c.thinking_mode, 'mixed');
    assert.deepEqual(c.thinking_mode_counts, { slow: 1, fast: 2 });
    assert.deepEqual(c.slices.map((s) => s.turn_index), [1, 2, 3]);
  });

  it('shrinks a high conversation value by the mean judge confidence', () => {
    const c = aggregateConversation([
      slice({ turnIndex: 1, value: 9, quality: 9, confidence: 0.5 }),
      slice({ turnIndex: 2, value: 9, quality: 9, confidence: 0.5 }),
    ]);
    assert.equal(c.conv_value, 7.3); // 9 → 5.5 + 0.5·3.5 = 7.25
  });

  it('has no conversation scores when no reply is scored', () => {
    const c = aggregateConversation([slice({ turnIndex: 1 }), slice({ turnIndex: 2 })]);
    assert.equal(c.conv_value, null);
    assert.equal(c.conv_rarity, null);
    assert.equal(c.scored_turns, 0);
    assert.equal(c.observed_turn_ratio, 0);
  });

  it('uses the 10th percentile of quality for agentic conversations of 5+ scored replies', () => {
    assert.equal(qualityFloorFactor([2, 6, 6, 6, 6], false), 0.5);
    assert.equal(qualityFloorFactor([2, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6], true), 1);
    assert.equal(qualityFloorFactor([4, 4, 6, 6, 6], true), 0.8);
    assert.equal(qualityFloorFactor([], false), 1);
  });
});
