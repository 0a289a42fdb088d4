import * as path from 'node:path';
import type { InputIssue } from '../model/conversation';
import type { BaselineSource } from '../scoring/baseline';
import type { RarityConfig, ValueWeights } from '../scoring/types';
import { computeScoringStats, type ScoringStats } from '../stats/scoringStats';
import { AtomicStreamWriter } from '../util/atomicStream';
import { writeFileAtomic } from '../util/atomicWrite';
import { scanScored, walkScored, type ScoredScan } from './scoredScan';
import { conversationRecord, toScoredSample, toValueMonitorLine, valueObject, type RowInfo } from './scoredFormat';

export interface ExportScoresOptions {
  outDir: string;
  /** `scored.json` (one array), `scored.jsonl`, or both (default). */
  format?: 'json' | 'jsonl' | 'both';
  /** Also write labeled samples that have no score (with `value: null`). Default: scored samples only. */
  includeUnscored?: boolean;
  baseline?: BaselineSource;
  rarity?: RarityConfig;
  weights?: ValueWeights;
  signal?: AbortSignal;
  onIssue?: (i: InputIssue) => void;
  /** A scan already made of this file (select and export in one go read the file once less). */
  scan?: ScoredScan;
}

export interface ExportScoresResult {
  files: string[];
  exported: number;
  failed: number;
  stats: ScoringStats;
}

/**
 * Write sft-label-compatible Pass 2 outputs for one dataset: `scored.json[l]`, `monitor_value.jsonl`,
 * `failed_value.jsonl`, `conversation_scores.json` and `stats_scoring.json`. Streamed to temporary names and
 * renamed when complete, so a reader never sees half an export.
 */
export async function exportScores(datasetFile: string, opts: ExportScoresOptions): Promise<ExportScoresResult> {
  const scan = opts.scan ?? (await scanScored(datasetFile, opts));
  const out = (name: string) => path.join(opts.outDir, name);
  const format = opts.format ?? 'both';
  const writers: AtomicStreamWriter[] = [];
  const open = async (name: string) => {
    const w = await AtomicStreamWriter.create(out(name));
    writers.push(w);
    return w;
  };
  const json = format !== 'jsonl' ? await open('scored.json') : undefined;
  const jsonl = format !== 'json' ? await open('scored.jsonl') : undefined;
  const monitor = await open('monitor_value.jsonl');
  const failedOut = await open('failed_value.jsonl');
  const rows = new Map<number, RowInfo>();
  let exported = 0;
  let failed = 0;
  let monitored = 0;
  try {
    await json?.write('[\n');
    for await (const { index, sample, state } of walkScored(datasetFile, { signal: opts.signal })) {
      if (sample.totalTurns > 1 && !rows.has(sample.source.rowIndex)) {
        rows.set(sample.source.rowIndex, { line: sample.source.line, rowId: sample.rowId, displayBase: sample.displayId.replace(/_t\d+$/, '') });
      }
      const record = state.scoreRecord;
      if (record) await monitor.write(JSON.stringify(toValueMonitorLine(sample, record, monitored++, state.score !== undefined)) + '\n');
      const value = valueObject(scan.table, scan.run, index, state);
      if (record?.status === 'failed' && !value) {
        failed++;
        await failedOut.write(JSON.stringify({ ...toScoredSample(sample, state, null), error: record.failure?.message ?? null, error_code: record.failure?.code ?? null }) + '\n');
      }
      if (!value && !(opts.includeUnscored && state.labels)) continue;
      const row = JSON.stringify(toScoredSample(sample, state, value));
      await json?.write((exported > 0 ? ',\n' : '') + row);
      await jsonl?.write(row + '\n');
      exported++;
    }
    await json?.write('\n]\n');
    for (const w of writers) await w.commit();
  } catch (err) {
    for (const w of writers) await w.discard();
    throw err;
  }
  const conversations = scan.units.filter((u) => u.conversation).map((u) => conversationRecord(datasetFile, u, rows.get(u.rowIndex)));
  const conversationsFile = out('conversation_scores.json');
  await writeFileAtomic(conversationsFile, JSON.stringify(conversations, null, 2) + '\n');
  const stats = computeScoringStats(scan.table, scan.run, scan.totals, { inputFile: datasetFile, units: scan.units });
  const statsFile = out('stats_scoring.json');
  await writeFileAtomic(statsFile, JSON.stringify(stats, null, 2) + '\n');
  return { files: [...writers.map((w) => w.file), conversationsFile, statsFile], exported, failed, stats };
}
