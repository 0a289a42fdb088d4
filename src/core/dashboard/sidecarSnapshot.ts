/**
 * The newest label and score record of every sample of a sidecar, read in one sequential pass (the store's
 * `scanLog`): `LabelLog` reads records back one at a time, right for the editor's lookups, but 100,000
 * samples × two random reads dominate a dashboard's load. For each kind the last record of a sample wins.
 */
import { scanLog } from '../store/scanLog';
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
  await scanLog(
    sidecarPaths(datasetFile).labels,
    (rec) => {
      if (rec.kind !== 'label' && rec.kind !== 'score') return;
      let entry = bySample.get(rec.sampleId);
      if (!entry) bySample.set(rec.sampleId, (entry = {}));
      if (rec.kind === 'label') entry.label = labelFacts(rec as unknown as LabelRecord);
      else entry.score = scoreFacts(rec as unknown as ScoreRecord);
    },
    { signal },
  );
  return bySample;
}
