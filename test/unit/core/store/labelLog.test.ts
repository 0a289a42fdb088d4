import { strict as assert } from 'node:assert';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { LabelLog } from '../../../../src/core/store/labelLog';
import type { LabelRecord } from '../../../../src/core/model/records';
import { emptyLabelSet } from '../../../../src/core/model/labels';
import { useTmpDir } from '../../../helpers/tmp';

export function fakeRecord(sampleId: string, over: Partial<LabelRecord> = {}): LabelRecord {
  return {
    kind: 'label',
    v: 1,
    sampleId,
    taxonomyHash: 't1',
    promptVersion: 'p1',
    labeler: 'llm',
    status: 'success',
    labels: { ...emptyLabelSet(), intent: 'build' },
    monitor: {
      llm_calls: 2, attempts: 2, prompt_tokens: 10, completion_tokens: 5, elapsed_ms: 3, latency_ms: 3,
      arbitrated: false, low_confidence_dims: [], validation_issues: [], consistency_warnings: [], errors: [],
    },
    locator: { rowIndex: 0, line: 1, turnIndex: 1, totalTurns: 1, displayId: 'x_t1', format: 'sharegpt' },
    runId: 'r',
    at: '2026-01-01T00:00:00Z',
    ...over,
  };
}

describe('core/store/labelLog', () => {
  const tmp = useTmpDir();

  it('persists appended records and reads them back after reopening', async () => {
    const file = path.join(tmp.dir, 'labels.jsonl');
    const log = await LabelLog.open(file);
    await log.append([fakeRecord('a'), fakeRecord('b', { status: 'failed' })]);
    await log.close();
    const again = await LabelLog.open(file);
    assert.equal(again.count, 2);
    assert.equal((await again.get('a'))?.labels?.intent, 'build');
    assert.equal(again.entry('b')?.status, 'failed');
    await again.close();
  });

  it('the newest record of a sample wins', async () => {
    const file = path.join(tmp.dir, 'labels.jsonl');
    const log = await LabelLog.open(file);
    await log.append([fakeRecord('a', { status: 'failed' })]);
    await log.append([fakeRecord('a', { labels: { ...emptyLabelSet(), intent: 'debug' } })]);
    assert.equal((await log.get('a'))?.labels?.intent, 'debug');
    await log.close();
    const again = await LabelLog.open(file);
    assert.equal(again.count, 1);
    assert.equal((await again.get('a'))?.labels?.intent, 'debug');
    const all = [];
    for await (const r of again.records()) all.push(r.sampleId);
    assert.deepEqual(all, ['a']);
    await again.close();
  });

  it('cuts off a torn last line left by a crash and keeps every complete record', async () => {
    const file = path.join(tmp.dir, 'labels.jsonl');
    writeFileSync(file, JSON.stringify(fakeRecord('a')) + '\n' + JSON.stringify(fakeRecord('b')).slice(0, 40));
    const log = await LabelLog.open(file);
    assert.equal(log.repairedTail, true);
    assert.equal(log.count, 1);
    await log.append([fakeRecord('c')]);
    await log.close();
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    assert.equal(lines.length, 2);
    for (const l of lines) JSON.parse(l);
  });

  it('reports corrupt complete lines without failing', async () => {
    const file = path.join(tmp.dir, 'labels.jsonl');
    writeFileSync(file, JSON.stringify(fakeRecord('a')) + '\n');
    appendFileSync(file, '{not json}\n' + JSON.stringify(fakeRecord('b')) + '\n');
    const log = await LabelLog.open(file);
    assert.deepEqual(log.corruptLines, [2]);
    assert.equal(log.count, 2);
    assert.equal((await log.get('b'))?.sampleId, 'b');
    await log.close();
  });

  it('keeps byte offsets right with multi-byte text', async () => {
    const file = path.join(tmp.dir, 'labels.jsonl');
    const log = await LabelLog.open(file);
    await log.append([fakeRecord('ü', { model: '模型' }), fakeRecord('z')]);
    await log.close();
    const again = await LabelLog.open(file);
    assert.equal((await again.get('ü'))?.model, '模型');
    assert.equal((await again.get('z'))?.sampleId, 'z');
    await again.close();
  });

  it('read-only: never truncates a writer\'s unfinished line, and refresh picks up what was appended', async () => {
    const file = path.join(tmp.dir, 'labels.jsonl');
    const full = JSON.stringify(fakeRecord('b'));
    writeFileSync(file, JSON.stringify(fakeRecord('a')) + '\n' + full.slice(0, 30));
    const reader = await LabelLog.openReadOnly(file);
    assert.equal(reader.count, 1);
    assert.equal(readFileSync(file, 'utf8').length, JSON.stringify(fakeRecord('a')).length + 1 + 30, 'file untouched');
    appendFileSync(file, full.slice(30) + '\n' + JSON.stringify(fakeRecord('c')) + '\n');
    assert.equal(await reader.refresh(), 2);
    assert.equal((await reader.get('b'))?.sampleId, 'b');
    assert.equal((await reader.get('c'))?.sampleId, 'c');
    await assert.rejects(reader.append([fakeRecord('d')]), /read-only/);
    await reader.close();
  });

  it('read-only open of a missing log is empty, and sees the log once it exists', async () => {
    const file = path.join(tmp.dir, 'none', 'labels.jsonl');
    const reader = await LabelLog.openReadOnly(file);
    assert.equal(reader.count, 0);
    const writer = await LabelLog.open(file);
    await writer.append([fakeRecord('a')]);
    await writer.close();
    assert.equal(await reader.refresh(), 1);
    await reader.close();
  });
});
