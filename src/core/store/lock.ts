import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/** Another process is writing this dataset's labels right now. */
export class SidecarBusyError extends Error {
  override readonly name = 'SidecarBusyError';
  constructor(readonly datasetFile: string, readonly pid: number) {
    super(`${datasetFile} is being labeled by another process (pid ${pid}); wait for it or stop it first.`);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Locks held by this process: a second writer in the same process is refused too. */
const heldHere = new Set<string>();

/**
 * One writer per sidecar at a time, across processes (the CLI and the editor may both run).
 * The lock file holds the owner's pid; a lock left by a killed process is taken over.
 */
export async function acquireLock(lockFile: string, datasetFile: string): Promise<() => Promise<void>> {
  await fs.mkdir(path.dirname(lockFile), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const h = await fs.open(lockFile, 'wx');
      await h.writeFile(String(process.pid));
      await h.close();
      heldHere.add(lockFile);
      return async () => {
        heldHere.delete(lockFile);
        await fs.rm(lockFile, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = Number.parseInt(await fs.readFile(lockFile, 'utf8').catch(() => ''), 10);
      const busy = owner === process.pid ? heldHere.has(lockFile) : Number.isFinite(owner) && isAlive(owner);
      if (busy) {
        throw new SidecarBusyError(datasetFile, owner);
      }
      await fs.rm(lockFile, { force: true });
    }
  }
  throw new Error(`Could not take the label lock ${lockFile}`);
}
