import type { Sample } from '../model/conversation';
import type { LabelSet } from '../model/labels';
import type { LabelRecord, ScoreRecord } from '../model/records';
import type { Sidecar } from '../store/sidecar';
import { RowReader, type EmbeddedSftLabel } from './embedded';
import { labelsFingerprint } from './fingerprint';
import { SCORING_PROMPT_VERSION } from './types';

/** The labels a sample is scored with, and where they came from. */
export interface SampleLabels {
  labels: LabelSet;
  origin: 'sidecar' | 'embedded';
  fingerprint: string;
}

export interface SampleState {
  /** Usable labels: a successful sidecar label, else the labels an sft-label row carries. */
  labels?: SampleLabels;
  labelRecord?: LabelRecord;
  /** The newest score record, current or not. */
  scoreRecord?: ScoreRecord;
  /** The score record when it was computed from exactly these labels and succeeded. */
  score?: ScoreRecord;
  embedded?: EmbeddedSftLabel;
}

/** Reads a sample's labels and score from the sidecar (and the row itself for sft-label files). */
export class SampleStateReader {
  private readonly rows: RowReader;

  constructor(
    readonly file: string,
    private readonly sidecar: Sidecar,
  ) {
    this.rows = new RowReader(file);
  }

  async read(sample: Sample, want: { score: boolean }): Promise<SampleState> {
    const state: SampleState = {};
    const record = await this.sidecar.get(sample.id);
    if (record) state.labelRecord = record;
    if (record?.status === 'success' && record.labels) {
      state.labels = { labels: record.labels, origin: 'sidecar', fingerprint: labelsFingerprint(record.labels) };
    }
    const score = want.score ? await this.sidecar.getOf('score', sample.id) : undefined;
    if (score) state.scoreRecord = score;
    const current = (labels: SampleLabels | undefined) =>
      score?.status === 'success' && labels !== undefined && score.labelsFingerprint === labels.fingerprint;
    if (current(state.labels)) {
      state.score = score;
      return state;
    }
    // Rows of sft-label files carry labels and values: needed when we have no labels, or no score to show.
    if (state.labels && !want.score) return state;
    const embedded = await this.rows.embeddedOf(sample);
    if (embedded) state.embedded = embedded;
    if (!state.labels && embedded?.labels) {
      state.labels = { labels: embedded.labels, origin: 'embedded', fingerprint: labelsFingerprint(embedded.labels) };
      if (current(state.labels)) state.score = score;
    }
    return state;
  }

  close(): Promise<void> {
    return this.rows.close();
  }
}

/**
 * Is the sample's score current: successful, computed from these labels, with this scoring prompt? Reads only
 * the in-memory index.
 */
export function isScoreCurrent(sidecar: Sidecar, sampleId: string, fingerprint: string): boolean {
  const e = sidecar.log.entryOf('score', sampleId);
  return e !== undefined && e.status === 'success' && e.labelsFingerprint === fingerprint && e.promptVersion === SCORING_PROMPT_VERSION;
}
