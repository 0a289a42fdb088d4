import type { LabelRecord, ScoreRecord } from '../model/records';

/**
 * What the editor shows for one sample (one assistant reply) of a document:
 * - `labeled`: a successful label for exactly this content;
 * - `outdated`: labeled, but with another taxonomy, prompt version or labeler than the current one;
 * - `stale`: the content changed since it was labeled (same place in the file, new content);
 * - `failed` / `partial`: the last attempt failed, or only Call 1 succeeded;
 * - `not-labeled`: nothing yet.
 */
export type SampleState = 'labeled' | 'outdated' | 'stale' | 'failed' | 'partial' | 'not-labeled';

/** One sample as the editor shows it. */
export interface SampleView {
  sampleId: string;
  turnIndex: number;
  totalTurns: number;
  state: SampleState;
  /** The record behind the state: this sample's own, or for `stale` the one at its old place. */
  record?: LabelRecord;
  /** The sample's newest Pass 2 score record, if it was ever scored. */
  score?: ScoreRecord;
  /** Whether `score` was computed from the labels shown (same labels, same scoring prompts). */
  scoreCurrent?: boolean;
}

/** What a label must have been made with to count as current: the taxonomy in use and today's prompts. */
export interface CurrentLabelKey {
  taxonomyHash: string;
  promptVersion: string;
}

/**
 * The state of one sample from its own record (content-keyed) and, when it has none, the record last
 * written at the same place in the file. `current` undefined (the taxonomy in use cannot be loaded)
 * means no label can be called outdated.
 */
export function stateOf(
  own: LabelRecord | undefined,
  current: CurrentLabelKey | undefined,
  previousAtSamePlace?: LabelRecord,
): { state: SampleState; record?: LabelRecord } {
  if (own) {
    if (own.status === 'failed') return { state: 'failed', record: own };
    if (own.status === 'partial') return { state: 'partial', record: own };
    const same = !current || (own.taxonomyHash === current.taxonomyHash && own.promptVersion === current.promptVersion);
    return { state: same ? 'labeled' : 'outdated', record: own };
  }
  if (previousAtSamePlace) return { state: 'stale', record: previousAtSamePlace };
  return { state: 'not-labeled' };
}
