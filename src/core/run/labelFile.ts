import { readDataset } from '../dataset/read';
import { heuristicLabel } from '../labeling/heuristic';
import { labelSample } from '../labeling/pass1';
import { PROMPT_VERSION, type LabelOptions, type LabelOutcome } from '../labeling/types';
import type { LlmClient } from '../llm/types';
import { LlmError } from '../llm/types';
import type { InputIssue, Sample } from '../model/conversation';
import type { LabelRecord, LabelerKind } from '../model/records';
import { Sidecar } from '../store/sidecar';
import type { RunState } from '../store/runState';
import type { Taxonomy } from '../taxonomy/types';
import { isAbortError } from '../util/abort';
import type { RunProgress } from './progress';
import { DEFAULT_FAILURE_ABORT, ProgressTracker, RunAbort, TaskPool, failureBrake, newRunId, type FailureAbort } from './runKit';

export type Labeler = { kind: 'llm'; client: LlmClient; options: LabelOptions } | { kind: 'heuristic' };

export interface LabelFileOptions {
  file: string;
  taxonomy: Taxonomy;
  labeler: Labeler;
  /** Samples labeled at the same time (each makes 2–4 calls in sequence). */
  concurrency: number;
  /** Only the first N samples of the file are considered. */
  limit?: number;
  /** Relabel samples even when they are current. */
  force?: boolean;
  signal?: AbortSignal;
  onProgress?: (p: RunProgress) => void;
  onIssue?: (issue: InputIssue) => void;
  onRecord?: (record: LabelRecord) => void;
  /** Stop (resumably) when at least `minSamples` finished and this share of them failed. */
  failureAbort?: FailureAbort;
}

export interface LabelFileResult {
  runId: string;
  status: 'done' | 'cancelled' | 'aborted';
  /** Why the run stopped early: an auth error, too many failures, or cancellation. */
  reason?: string;
  /** True when the run stopped because of an error that will not go away by retrying (auth). */
  fatal: boolean;
  progress: RunProgress;
  issues: number;
}

/**
 * Pass 1 over one dataset file: stream it twice (count, then label), skip what is already current in
 * the sidecar, label the rest with bounded concurrency and persist each label the moment it exists.
 * A kill at any point loses at most the samples in flight; the next run picks up from the sidecar.
 */
