import { strict as assert } from 'node:assert';
import { looksLikeCotMimicry, validateScoreAnswer } from '../../../../src/core/scoring/validate';

const full = () => ({
  complexity: { instruction: 4, analytical_depth: 5, implementation: 6, overall: 5 },
  quality: { correctness: 7, code_quality: 6, explanation: 6, completeness: 7, overall: 7 },
  reasoning: { clarity: 6, consistency: 6, self_correction: false, overall: 6 },
  flags: [] as unknown[],
  confidence: 0.8,
});

describe('core/scoring/validate', () => {
  it('accepts a well-formed answer as is', () => {
    const r = validateScoreAnswer(full());
    assert.ok(r.ok);
    assert.deepEqual(r.issues, []);
    assert.equal(r.judgement.complexity.overall, 5);
    assert.equal(r.judgement.reasoning.self_correction, false);
    assert.equal(r.judgement.confidence, 0.8);
  });

  it('replaces an overall more than 2 away from its sub-scores by their rounded mean, and derives a missing one', () => {
    const a = full();
    a.complexity.overall = 9; // mean 5 → 9 is 4 away
    (a.reasoning as Record<string, unknown>).overall = undefined; // mean of 6, 6
    const r = validateScoreAnswer(a);
    assert.ok(r.ok);
    assert.equal(r.judgement.complexity.overall, 5);
    assert.equal(r.judgement.reasoning.overall, 6);
    assert.match(r.issues.join('\n'), /complexity\.overall 9 replaced by the mean of its sub-scores 5/);
    assert.match(r.issues.join('\n'), /reasoning\.overall derived from its sub-scores: 6/);
    // exactly 2 away is tolerated
    const b = full();
    b.complexity.overall = 7;
    assert.equal((validateScoreAnswer(b) as { judgement: { complexity: { overall: number } } }).judgement.complexity.overall, 7);
  });

  it('keeps quality.overall at most correctness + 2', () => {
    const a = full();
    a.quality = { correctness: 3, code_quality: 7, explanation: 7, completeness: 7, overall: 7 };
    const r = validateScoreAnswer(a);
    assert.ok(r.ok);
    assert.equal(r.judgement.quality.overall, 5);
  });

  it('drops sub-scores that are not numbers in 1–10 (rounding first) with an issue each', () => {
    const a = full() as unknown as Record<string, Record<string, unknown>>;
    a.complexity = { instruction: '7', analytical_depth: 0.2, implementation: 11, overall: 6.6 };
    const r = validateScoreAnswer(a);
    assert.ok(r.ok);
    assert.deepEqual(r.judgement.complexity, { instruction: 7, analytical_depth: null, implementation: null, overall: 7 });
    assert.equal(r.issues.filter((i) => i.startsWith('complexity.')).length, 2);
  });

  it('refuses an answer with fewer than two usable dimensions instead of filling in defaults', () => {
    const r = validateScoreAnswer({ complexity: { overall: 5 }, quality: 'great', reasoning: { clarity: 'n/a' }, confidence: 0.9 });
    assert.equal(r.ok, false);
    assert.match((r as { error: string }).error, /Only 1 of complexity, quality and reasoning/);
    assert.equal(validateScoreAnswer({}).ok, false);
  });

  it('keeps known flags (normalised, once) and sets unknown ones aside', () => {
    const a = full();
    a.flags = ['Has_Bug', 'has-bug', 'super-polished', 3, 'incomplete'];
    const r = validateScoreAnswer(a);
    assert.ok(r.ok);
    assert.deepEqual(r.judgement.flags, ['has-bug', 'incomplete']);
    assert.deepEqual(r.judgement.unknown_flags, ['super-polished']);
  });

  it('uses 0.5 with an issue when the confidence is not a number in 0–1, and checks self_correction is a boolean', () => {
    const a = full() as Record<string, unknown>;
    a.confidence = 7;
    (a.reasoning as Record<string, unknown>).self_correction = 'yes';
    const r = validateScoreAnswer(a);
    assert.ok(r.ok);
    assert.equal(r.judgement.confidence, 0.5);
    assert.equal(r.judgement.reasoning.self_correction, null);
    assert.equal(r.issues.length, 2);
  });

  it('recognises answers that imitate a reasoning block', () => {
    assert.ok(looksLikeCotMimicry('```COT\nlet me think'));
    assert.ok(looksLikeCotMimicry(' [COT] ...'));
    assert.ok(looksLikeCotMimicry('«cot» x'));
    assert.ok(!looksLikeCotMimicry('{"complexity": {}}'));
  });
});
