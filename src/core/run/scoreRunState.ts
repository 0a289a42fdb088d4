import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { StatsRef } from '../model/records';
import { writeFileAtomic } from '../util/atomicWrite';

/**
 * State of the last Pass 2 run over a dataset, beside the labels' `run.json` (which stays the Pass 1 state):
 * what the editor shows for "scoring", and what a resumed run reports. The score records are the truth.
 */
export interface ScoreRunState {
  v: 1;
  runId: string;
  status: 'running' | 'done' | 'cancelled' | 'aborted' | 'failed';
  reason?: string;
  startedAt: string;
  updatedAt: string;
  /** Endpoint origin only (never a key). */
  endpoint: string;
  model: string;
  promptVersion: string;
  baseline: StatsRef;
  counts: { total: number; skipped: number; scored: number; failed: number; unlabeled: number };
}

export const SCORE_RUN_FILE = 'score-run.json';

export function scoreRunStatePath(sidecarDir: string): string {
  return path.join(sidecarDir, SCORE_RUN_FILE);
}

export async function readScoreRunState(sidecarDir: string): Promise<ScoreRunState | undefined> {
  try {
    return JSON.parse(await fs.readFile(scoreRunStatePath(sidecarDir), 'utf8')) as ScoreRunState;
  } catch {
    return undefined;
  }
}

export function writeScoreRunState(sidecarDir: string, state: ScoreRunState): Promise<void> {
  return writeFileAtomic(scoreRunStatePath(sidecarDir), JSON.stringify(state, null, 2) + '\n');
}
