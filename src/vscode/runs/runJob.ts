// What the run manager queues: which passes to run over one file, and how each run ended.
import type { LlmClient } from '../../core/llm/types';
import type { RunProgress } from '../../core/run/progress';
import type { ScoreFileResult } from '../../core/run/scoreFile';
import type { LabelJob, LabelRunOutcome } from './labelRun';

/** The passes of one run: Pass 1 labeling, Pass 2 scoring, or both chained over the same file. */
export type RunPass = 'label' | 'score' | 'label+score';

/** Everything a Pass 2 run needs, decided before it is queued. */
export interface ScoreJob {
  file: string;
  client: LlmClient;
  /** `test-model at http://127.0.0.1:4000`, for the log and the status bar. */
  scorerName: string;
  /** Samples scored at once. */
  concurrency: number;
}

/** One queued run. Scoring always needs an endpoint, so a job that scores carries its client. */
export type RunJob =
  | { pass: 'label'; file: string; label: LabelJob }
  | { pass: 'score'; file: string; score: ScoreJob }
  | { pass: 'label+score'; file: string; label: LabelJob; score: ScoreJob };

/** How the Pass 2 part of a run ended. */
export interface ScoreRunOutcome {
  /** `failed`: the run could not start or broke. */
  status: ScoreFileResult['status'] | 'failed';
  reason?: string;
  progress?: RunProgress;
  /** Samples in scope without usable labels (they were not scored). */
  unlabeled: number;
}

/**
 * How a run ended; what the label and score commands return. The top-level `status` is the run's as a
 * whole (the first pass that did not finish, else done); `progress` and `labeler` describe Pass 1 when it ran.
 */
export interface RunOutcome extends Omit<LabelRunOutcome, 'labeler'> {
  pass: RunPass;
  labeler?: LabelRunOutcome['labeler'];
  /** Pass 2, when the run reached it. */
  scoring?: ScoreRunOutcome;
}
