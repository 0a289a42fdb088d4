/** Cancellation helpers: the core only knows `AbortSignal`; editors and the CLI bridge their own tokens to it. */

export class AbortedError extends Error {
  override readonly name = 'AbortedError';
  constructor(message = 'Cancelled') {
    super(message);
  }
}

/** Cancellation in any of its shapes: ours, the platform's, the openai client's, or an aborted LLM call. */
export function isAbortError(err: unknown): boolean {
  if (err instanceof AbortedError) return true;
  const e = err as { name?: unknown; kind?: unknown } | null;
  return e?.name === 'AbortError' || e?.name === 'APIUserAbortError' || (e?.name === 'LlmError' && e.kind === 'aborted');
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AbortedError();
}

/** Sleep that ends early (rejecting with AbortedError) the moment `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new AbortedError());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, ms));
    const onAbort = () => {
      clearTimeout(timer);
      reject(new AbortedError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
