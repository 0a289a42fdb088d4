import assert from 'node:assert/strict';
import type { RunProgress } from '../../../src/core/run/progress';
import { scoredAfterRun, scoreProgressMessage, scoreStatusText, scoreSummary } from '../../../src/vscode/runs/scoreProgressText';

function progress(overrides: Partial<RunProgress>): RunProgress {
  return { file: 'd.jsonl', phase: 'scoring', pass: 'score', total: 10, skipped: 0, done: 0, failed: 0, partial: 0, pending: 10, samplesPerSecond: 0, elapsedSeconds: 0, ...overrides };
}

describe('score progress text', () => {
  it('says what is counted before scoring starts', () => {
    assert.match(scoreProgressMessage(progress({ phase: 'indexing' })), /^Counting labeled samples/);
    assert.equal(scoreStatusText(progress({ phase: 'indexing' })), 'scoring: counting samples');
  });

  it('reads done/pending, rate, failures, skipped and ETA while scoring', () => {
    const p = progress({ done: 4, pending: 8, skipped: 2, failed: 1, samplesPerSecond: 3.25, etaSeconds: 9 });
    assert.equal(scoreProgressMessage(p), '4/8 scored · 3.3 samples/s · 1 failed · 2 already scored · about 9.0 s left');
    assert.equal(scoreStatusText(p), 'scoring 4/8 · 3.3/s · 1 failed');
  });

  it('leaves out the ETA once every pending sample is done', () => {
    assert.equal(scoreProgressMessage(progress({ done: 8, pending: 8, etaSeconds: 0 })), '8/8 scored');
  });

  it('sums up a run, counting samples without labels', () => {
    const p = progress({ total: 10, skipped: 2, done: 5, failed: 1, elapsedSeconds: 4.1 });
    assert.equal(scoredAfterRun(p), 6);
    assert.equal(scoreSummary(p, 3), '4 scored, 1 failed, 2 already scored, 3 without labels (10 samples, 4.1 s)');
    assert.equal(scoreSummary(progress({ done: 10, elapsedSeconds: 1 }), 0), '10 scored, 0 failed (10 samples, 1.0 s)');
  });
});
