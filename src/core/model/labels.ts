/**
 * Labels produced by Pass 1, in the same field names sft-label writes (reference §4.6),
 * so exported files stay compatible.
 */

export const DIMENSIONS = [
  'intent',
  'language',
  'domain',
  'task',
  'difficulty',
  'concept',
  'agentic',
  'constraint',
  'context',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** Which LLM call asks for which dimension: Call 2 sees Call 1's answer. */
export const CALL1_DIMENSIONS = ['intent', 'language', 'domain', 'task', 'difficulty'] as const satisfies readonly Dimension[];
export const CALL2_DIMENSIONS = ['concept', 'agentic', 'constraint', 'context'] as const satisfies readonly Dimension[];

export const SINGLE_SELECT: ReadonlySet<Dimension> = new Set<Dimension>(['intent', 'difficulty', 'context']);

/** Pass 1 re-asks a call when any of its dimensions comes back below this confidence. */
export const ARBITRATION_THRESHOLD = 0.6;
export const ARBITRATION_TEMPERATURE = 0.3;
export const LABELING_TEMPERATURE = 0.1;

export interface UnmappedTag {
  dimension: Dimension;
  value: string;
}

export type CanonicalizationReason =
  | 'alias'
  | 'cross_dimension_rescue'
  | 'raw_unmapped_alias'
  | 'raw_unmapped_cross_dimension_rescue';

export interface CanonicalizationNote {
  source_dimension: Dimension;
  source_value: string;
  target_dimension: Dimension;
  canonical_value: string;
  reason: CanonicalizationReason;
}

export interface LabelSet {
  intent: string | null;
  language: string[];
  domain: string[];
  task: string[];
  difficulty: string | null;
  concept: string[];
  agentic: string[];
  constraint: string[];
  context: string | null;
  confidence: Partial<Record<Dimension, number>>;
  unmapped: UnmappedTag[];
  canonicalized: CanonicalizationNote[];
}

export function emptyLabelSet(): LabelSet {
  return {
    intent: null,
    language: [],
    domain: [],
    task: [],
    difficulty: null,
    concept: [],
    agentic: [],
    constraint: [],
    context: null,
    confidence: {},
    unmapped: [],
    canonicalized: [],
  };
}

/** The tags of one dimension as a list, whichever select mode it has. */
export function tagsOf(labels: LabelSet, dim: Dimension): string[] {
  const v = labels[dim];
  if (v === null) return [];
  return Array.isArray(v) ? v : [v];
}
