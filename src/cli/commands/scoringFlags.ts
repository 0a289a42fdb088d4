import * as path from 'node:path';
import type { BaselineSource } from '../../core/scoring/baseline';
import {
  DEFAULT_RARITY_CONFIG, DEFAULT_SCORE_OPTIONS, DEFAULT_VALUE_WEIGHTS, SCORING_BUDGETS,
  type RarityConfig, type ScoreOptions, type ValueWeights,
} from '../../core/scoring/types';
import { UsageError } from '../args';

/** Flags shared by `score`, `select` and `label --score`: how rarity and value are measured. */
export const RARITY_FLAG_OPTIONS = {
  'tag-stats': { type: 'string' },
  baseline: { type: 'string' },
  'rarity-mode': { type: 'string' },
  weights: { type: 'string' },
} as const;

export const RARITY_FLAGS_HELP = `  --tag-stats FILE      rarity baseline from a stats_labeling.json (sft-label's or "sft-labeler stats --out")
  --baseline dataset|scored
                        without --tag-stats: all labeled samples of the file (default), or only the scored ones
  --rarity-mode absolute|percentile
                        rarity against log2 N of the baseline (default), or by rank among the scored samples
  --weights C,Q,R,RARITY
                        value-score weights (default ${DEFAULT_VALUE_WEIGHTS.complexity},${DEFAULT_VALUE_WEIGHTS.quality},${DEFAULT_VALUE_WEIGHTS.reasoning},${DEFAULT_VALUE_WEIGHTS.rarity})`;

export interface RaritySettings {
  baseline: BaselineSource;
  rarity: RarityConfig;
  weights: ValueWeights;
}

export function raritySettings(values: { 'tag-stats'?: string; baseline?: string; 'rarity-mode'?: string; weights?: string }): RaritySettings {
  let baseline: BaselineSource = { kind: 'dataset' };
  if (values['tag-stats']) {
    if (values.baseline) throw new UsageError('--tag-stats and --baseline cannot be combined: the stats file is the baseline');
    baseline = { kind: 'stats-file', path: path.resolve(values['tag-stats']) };
  } else if (values.baseline === 'scored') {
    baseline = { kind: 'scored' };
  } else if (values.baseline !== undefined && values.baseline !== 'dataset') {
    throw new UsageError(`--baseline must be dataset or scored (got "${values.baseline}")`);
  }
  const mode = values['rarity-mode'] ?? 'absolute';
  if (mode !== 'absolute' && mode !== 'percentile') throw new UsageError(`--rarity-mode must be absolute or percentile (got "${mode}")`);
  return { baseline, rarity: { ...DEFAULT_RARITY_CONFIG, mode }, weights: parseWeights(values.weights) };
}

function parseWeights(text: string | undefined): ValueWeights {
  if (text === undefined) return DEFAULT_VALUE_WEIGHTS;
  const parts = text.split(',').map((s) => Number(s.trim()));
  if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n) || n < 0) || parts.slice(0, 3).every((n) => n === 0)) {
    throw new UsageError(`--weights must be four non-negative numbers C,Q,R,RARITY, not all of C,Q,R zero (got "${text}")`);
  }
  const [complexity, quality, reasoning, rarity] = parts as [number, number, number, number];
  return { complexity, quality, reasoning, rarity };
}

/** `--budget compact|full|CHARS` → characters. */
export function scoringBudget(text: string | undefined): number {
  if (text === undefined || text === 'compact') return SCORING_BUDGETS.compact;
  if (text === 'full') return SCORING_BUDGETS.full;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 2_000 || n > 1_000_000) throw new UsageError(`--budget must be compact, full or a whole number of characters from 2000 to 1000000 (got "${text}")`);
  return n;
}

export function scoreOptions(budgetChars: number): ScoreOptions {
  return { ...DEFAULT_SCORE_OPTIONS, budgetChars };
}
