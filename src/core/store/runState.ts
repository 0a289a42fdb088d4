import { promises as fs } from 'node:fs';
import { writeFileAtomic } from '../util/atomicWrite';

/**
 * State of the last run over a dataset, written atomically next to the labels.
 * It is what a resumed run, the editor's status and (later) a Batch API poller read; the labels
 * themselves are the source of truth for what is done.
 */
export interface RunState {
  v: 1;
  runId: string;
  status: 'running' | 'done' | 'cancelled' | 'aborted' | 'failed';
  reason?: string;
  startedAt: string;
  updatedAt: string;
  labeler: 'llm' | 'heuristic';
  /** Endpoint origin only (never a key or a path with secrets). */
  endpoint?: string;
  model?: string;
  taxonomyHash: string;
  promptVersion: string;
  counts: { total: number; skipped: number; labeled: number; failed: number; partial: number };
  /** Provider Batch API jobs created for this dataset (filled by batch runs). */
  batchJobs?: { id: string; status: string; createdAt: string }[];
}

export async function readRunState(file: string): Promise<RunState | undefined> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as RunState;
  } catch {
    return undefined;
  }
}

export function writeRunState(file: string, state: RunState): Promise<void> {
  return writeFileAtomic(file, JSON.stringify(state, null, 2) + '\n');
}
