import { strict as assert } from 'node:assert';
import type { RunProgress } from '../../../../src/core/run/progress';
import { labeledAfterRun, runProgressMessage, runStatusText, runSummary } from '../../../../src/core/views/progressText';

function progress(over: Partial<RunProgress> = {}): RunProgress {
  return {
    file: '/d/data.jsonl', phase: 'labeling', total: 1500, skipped: 200, done: 120, failed: 3, partial: 1, pending: 1300,
    samplesPerSecond: 12.34, elapsedSeconds: 9.7, etaSeconds: 95, ...over,
  };
}

describe('core/views/progressText', () => {
  it('reads as one line in the notification', () => {
    assert.equal(runProgressMessage(progress()), '120/1,300 · 12.3 samples/s · 3 failed · 200 already labeled · about 1 min 35 s left');
    assert.equal(runProgressMessage(progress({ phase: 'indexing' })), 'Counting samples…');
    assert.equal(runProgressMessage(progress({ samplesPerSecond: 0, failed: 0, skipped: 0, etaSeconds: undefined })), '120/1,300');
  });

  it('stays short in the status bar', () => {
    assert.equal(runStatusText(progress()), '120/1,300 · 12.3/s · 3 failed');
    assert.equal(runStatusText(progress({ samplesPerSecond: 250 })), '120/1,300 · 250/s · 3 failed');
  });

  it('sums a run up', () => {
    assert.equal(runSummary(progress({ phase: 'done' })), '116 labeled, 1 partial, 3 failed, 200 already labeled (1,500 samples, 9.7 s)');
    assert.equal(labeledAfterRun(progress()), 316);
  });
});
