import * as path from 'node:path';
import type { InputIssue } from '../model/conversation';
import { LabelingStatsBuilder, type LabelingStats } from '../stats/labelingStats';
import { writeFileAtomic } from '../util/atomicWrite';
import { AtomicStreamWriter } from '../util/atomicStream';
import { samplesWithRecords } from './datasetRecords';
import { toLabeledSample, toMonitorLine } from './sftLabelFormat';

export interface ExportOptions {
  outDir: string;
  /** `labeled.json` (one array), `labeled.jsonl`, or both. */
  format: 'json' | 'jsonl' | 'both';
  /** Include samples that were never labeled (without `labels`). Default: only labeled ones. */
  includeUnlabeled?: boolean;
  signal?: AbortSignal;
  onIssue?: (i: InputIssue) => void;
}

export interface ExportResult {
  files: string[];
  exported: number;
  failed: number;
  stats: LabelingStats;
}

/**
 * Write sft-label-compatible outputs for one dataset: `labeled.json[l]`, `monitor.jsonl`,
 * `failed_samples.jsonl` and `stats_labeling.json`. Every file is streamed to a temporary name and
 * renamed when complete, so a reader never sees half an export.
 */
export async function exportLabels(datasetFile: string, opts: ExportOptions): Promise<ExportResult> {
  const out = (name: string) => path.join(opts.outDir, name);
  const writers: AtomicStreamWriter[] = [];
  const open = async (name: string) => {
    const w = await AtomicStreamWriter.create(out(name));
    writers.push(w);
    return w;
  };
  const json = opts.format !== 'jsonl' ? await open('labeled.json') : undefined;
  const jsonl = opts.format !== 'json' ? await open('labeled.jsonl') : undefined;
  const monitor = await open('monitor.jsonl');
  const failedOut = await open('failed_samples.jsonl');
  const builder = new LabelingStatsBuilder();
  let exported = 0;
  let failed = 0;
  try {
    await json?.write('[\n');
    for await (const { sample, record } of samplesWithRecords(datasetFile, {
      signal: opts.signal,
      onIssue: (i) => {
        builder.inputIssues++;
        opts.onIssue?.(i);
      },
    })) {
      builder.add(record);
      if (record) await monitor.write(JSON.stringify(toMonitorLine(sample, record, exported + failed)) + '\n');
      if (record && record.status !== 'success') {
        failed++;
        await failedOut.write(JSON.stringify(toLabeledSample(sample, undefined)) + '\n');
      }
      if (!record && !opts.includeUnlabeled) continue;
      const row = toLabeledSample(sample, record);
      await json?.write((exported > 0 ? ',\n' : '') + JSON.stringify(row));
      await jsonl?.write(JSON.stringify(row) + '\n');
      exported++;
    }
    await json?.write('\n]\n');
    for (const w of writers) await w.commit();
  } catch (err) {
    for (const w of writers) await w.discard();
    throw err;
  }
  const stats = builder.build({ inputFile: datasetFile });
  const statsFile = out('stats_labeling.json');
  await writeFileAtomic(statsFile, JSON.stringify(stats, null, 2) + '\n');
  return { files: [...writers.map((w) => w.file), statsFile], exported, failed, stats };
}
