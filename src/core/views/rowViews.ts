import type { Sample } from '../model/conversation';
import type { LabelRecord, ScoreRecord } from '../model/records';
import { labelsFingerprint } from '../scoring/fingerprint';
import { SCORING_PROMPT_VERSION } from '../scoring/types';
import type { SamplePlace } from '../store/locatorIndex';
import { stateOf, type CurrentLabelKey, type SampleView } from './sampleState';

/** Where the editor gets labels from: by content (sample id), and by place for "stale". */
export interface LabelLookup {
  /** The newest label record of this exact content. */
  get(sampleId: string): Promise<LabelRecord | undefined>;
  /** The newest label record written at this place, whatever content it was for. */
  previousAt(place: SamplePlace): Promise<LabelRecord | undefined>;
  /** The newest Pass 2 score record of this exact content, when scores are kept. */
  getScore?(sampleId: string): Promise<ScoreRecord | undefined>;
}

/** Whether `score` belongs to `labels` as they are now and to today's scoring prompts. */
export function isScoreCurrent(score: ScoreRecord, labels: LabelRecord['labels']): boolean {
  return labels !== undefined && score.labelsFingerprint === labelsFingerprint(labels) && score.promptVersion === SCORING_PROMPT_VERSION;
}

/** The fields of a sample the views need (an indexed document's samples have them all). */
export type SampleRef = Pick<Sample, 'id' | 'turnIndex' | 'totalTurns' | 'rowId'> & { source: Pick<Sample['source'], 'rowIndex'> };

/** The place of a sample, for `LabelLookup.previousAt`. */
export function placeOf(sample: SampleRef): SamplePlace {
  const place: SamplePlace = { rowIndex: sample.source.rowIndex, turnIndex: sample.turnIndex };
  if (sample.rowId !== undefined) place.rowId = sample.rowId;
  return place;
}

/**
 * What the editor shows for each reply of one conversation row. The place lookup only runs for samples
 * without a record of their own, so a fully labeled row costs one read per reply.
 */
export async function rowSampleViews(
  samples: readonly SampleRef[],
  lookup: LabelLookup,
  current: CurrentLabelKey | undefined,
): Promise<SampleView[]> {
  return Promise.all(
    samples.map(async (sample) => {
      const own = await lookup.get(sample.id);
      const previous = own ? undefined : await lookup.previousAt(placeOf(sample));
      // A record at this place for this very content is the sample's own; it cannot make it stale.
      const stalePrevious = previous && previous.sampleId !== sample.id ? previous : undefined;
      const { state, record } = stateOf(own, current, stalePrevious);
      const view: SampleView = { sampleId: sample.id, turnIndex: sample.turnIndex, totalTurns: sample.totalTurns, state };
      if (record) view.record = record;
      // Scores belong to this content only: a stale row's old score says nothing about its new text.
      const score = own && lookup.getScore ? await lookup.getScore(sample.id) : undefined;
      if (score) {
        view.score = score;
        view.scoreCurrent = isScoreCurrent(score, own?.labels);
      }
      return view;
    }),
  );
}
