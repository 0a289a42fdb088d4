// The edge between VS Code's cancellation and the core's: a CancellationToken becomes an AbortSignal.
import type * as vscode from 'vscode';

/** The part of a CancellationToken the bridge needs (tests pass a plain object). */
export type CancellationTokenLike = Pick<vscode.CancellationToken, 'isCancellationRequested' | 'onCancellationRequested'>;

/**
 * An AbortSignal that aborts when `token` is cancelled (at once if it already is). The token's listener is
 * removed once the signal has fired, so a long-lived token does not keep it.
 */
export function toAbortSignal(token: CancellationTokenLike): AbortSignal {
  const controller = new AbortController();
  if (token.isCancellationRequested) {
    controller.abort();
    return controller.signal;
  }
  const listener = token.onCancellationRequested(() => {
    controller.abort();
    listener.dispose();
  });
  return controller.signal;
}