export async function labelFile(opts: LabelFileOptions): Promise<LabelFileResult> {
  const runId = newRunId();
  const labelerKind: LabelerKind = opts.labeler.kind;
  const key = { taxonomyHash: opts.taxonomy.hash, promptVersion: PROMPT_VERSION, labeler: labelerKind };
  const sidecar = await Sidecar.openForWrite(opts.file);
  const internal = new RunAbort(opts.signal);
  const tracker = new ProgressTracker(opts.file, opts.onProgress);
  const progress = tracker.progress;
  const emit = () => tracker.emit();

  let stopReason: string | undefined;
  let fatal = false;
  let issues = 0;
  const state: RunState = {
    v: 1,
    runId,
    status: 'running',
    startedAt: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
    labeler: labelerKind,
    endpoint: opts.labeler.kind === 'llm' ? opts.labeler.client.endpoint : undefined,
    model: opts.labeler.kind === 'llm' ? opts.labeler.client.model : undefined,
    taxonomyHash: key.taxonomyHash,
    promptVersion: PROMPT_VERSION,
    counts: { total: 0, skipped: 0, labeled: 0, failed: 0, partial: 0 },
  };

  const pool = new TaskPool(opts.concurrency);
  try {
    // Pass A: count, report input problems once, and decide what needs labeling.
    const seen = new Set<string>();
    for await (const item of readDataset(opts.file, { signal: internal.signal })) {
      for (const issue of item.issues) {
        issues++;
        opts.onIssue?.(issue);
      }
      for (const s of item.samples) {
        if (opts.limit !== undefined && progress.total >= opts.limit) break;
        if (seen.has(s.id)) continue;
        seen.add(s.id);
        progress.total++;
        if (!opts.force && sidecar.isCurrent(s.id, key)) progress.skipped++;
      }
    }
    progress.pending = progress.total - progress.skipped;
    progress.phase = 'labeling';
    await sidecar.writeRunState({ ...state, counts: countsOf(progress) });
    emit();

    // Pass B: label what is pending.
    const scheduled = new Set<string>();
    const failureAbort = opts.failureAbort ?? DEFAULT_FAILURE_ABORT;
    let considered = 0;

    const finish = async (sample: Sample, outcome: LabelOutcome) => {
      const record = toRecord(sample, outcome, key, runId);
      await sidecar.log.append([record]);
      tracker.tick();
      if (outcome.status === 'failed') progress.failed++;
      if (outcome.status === 'partial') progress.partial++;
      opts.onRecord?.(record);
      emit();
      const brake = stopReason ? undefined : failureBrake(progress, failureAbort);
      if (brake) {
        stopReason = brake;
        internal.abort();
      }
    };

    const labelOne = async (sample: Sample) => {
      try {
        if (opts.labeler.kind === 'heuristic') {
          await finish(sample, heuristicLabel(sample, opts.taxonomy));
          return;
        }
        const outcome = await labelSample(sample, {
          taxonomy: opts.taxonomy,
          llm: opts.labeler.client,
          options: opts.labeler.options,
          signal: internal.signal,
        });
        await finish(sample, outcome);
      } catch (err) {
        if (isAbortError(err) || internal.signal.aborted) return;
        if (err instanceof LlmError && err.fatal) {
          if (!stopReason) {
            stopReason = err.message;
            fatal = true;
          }
          internal.abort();
          return;
        }
        // A bug or an unexpected error on one sample must not take the run down: record it.
        await finish(sample, {
          labeler: labelerKind,
          status: 'failed',
          failure: { code: 'internal', message: err instanceof Error ? err.message : String(err) },
          monitor: emptyMonitorWithError(err),
        });
      }
    };

    outer: for await (const item of readDataset(opts.file, { signal: internal.signal })) {
      for (const s of item.samples) {
        if (internal.signal.aborted) break outer;
        if (opts.limit !== undefined && considered >= opts.limit) break outer;
        if (scheduled.has(s.id)) continue;
        scheduled.add(s.id);
        considered++;
        if (!opts.force && sidecar.isCurrent(s.id, key)) continue;
        await pool.add(() => labelOne(s));
      }
    }
    await pool.drain();
  } catch (err) {
    // Let the samples in flight settle (they stop within a second once aborted) before closing the log.
    internal.abort();
    await pool.settle();
    if (!isAbortError(err)) {
      await sidecar.writeRunState({ ...state, status: 'failed', reason: String(err), updatedAt: now(), counts: countsOf(progress) });
      await sidecar.close();
      internal.dispose();
      throw err;
    }
  }

  const cancelled = internal.signal.aborted && !stopReason;
  const status: LabelFileResult['status'] = stopReason ? 'aborted' : cancelled ? 'cancelled' : 'done';
  progress.phase = 'done';
  emit();
  await sidecar.writeRunState({
    ...state,
    status,
    reason: stopReason ?? (cancelled ? 'Cancelled by the user' : undefined),
    updatedAt: now(),
    counts: countsOf(progress),
  });
  await sidecar.close();
  internal.dispose();
  return { runId, status, reason: stopReason ?? (cancelled ? 'Cancelled' : undefined), fatal, progress: tracker.snapshot(), issues };
}

function now(): string {
  return new Date().toISOString();
}

function countsOf(p: RunProgress): RunState['counts'] {
  return { total: p.total, skipped: p.skipped, labeled: p.done - p.failed - p.partial, failed: p.failed, partial: p.partial };
}

function emptyMonitorWithError(err: unknown): LabelRecord['monitor'] {
  return {
    llm_calls: 0,
    attempts: 0,
    prompt_tokens: 0,
    completion_tokens: 0,
    elapsed_ms: 0,
    latency_ms: 0,
    arbitrated: false,
    low_confidence_dims: [],
    validation_issues: [],
    consistency_warnings: [],
    errors: [err instanceof Error ? err.message : String(err)],
  };
}

export function toRecord(
  sample: Sample,
  outcome: LabelOutcome,
  key: { taxonomyHash: string; promptVersion: string },
  runId: string,
): LabelRecord {
  return {
    kind: 'label',
    v: 1,
    sampleId: sample.id,
    taxonomyHash: key.taxonomyHash,
    promptVersion: key.promptVersion,
    labeler: outcome.labeler,
    model: outcome.model,
    status: outcome.status,
    labels: outcome.labels,
    failure: outcome.failure,
    monitor: outcome.monitor,
    locator: {
      rowIndex: sample.source.rowIndex,
      line: sample.source.line,
      rowId: sample.rowId,
      turnIndex: sample.turnIndex,
      totalTurns: sample.totalTurns,
      displayId: sample.displayId,
      format: sample.format,
    },
    runId,
    at: now(),
  };
}
