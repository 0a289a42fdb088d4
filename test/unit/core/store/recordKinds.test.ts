import { strict as assert } from 'node:assert';
import { appendFileSync } from 'node:fs';
import * as path from 'node:path';
import type { ScoreRecord } from '../../../../src/core/model/records';
import { LabelLog } from '../../../../src/core/store/labelLog';
import { Sidecar } from '../../../../src/core/store/sidecar';
import { useTmpDir } from '../../../helpers/tmp';
import { fakeRecord } from './labelLog.test';

function scoreRecord(sampleId: string, over: Partial<ScoreRecord> = {}): ScoreRecord {
  return {
    kind: 'score',
    v: 1,
    sampleId,
    labelsFingerprint: 'fp1',
    labelsOrigin: 'sidecar',
    promptVersion: 'pass2-v1',
    status: 'success',
    thinkingMode: 'fast',
    monitor: { llm_calls: 1, attempts: 1, prompt_tokens: 1, completion_tokens: 1, elapsed_ms: 1, latency_ms: 1, validation_issues: [], errors: [], truncated: false, prompt_bytes: 10, budget_chars: 14_000 },
    locator: { rowIndex: 0, line: 1, turnIndex: 1, totalTurns: 1, displayId: 'x_t1', format: 'sharegpt' },
    runId: 'r',
    at: '2026-01-01T00:00:00Z',
    ...over,
  };
}

describe('core/store record kinds', () => {
  const tmp = useTmpDir();

  it('keeps the newest record per kind per sample: a score never hides the label, and vice versa', async () => {
    const file = path.join(tmp.dir, 'labels.jsonl');
    const log = await LabelLog.open(file);
    await log.append([fakeRecord('a'), scoreRecord('a', { status: 'failed' })]);
    await log.append([scoreRecord('a', { labelsFingerprint: 'fp2' }), fakeRecord('b')]);
    assert.equal(log.count, 2, 'label count is unchanged by score records');
    assert.equal(log.countOf('score'), 1);
    assert.equal((await log.get('a'))?.kind, 'label');
    assert.equal((await log.getOf('score', 'a'))?.labelsFingerprint, 'fp2');
    assert.equal(log.entryOf('score', 'a')?.status, 'success');
    assert.equal(log.entryOf('score', 'b'), undefined);
    await log.close();

    const again = await LabelLog.open(file);
    const entry = again.entryOf('score', 'a');
    assert.deepEqual([entry?.status, entry?.promptVersion, entry?.labelsFingerprint], ['success', 'pass2-v1', 'fp2']);
    assert.equal((await again.getOf('label', 'a'))?.labels?.intent, 'build');
    const scores = [];
    for await (const r of again.recordsOf('score')) scores.push(r.labelsFingerprint);
    assert.deepEqual(scores, ['fp2']);
    const labels = [];
    for await (const r of again.records()) labels.push(r.sampleId);
    assert.deepEqual(labels, ['a', 'b']);
    await again.close();
  });

  it('indexes kinds it does not know (room for review records) and skips lines that are not records', async () => {
    const file = path.join(tmp.dir, 'labels.jsonl');
    const log = await LabelLog.open(file);
    await log.append([{ kind: 'review', sampleId: 'a', status: 'accepted', promptVersion: 'human' }]);
    await log.close();
    appendFileSync(file, 'null\n42\n{"kind":"score"}\n');
    const again = await LabelLog.open(file);
    assert.equal(again.entryOf('review', 'a')?.status, 'accepted');
    assert.equal(again.countOf('score'), 0);
    assert.deepEqual(again.corruptLines, []);
    await again.close();
  });

  it('the sidecar reads any kind through getOf', async () => {
    const data = path.join(tmp.dir, 'd.jsonl');
    const s = await Sidecar.openForWrite(data);
    await s.log.append([fakeRecord('x'), scoreRecord('x')]);
    assert.equal((await s.getOf('score', 'x'))?.kind, 'score');
    assert.equal((await s.getOf('label', 'x'))?.kind, 'label');
    await s.close();
    const reader = await Sidecar.openForRead(data);
    assert.equal((await reader.getOf('score', 'x'))?.status, 'success');
    await reader.close();
  });
});
