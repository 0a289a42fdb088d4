// A queued run over one file: Pass 1, Pass 2, or Pass 1 then Pass 2 when labeling finished cleanly.
import { executeLabelRun, type RunDeps } from './labelRun';
import type { RunJob, RunOutcome } from './runJob';
import { executeScoreRun } from './scoreRun';

/** Runs the passes of `job` in order; a pass that does not finish (cancelled, aborted, failed) ends the run. Never throws. */
export async function executeRun(job: RunJob, signal: AbortSignal, deps: RunDeps): Promise<RunOutcome> {
  let outcome: RunOutcome = { file: job.file, pass: job.pass, status: 'done' };
  if (job.pass !== 'score') {
    const labeled = await executeLabelRun(job.label, signal, deps, job.pass === 'label+score');
    outcome = { ...labeled, pass: job.pass };
    if (job.pass === 'label' || labeled.status !== 'done' || signal.aborted) return outcome;
  }
  const scoring = await executeScoreRun(job.score, signal, deps);
  outcome.scoring = scoring;
  outcome.status = scoring.status;
  if (scoring.reason) outcome.reason = scoring.reason;
  else delete outcome.reason;
  return outcome;
}
