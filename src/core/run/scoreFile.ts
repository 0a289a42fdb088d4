import { readDataset } from '../dataset/read';
import type { LlmClient } from '../llm/types';
import { LlmError } from '../llm/types';
import type { InputIssue, Sample } from '../model/conversation';
import type { ScoreRecord, StatsRef } from '../model/records';
import { BaselineCounter, loadBaselineFile, type BaselineSource, type RarityBaseline } from '../scoring/baseline';
import { isScoreCurrent, SampleStateReader, type SampleLabels } from '../scoring/labelSource';
import { scoreSample } from '../scoring/pass2';
import { normalizeAbsolute, percentileScoreOf, RarityModel } from '../scoring/rarity';
import {
  DEFAULT_RARITY_CONFIG, DEFAULT_VALUE_WEIGHTS, SCORING_PROMPT_VERSION, emptyScoreMonitor,
  type RarityConfig, type ScoreOptions, type ScoreOutcome, type ValueWeights,
} from '../scoring/types';
import { scoreNumbers, valueScore } from '../scoring/value';
import { Sidecar } from '../store/sidecar';
import { isAbortError } from '../util/abort';
import type { RunProgress } from './progress';
import { DEFAULT_FAILURE_ABORT, ProgressTracker, RunAbort, TaskPool, failureBrake, newRunId, type FailureAbort } from './runKit';
import { writeScoreRunState, type ScoreRunState } from './scoreRunState';

export interface ScoreFileOptions {
  file: string;
  client: LlmClient;
  options: ScoreOptions;
  /** Samples scored at the same time (one call each, plus answer retries). */
  concurrency: number;
  /** Only the first N samples of the file are considered. */
  limit?: number;
  /** Rescore samples whose score is current. */
  force?: boolean;
  /** Default: the dataset's own Pass 1 labels. */
  baseline?: BaselineSource;
  rarity?: RarityConfig;
  weights?: ValueWeights;
  signal?: AbortSignal;
  onProgress?: (p: RunProgress) => void;
  onIssue?: (issue: InputIssue) => void;
  onRecord?: (record: ScoreRecord) => void;
  failureAbort?: FailureAbort;
}

export interface ScoreFileResult {
  runId: string;
  status: 'done' | 'cancelled' | 'aborted';
  reason?: string;
  /** True when the run stopped because of an error retrying cannot fix (auth). */
  fatal: boolean;
  progress: RunProgress;
  /** Samples in scope without usable labels (never labeled, failed, partial): run Pass 1 first. */
  unlabeled: number;
  issues: number;
  baseline: StatsRef;
}

/**
 * Pass 2 over one dataset file. Pass A streams the file once to count, find what needs scoring (labeled, and
 * not already scored from the same labels with the same prompt) and build the rarity baseline; percentile
 * rarity takes one more stream to rank the samples in scope. Pass B scores what is pending with bounded
 * concurrency and appends each score record the moment it exists, so a kill loses only the samples in flight.
 */
