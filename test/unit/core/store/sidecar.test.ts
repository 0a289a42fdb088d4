import { strict as assert } from 'node:assert';
import { existsSync, writeFileSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Sidecar } from '../../../../src/core/store/sidecar';
import { SidecarBusyError } from '../../../../src/core/store/lock';
import { sidecarPaths } from '../../../../src/core/store/paths';
import { useTmpDir } from '../../../helpers/tmp';
import { fakeRecord } from './labelLog.test';

describe('core/store/sidecar', () => {
  const tmp = useTmpDir();

  it('lives in a hidden folder beside the dataset and never touches the dataset', async () => {
    const data = path.join(tmp.dir, 'data.jsonl');
    writeFileSync(data, '{"messages":[]}\n');
    const s = await Sidecar.openForWrite(data);
    await s.log.append([fakeRecord('a')]);
    await s.close();
    assert.equal(sidecarPaths(data).labels, path.join(tmp.dir, '.sft-labels', 'data.jsonl', 'labels.jsonl'));
    assert.ok(existsSync(sidecarPaths(data).labels));
    assert.equal(readFileSync(data, 'utf8'), '{"messages":[]}\n');
  });

  it('is current only for a successful label with the same taxonomy, prompts and labeler', async () => {
    const data = path.join(tmp.dir, 'd.json');
    const s = await Sidecar.openForWrite(data);
    await s.log.append([fakeRecord('ok'), fakeRecord('bad', { status: 'failed' }), fakeRecord('heur', { labeler: 'heuristic' })]);
    const key = { taxonomyHash: 't1', promptVersion: 'p1', labeler: 'llm' as const };
    assert.equal(s.isCurrent('ok', key), true);
    assert.equal(s.isCurrent('ok', { ...key, taxonomyHash: 't2' }), false);
    assert.equal(s.isCurrent('ok', { ...key, promptVersion: 'p2' }), false);
    assert.equal(s.isCurrent('bad', key), false);
    assert.equal(s.isCurrent('heur', key), false);
    assert.equal(s.isCurrent('missing', key), false);
    await s.close();
  });

  it('refuses a second writer while the first is alive, and takes over a dead one', async () => {
    const data = path.join(tmp.dir, 'd.json');
    const first = await Sidecar.openForWrite(data);
    await assert.rejects(Sidecar.openForWrite(data), SidecarBusyError);
    await first.close();
    // A lock left behind by a killed process (pid that does not exist) is taken over.
    writeFileSync(sidecarPaths(data).lock, '999999999');
    const second = await Sidecar.openForWrite(data);
    await second.close();
    assert.equal(existsSync(sidecarPaths(data).lock), false);
  });
});
