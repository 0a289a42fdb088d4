import assert from 'node:assert/strict';
import { RunQueue } from '../../../src/vscode/runs/runQueue';

/** A run that resolves when told to, or with 'aborted' as soon as its signal aborts. */
function controllable() {
  let finish!: (value: string) => void;
  const started: AbortSignal[] = [];
  const start = (signal: AbortSignal) => {
    started.push(signal);
    return new Promise<string>((resolve) => {
      finish = resolve;
      signal.addEventListener('abort', () => resolve('aborted'), { once: true });
    });
  };
  return { start, started, finish: (value: string) => finish(value) };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('vscode/runs/runQueue', () => {
  it('runs one file at a time, in order', async () => {
    const queue = new RunQueue<string>();
    const a = controllable();
    const b = controllable();
    const first = queue.enqueue('a', a.start);
    const second = queue.enqueue('b', b.start);
    assert.equal(queue.activeKey, 'a');
    assert.deepEqual(queue.waitingKeys, ['b']);
    assert.equal(b.started.length, 0, 'b started while a was running');
    a.finish('a done');
    assert.equal(await first.result, 'a done');
    await tick();
    assert.equal(queue.activeKey, 'b');
    b.finish('b done');
    assert.equal(await second.result, 'b done');
    await tick();
    assert.equal(queue.size, 0);
  });

  it('never queues a file twice; the second request shares the first one\'s result', async () => {
    const queue = new RunQueue<string>();
    const a = controllable();
    const first = queue.enqueue('a', a.start);
    const again = queue.enqueue('a', () => assert.fail('started twice'));
    assert.equal(first.accepted, true);
    assert.equal(again.accepted, false);
    a.finish('once');
    assert.equal(await again.result, 'once');
  });

  it('cancels the running run through its signal and drops the waiting ones', async () => {
    const queue = new RunQueue<string>();
    const a = controllable();
    const running = queue.enqueue('a', a.start);
    const waiting = queue.enqueue('b', () => assert.fail('a cancelled run started'));
    assert.equal(queue.cancel(), 2);
    assert.equal(a.started[0]?.aborted, true);
    assert.equal(await running.result, 'aborted');
    assert.equal(await waiting.result, undefined);
    await tick();
    assert.equal(queue.size, 0);
    assert.equal(queue.cancel(), 0);
  });

  it('cancels one file only when asked to', async () => {
    const queue = new RunQueue<string>();
    const a = controllable();
    const b = controllable();
    queue.enqueue('a', a.start);
    const second = queue.enqueue('b', b.start);
    assert.equal(queue.cancel('b'), 1);
    assert.equal(await second.result, undefined);
    assert.equal(a.started[0]?.aborted, false);
    assert.equal(queue.isBusy('a'), true);
    assert.equal(queue.isBusy('b'), false);
  });

  it('goes on with the next run after one fails, and reports the failure to its caller', async () => {
    const queue = new RunQueue<string>();
    const broken = queue.enqueue('a', () => {
      throw new Error('boom');
    });
    const next = queue.enqueue('b', async () => 'fine');
    await assert.rejects(broken.result, /boom/);
    assert.equal(await next.result, 'fine');
  });

  it('tells listeners about every change', async () => {
    const queue = new RunQueue<string>();
    let changes = 0;
    const stop = queue.onDidChange(() => changes++);
    const done = queue.enqueue('a', async () => 'x');
    await done.result;
    await tick();
    assert.ok(changes >= 2, `${changes} change events`);
    stop();
    const before = changes;
    await queue.enqueue('b', async () => 'y').result;
    await tick();
    assert.equal(changes, before);
  });
});