export async function scoreFile(opts: ScoreFileOptions): Promise<ScoreFileResult> {
  const runId = newRunId();
  const sidecar = await Sidecar.openForWrite(opts.file);
  const reader = new SampleStateReader(opts.file, sidecar);
  const abort = new RunAbort(opts.signal);
  const tracker = new ProgressTracker(opts.file, opts.onProgress, 'score');
  const progress = tracker.progress;
  const pool = new TaskPool(opts.concurrency);
  const rarityConfig = opts.rarity ?? DEFAULT_RARITY_CONFIG;
  const weights = opts.weights ?? DEFAULT_VALUE_WEIGHTS;
  const brake = opts.failureAbort ?? DEFAULT_FAILURE_ABORT;
  let stopReason: string | undefined;
  let fatal = false;
  let issues = 0;
  let unlabeled = 0;
  let statsRef: StatsRef = { source: 'none', total_samples: 0, timestamp: new Date().toISOString() };
  const state: ScoreRunState = {
    v: 1,
    runId,
    status: 'running',
    startedAt: now(),
    updatedAt: now(),
    endpoint: opts.client.endpoint,
    model: opts.client.model,
    promptVersion: SCORING_PROMPT_VERSION,
    baseline: statsRef,
    counts: { total: 0, skipped: 0, scored: 0, failed: 0, unlabeled: 0 },
  };
  const writeState = (status: ScoreRunState['status'], reason?: string) =>
    writeScoreRunState(sidecar.paths.dir, {
      ...state,
      status,
      reason,
      updatedAt: now(),
      baseline: statsRef,
      counts: { total: progress.total, skipped: progress.skipped, scored: progress.done - progress.failed, failed: progress.failed, unlabeled },
    });

  const closeAll = async () => {
    await reader.close();
    await sidecar.close();
    abort.dispose();
  };

  try {
    // Pass A: count, report input problems once, build the baseline, decide what needs scoring.
    const counter = opts.baseline?.kind === 'stats-file' ? undefined : new BaselineCounter();
    const external = opts.baseline?.kind === 'stats-file' ? await loadBaselineFile(opts.baseline.path) : undefined;
    await forEachSample(opts.file, abort.signal, opts.limit, (i) => {
      issues++;
      opts.onIssue?.(i);
    }, async (sample, inScope) => {
      // Past the limit, only a baseline of the whole dataset still needs samples.
      if (!inScope && opts.baseline && opts.baseline.kind !== 'dataset') return 'stop';
      const { labels } = await reader.read(sample, { score: false });
      if (labels && counter) counter.add(labels.labels);
      if (!inScope) return 'next';
      progress.total++;
      if (!labels) unlabeled++;
      else if (!opts.force && isScoreCurrent(sidecar, sample.id, labels.fingerprint)) progress.skipped++;
      else progress.pending++;
      return 'next';
    });
    const baseline: RarityBaseline = external ?? counter!.build(opts.baseline?.kind === 'scored' ? 'scored' : 'dataset');
    statsRef = baseline.ref;
    const model = new RarityModel(baseline, rarityConfig);
    const ranked = rarityConfig.mode === 'percentile' ? await rankScope(opts.file, opts.limit, reader, model, abort.signal) : undefined;
    const rarityOf = (labels: SampleLabels) => {
      const raw = model.raw(labels.labels);
      const score = ranked ? percentileScoreOf(ranked, raw.raw ?? NaN) : normalizeAbsolute(raw.raw, model.total);
      return model.result(raw, score);
    };

    progress.phase = 'scoring';
    await writeState('running');
    tracker.emit();

    // Pass B: score what is pending.
    const finish = async (sample: Sample, labels: SampleLabels, outcome: ScoreOutcome) => {
      const record = toScoreRecord(sample, labels, outcome, runId);
      if (outcome.judgement) {
        record.rarity = rarityOf(labels);
        const value = valueScore(scoreNumbers(outcome.judgement), record.rarity.score, weights);
        if (value !== null) record.value_score = value;
      }
      await sidecar.log.append([record]);
      tracker.tick();
      if (record.status === 'failed') progress.failed++;
      opts.onRecord?.(record);
      tracker.emit();
      const brakeReason = stopReason ? undefined : failureBrake(progress, brake);
      if (brakeReason) {
        stopReason = brakeReason;
        abort.abort();
      }
    };

    const scoreOne = async (sample: Sample, labels: SampleLabels) => {
      try {
        await finish(sample, labels, await scoreSample(sample, labels.labels, { llm: opts.client, options: opts.options, signal: abort.signal }));
      } catch (err) {
        if (isAbortError(err) || abort.signal.aborted) return;
        if (err instanceof LlmError && err.fatal) {
          if (!stopReason) {
            stopReason = err.message;
            fatal = true;
          }
          abort.abort();
          return;
        }
        // A bug or an unexpected error on one sample must not take the run down: record it.
        const monitor = emptyScoreMonitor(opts.options.budgetChars);
        const message = err instanceof Error ? err.message : String(err);
        monitor.errors.push(message);
        await finish(sample, labels, { status: 'failed', failure: { code: 'internal', message }, monitor });
      }
    };

    await forEachSample(opts.file, abort.signal, opts.limit, undefined, async (sample, inScope) => {
      if (!inScope) return 'stop';
      const { labels } = await reader.read(sample, { score: false });
      if (!labels) return 'next';
      if (!opts.force && isScoreCurrent(sidecar, sample.id, labels.fingerprint)) return 'next';
      await pool.add(() => scoreOne(sample, labels));
      return 'next';
    });
    await pool.drain();
  } catch (err) {
    // Let the samples in flight settle (they stop within a second once aborted) before closing the log.
    abort.abort();
    await pool.settle();
    if (!isAbortError(err)) {
      await writeState('failed', String(err));
      await closeAll();
      throw err;
    }
  }

  const cancelled = abort.signal.aborted && !stopReason;
  const status: ScoreFileResult['status'] = stopReason ? 'aborted' : cancelled ? 'cancelled' : 'done';
  progress.phase = 'done';
  tracker.emit();
  await writeState(status, stopReason ?? (cancelled ? 'Cancelled by the user' : undefined));
  await closeAll();
  return {
    runId,
    status,
    reason: stopReason ?? (cancelled ? 'Cancelled' : undefined),
    fatal,
    progress: tracker.snapshot(),
    unlabeled,
    issues,
    baseline: statsRef,
  };
}

