import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { Sidecar } from '../../../../src/core/store/sidecar';
import { FileLabels } from '../../../../src/core/views/fileLabels';
import { useTmpDir } from '../../../helpers/tmp';
import { record } from './fixtures';

describe('core/views/fileLabels', () => {
  const tmp = useTmpDir();

  it('reads labels by content and by place, and catches up with a writer', async () => {
    const data = path.join(tmp.dir, 'data.jsonl');
    const labels = await FileLabels.open(data);
    assert.equal(labels.count, 0, 'a dataset never labeled has no labels');
    assert.equal(await labels.get('a'), undefined);

    const writer = await Sidecar.openForWrite(data);
    try {
      await writer.log.append([record('a'), record('b', { locator: { ...record('b').locator, rowIndex: 1, rowId: 'r1' } })]);
      assert.equal(labels.count, 0, 'the reader saw records before refreshing');
      assert.equal(await labels.refresh(), true);
      assert.equal(labels.count, 2);
      assert.equal((await labels.get('a'))?.sampleId, 'a');
      assert.equal((await labels.previousAt({ rowIndex: 7, rowId: 'r1', turnIndex: 1 }))?.sampleId, 'b');
      assert.equal((await labels.previousAt({ rowIndex: 0, turnIndex: 1 }))?.sampleId, 'a');

      // A newer record for the same sample replaces the cached one after a refresh.
      await writer.log.append([record('a', { status: 'failed' })]);
      assert.equal((await labels.get('a'))?.status, 'success');
      assert.equal(await labels.refresh(), true);
      assert.equal((await labels.get('a'))?.status, 'failed');
      assert.equal(await labels.refresh(), false);
    } finally {
      await writer.close();
      await labels.close();
    }
  });
});
