import { strict as assert } from 'node:assert';
import { appendFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { LocatorIndex, lookupKeyOf, placeKeysOf } from '../../../../src/core/store/locatorIndex';
import { useTmpDir } from '../../../helpers/tmp';

function line(sampleId: string, locator: Record<string, unknown>, kind = 'label'): string {
  return `${JSON.stringify({ kind, sampleId, locator })}\n`;
}

describe('core/store/locatorIndex', () => {
  const tmp = useTmpDir();

  it('keys places by row id when there is one, else by row position', () => {
    assert.deepEqual(placeKeysOf({ rowIndex: 3, turnIndex: 2 }), ['row:3#2']);
    assert.deepEqual(placeKeysOf({ rowIndex: 3, turnIndex: 2, rowId: 'a' }), ['id:a#2', 'row:3#2']);
    assert.equal(lookupKeyOf({ rowIndex: 3, turnIndex: 2, rowId: 'a' }), 'id:a#2');
    assert.equal(lookupKeyOf({ rowIndex: 3, turnIndex: 2 }), 'row:3#2');
  });

  it('maps each place to its newest sample, skipping other kinds, corrupt and unfinished lines', async () => {
    const file = path.join(tmp.dir, 'labels.jsonl');
    writeFileSync(
      file,
      line('s-old', { rowIndex: 0, turnIndex: 1 }) +
        line('s-new', { rowIndex: 0, turnIndex: 1 }) +
        line('s-score', { rowIndex: 1, turnIndex: 1 }, 'score') +
        '{not json\n' +
        line('s-id', { rowIndex: 2, turnIndex: 1, rowId: 'r2' }) +
        '{"kind":"label","sampleId":"s-torn"',
    );
    const index = await LocatorIndex.open(file);
    assert.equal(index.sampleIdAt({ rowIndex: 0, turnIndex: 1 }), 's-new');
    assert.equal(index.sampleIdAt({ rowIndex: 1, turnIndex: 1 }), undefined);
    assert.equal(index.sampleIdAt({ rowIndex: 9, turnIndex: 1, rowId: 'r2' }), 's-id');
    assert.equal(index.sampleIdAt({ rowIndex: 2, turnIndex: 1 }), 's-id');

    // The torn line completes, and more is appended: refresh indexes exactly the new lines.
    appendFileSync(file, `,"locator":{"rowIndex":5,"turnIndex":1}}\n${line('s-six', { rowIndex: 6, turnIndex: 2 })}`);
    assert.equal(await index.refresh(), 2);
    assert.equal(index.sampleIdAt({ rowIndex: 5, turnIndex: 1 }), 's-torn');
    assert.equal(index.sampleIdAt({ rowIndex: 6, turnIndex: 2 }), 's-six');
    assert.equal(await index.refresh(), 0);
  });

  it('treats a missing log as empty and starts over when the log is replaced by a shorter one', async () => {
    const file = path.join(tmp.dir, 'labels.jsonl');
    const index = await LocatorIndex.open(file);
    assert.equal(index.places, 0);
    writeFileSync(file, line('a', { rowIndex: 0, turnIndex: 1 }) + line('b', { rowIndex: 1, turnIndex: 1 }));
    assert.equal(await index.refresh(), 2);
    writeFileSync(file, line('c', { rowIndex: 3, turnIndex: 1 }));
    await index.refresh();
    assert.equal(index.sampleIdAt({ rowIndex: 0, turnIndex: 1 }), undefined);
    assert.equal(index.sampleIdAt({ rowIndex: 3, turnIndex: 1 }), 'c');
  });
});