/**
 * Visit the distinct samples of a file in order. `inScope` is false past `limit` (the baseline may still want
 * them); the visitor returns 'stop' to end early. Input problems go to `onIssue`.
 */
async function forEachSample(
  file: string,
  signal: AbortSignal,
  limit: number | undefined,
  onIssue: ((i: InputIssue) => void) | undefined,
  visit: (sample: Sample, inScope: boolean) => Promise<'next' | 'stop'>,
): Promise<void> {
  const seen = new Set<string>();
  for await (const item of readDataset(file, { signal })) {
    if (onIssue) for (const i of item.issues) onIssue(i);
    for (const sample of item.samples) {
      if (signal.aborted) return;
      if (seen.has(sample.id)) continue;
      seen.add(sample.id);
      const inScope = limit === undefined || seen.size <= limit;
      if ((await visit(sample, inScope)) === 'stop') return;
    }
  }
}

/** Raw rarities of the labeled samples in scope, sorted: the batch percentile rarity ranks against. */
async function rankScope(file: string, limit: number | undefined, reader: SampleStateReader, model: RarityModel, signal: AbortSignal): Promise<Float64Array> {
  const raws: number[] = [];
  await forEachSample(file, signal, limit, undefined, async (sample, inScope) => {
    if (!inScope) return 'stop';
    const { labels } = await reader.read(sample, { score: false });
    const raw = labels ? model.raw(labels.labels).raw : null;
    if (raw !== null) raws.push(raw);
    return 'next';
  });
  return Float64Array.from(raws).sort();
}

function toScoreRecord(sample: Sample, labels: SampleLabels, outcome: ScoreOutcome, runId: string): ScoreRecord {
  const record: ScoreRecord = {
    kind: 'score',
    v: 1,
    sampleId: sample.id,
    labelsFingerprint: labels.fingerprint,
    labelsOrigin: labels.origin,
    promptVersion: SCORING_PROMPT_VERSION,
    status: outcome.status,
    thinkingMode: sample.thinkingMode,
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
  if (outcome.model) record.model = outcome.model;
  if (outcome.judgement) record.judgement = outcome.judgement;
  if (outcome.failure) record.failure = outcome.failure;
  return record;
}

function now(): string {
  return new Date().toISOString();
}
