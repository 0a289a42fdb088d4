import assert from 'node:assert/strict';
import { toAbortSignal, type CancellationTokenLike } from '../../../src/vscode/util/toAbortSignal';

/** A token whose cancellation the test triggers; counts live listeners. */
function fakeToken(cancelled = false) {
  const listeners = new Set<() => void>();
  const token: CancellationTokenLike & { cancel(): void; listeners: Set<() => void> } = {
    isCancellationRequested: cancelled,
    onCancellationRequested: ((listener: () => void) => {
      listeners.add(listener);
      return { dispose: () => listeners.delete(listener) };
    }) as CancellationTokenLike['onCancellationRequested'],
    cancel() {
      this.isCancellationRequested = true;
      for (const l of [...listeners]) l();
    },
    listeners,
  };
  return token;
}

describe('vscode/util/toAbortSignal', () => {
  it('aborts when the token is cancelled, and lets go of the token', () => {
    const token = fakeToken();
    const signal = toAbortSignal(token);
    assert.equal(signal.aborted, false);
    assert.equal(token.listeners.size, 1);
    token.cancel();
    assert.equal(signal.aborted, true);
    assert.equal(token.listeners.size, 0);
  });

  it('is aborted from the start for a token already cancelled', () => {
    const token = fakeToken(true);
    assert.equal(toAbortSignal(token).aborted, true);
    assert.equal(token.listeners.size, 0);
  });
});
