import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { scanLog, type LoggedRecord } from '../../../../src/core/store/scanLog';
import { useTmpDir } from '../../../helpers/tmp';

describe('core/store/scanLog', () => {
  const tmp = useTmpDir();

  it('streams complete records in order and skips what is not one', async () => {
    const file = path.join(tmp.dir, 'labels.jsonl');
    const long = 'ü'.repeat(700_000); // spans several 1 MiB chunks, with multi-byte characters at the edges
    writeFileSync(
      file,
      [
        JSON.stringify({ kind: 'label', sampleId: 'a' }),
        '{broken',
        'null',
        JSON.stringify({ kind: 'score', sampleId: 'a', note: long }),
        JSON.stringify({ sampleId: 'no-kind' }),
        '',
        JSON.stringify({ kind: 'review', sampleId: 'b' }),
      ].join('\n') + '\n' + '{"kind":"label","sampleId":"still-being-written"',
    );
    const seen: LoggedRecord[] = [];
    await scanLog(file, (r) => seen.push(r));
    assert.deepEqual(seen.map((r) => `${r.kind}:${r.sampleId}`), ['label:a', 'score:a', 'review:b']);
    assert.equal(seen[1]!.note, long);
  });

  it('treats a missing log as empty', async () => {
    let n = 0;
    await scanLog(path.join(tmp.dir, 'none.jsonl'), () => n++);
    assert.equal(n, 0);
  });

  it('resumes from the offset it returned, past complete lines only', async () => {
    const file = path.join(tmp.dir, 'grow.jsonl');
    const first = JSON.stringify({ kind: 'label', sampleId: 'é1' }) + '\n';
    const partial = '{"kind":"label","sampleId":"é2"';
    writeFileSync(file, first + partial);
    const ids: string[] = [];
    const end = await scanLog(file, (r) => ids.push(r.sampleId));
    assert.equal(end, Buffer.byteLength(first));
    writeFileSync(file, first + partial + '}\n');
    const end2 = await scanLog(file, (r) => ids.push(r.sampleId), { fromByte: end });
    assert.deepEqual(ids, ['é1', 'é2']);
    assert.equal(end2, Buffer.byteLength(first + partial + '}\n'));
  });
});
