import { EXIT } from './args';

/** Run `body` with Ctrl+C/SIGTERM turned into a cancellation (a second Ctrl+C quits at once). */
export async function withInterrupts(body: (signal: AbortSignal) => Promise<number>): Promise<number> {
  const controller = new AbortController();
  let interrupts = 0;
  const onSigint = () => {
    interrupts++;
    if (interrupts > 1) process.exit(EXIT.resumable);
    console.error('\nStopping after the samples in flight (Ctrl+C again to quit now)...');
    controller.abort();
  };
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigint);
  try {
    return await body(controller.signal);
  } finally {
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigint);
  }
}
