import { strict as assert } from 'node:assert';
import { AdaptiveLimiter, type ConcurrencyChange } from '../../../../src/core/llm/limiter';
import { AbortedError } from '../../../../src/core/util/abort';

const tick = (ms = 5) => new Promise((resolve) => setTimeout(resolve, ms));

describe('core/llm/limiter', () => {
  it('runs at most `current` tasks at once', async () => {
    const limiter = new AdaptiveLimiter(3);
    let active = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 10 }, () =>
        limiter.run(async () => {
          peak = Math.max(peak, ++active);
          await tick();
          active--;
        }),
      ),
    );
    assert.equal(peak, 3);
  });

  it('halves on overload down to 1, once per epoch', () => {
    const changes: ConcurrencyChange[] = [];
    const limiter = new AdaptiveLimiter(8, (c) => changes.push(c));
    const stale = { epoch: 0 };
    assert.equal(limiter.recordOverload({ epoch: 0 }), true);
    assert.equal(limiter.current, 4);
    assert.equal(limiter.recordOverload(stale), false, 'a task started before the cut must not cut again');
    assert.equal(limiter.current, 4);
    limiter.recordOverload({ epoch: 1 });
    limiter.recordOverload({ epoch: 2 });
    assert.equal(limiter.current, 1);
    assert.equal(limiter.recordOverload({ epoch: 3 }), false);
    assert.equal(limiter.current, 1);
    assert.deepEqual(changes.map((c) => c.concurrency), [4, 2, 1]);
  });

  it('climbs back one slot per `current` successes up to the max', () => {
    const limiter = new AdaptiveLimiter(4);
    limiter.recordOverload({ epoch: 0 });
    limiter.recordOverload({ epoch: 1 });
    assert.equal(limiter.current, 1);
    limiter.recordSuccess();
    assert.equal(limiter.current, 2);
    limiter.recordSuccess();
    assert.equal(limiter.current, 2);
    limiter.recordSuccess();
    assert.equal(limiter.current, 3);
    for (let i = 0; i < 10; i++) limiter.recordSuccess();
    assert.equal(limiter.current, 4);
  });

  it('an overload resets the success streak', () => {
    const limiter = new AdaptiveLimiter(8);
    limiter.recordOverload({ epoch: 0 });
    for (let i = 0; i < 3; i++) limiter.recordSuccess();
    limiter.recordOverload({ epoch: 99 });
    limiter.recordSuccess();
    assert.equal(limiter.current, 4);
  });

  it('pauses new starts for the Retry-After', async () => {
    const limiter = new AdaptiveLimiter(2);
    limiter.recordOverload({ epoch: 0 }, 150);
    const t0 = Date.now();
    await limiter.run(async () => undefined);
    assert.ok(Date.now() - t0 >= 140, `started after ${Date.now() - t0} ms`);
  });

  it('setMax changes the ceiling at runtime', async () => {
    const limiter = new AdaptiveLimiter(2);
    limiter.setMax(5);
    assert.deepEqual([limiter.current, limiter.max], [5, 5]);
    limiter.setMax(1);
    assert.deepEqual([limiter.current, limiter.max], [1, 1]);
    assert.throws(() => limiter.setMax(0), /whole number/);
  });

  it('reports in-flight and pending counts', async () => {
    const limiter = new AdaptiveLimiter(1);
    let release!: () => void;
    const first = limiter.run(() => new Promise<void>((r) => (release = r)));
    const second = limiter.run(async () => undefined);
    await tick();
    assert.deepEqual(limiter.snapshot(), { current: 1, max: 1, inFlight: 1, pending: 1 });
    release();
    await Promise.all([first, second]);
    assert.deepEqual(limiter.snapshot(), { current: 1, max: 1, inFlight: 0, pending: 0 });
  });

  it('rejects a queued task at once on abort and never runs it', async () => {
    const limiter = new AdaptiveLimiter(1);
    let release!: () => void;
    const first = limiter.run(() => new Promise<void>((r) => (release = r)));
    const controller = new AbortController();
    let ran = false;
    const queued = limiter.run(async () => {
      ran = true;
    }, controller.signal);
    controller.abort();
    await assert.rejects(queued, AbortedError);
    release();
    await first;
    await tick();
    assert.equal(ran, false);
  });

  it('rejects at once during a pause when aborted', async () => {
    const limiter = new AdaptiveLimiter(1);
    limiter.recordOverload({ epoch: 0 }, 30_000);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const t0 = Date.now();
    await assert.rejects(limiter.run(async () => undefined, controller.signal), AbortedError);
    assert.ok(Date.now() - t0 < 500);
  });
});
