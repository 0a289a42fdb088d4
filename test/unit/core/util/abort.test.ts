import { strict as assert } from 'node:assert';
import { sleep, AbortedError } from '../../../../src/core/util/abort';
import pLimit from 'p-limit';
import OpenAI from 'openai';

describe('core/util/abort', () => {
  it('sleep resolves after the delay', async () => {
    const t = Date.now();
    await sleep(30);
    assert.ok(Date.now() - t >= 25);
  });
  it('sleep rejects promptly when aborted', async () => {
    const ac = new AbortController();
    const t = Date.now();
    setTimeout(() => ac.abort(), 20);
    await assert.rejects(sleep(10_000, ac.signal), AbortedError);
    assert.ok(Date.now() - t < 500);
  });
  it('ESM-only dependencies load under the test runner', async () => {
    const limit = pLimit(2);
    assert.equal(await limit(async () => 7), 7);
    assert.equal(typeof OpenAI, 'function');
  });
});
