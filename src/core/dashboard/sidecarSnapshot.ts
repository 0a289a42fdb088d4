/**
 * The newest label and score record of every sample of a sidecar, read in one sequential pass. The store's
 * own reader indexes offsets and reads each record back on demand: right for the editor's one-at-a-time
 * lookups, but 100,000 samples × two random reads dominate a dashboard's load. This reads the log as a
 * stream instead, with the store's rules: complete lines only (a line still being appended is not there
 * yet), unparsable lines skipped, and for each kind the last record of a sample wins.
 */
import { createReadStream } from 'node:fs';
import type { LabelRecord, ScoreRecord } from '../model/records';
import { sidecarPaths } from '../store/paths';

/** What the dashboard reads of a label record (the rest is dropped while reading, to keep 100,000 small). */
export type LabelFacts = Pick<LabelRecord, 'status' | 'labeler' | 'labels'> & {
  monitor: Pick<LabelRecord['monitor'], 'llm_calls' | 'prompt_tokens' | 'completion_tokens' | 'arbitrated'>;
};
/** What the dashboard reads of a score record. */
export type ScoreFacts = Pick<ScoreRecord, 'status' | 'labelsFingerprint' | 'judgement'>;

export interface SampleRecords {
  label?: LabelFacts;
  score?: ScoreFacts;
}

function labelFacts(r: LabelRecord): LabelFacts {
  const m = r.monitor ?? {};
  return {
    status: r.status,
    labeler: r.labeler,
    labels: r.labels,
    monitor: { llm_calls: m.llm_calls ?? 0, prompt_tokens: m.prompt_tokens ?? 0, completion_tokens: m.completion_tokens ?? 0, arbitrated: m.arbitrated ?? false },
  };
}

function scoreFacts(r: ScoreRecord): ScoreFacts {
  return { status: r.status, labelsFingerprint: r.labelsFingerprint, judgement: r.judgement };
}

/** Records by sample id; empty when the dataset has no sidecar. */
export async function readSidecarSnapshot(datasetFile: string, signal?: AbortSignal): Promise<Map<string, SampleRecords>> {
  const bySample = new Map<string, SampleRecords>();
  // A string stream decodes UTF-8 across chunk boundaries (a character split between two reads stays whole).
  const stream = createReadStream(sidecarPaths(datasetFile).labels, { encoding: 'utf8', highWaterMark: 1 << 20, signal });
  let carry = '';
  const take = (line: string) => {
    if (line.length === 0) return;
    let rec: { kind?: unknown; sampleId?: unknown };
    try {
      rec = JSON.parse(line) as { kind?: unknown; sampleId?: unknown };
    } catch {
      return;
    }
    if (!rec || typeof rec.sampleId !== 'string' || (rec.kind !== 'label' && rec.kind !== 'score')) return;
    let entry = bySample.get(rec.sampleId);
    if (!entry) bySample.set(rec.sampleId, (entry = {}));
    if (rec.kind === 'label') entry.label = labelFacts(rec as LabelRecord);
    else entry.score = scoreFacts(rec as ScoreRecord);
  };
  try {
    for await (const chunk of stream) {
      const text = carry + (chunk as string);
      let start = 0;
      for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
        take(text.slice(start, nl));
        start = nl + 1;
      }
      carry = text.slice(start);
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return bySample;
    throw err;
  }
  // `carry` is an unterminated last line: a record still being written, left for the next read.
  return bySample;
}
