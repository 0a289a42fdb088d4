import type { Dimension } from '../model/labels';
import type { RarityBaseline } from './baseline';
import { combineRarity, dimensionRarity, normalizeAbsolute, normalizePercentile, RarityModel, type RawRarity } from './rarity';
import { computeSelection } from './selection';
import { ORIGIN, type ScoreTable } from './table';
import { DEFAULT_RARITY_CONFIG, DEFAULT_VALUE_WEIGHTS, type RarityConfig, type ValueWeights } from './types';
import { pureQuality, valueScore } from './value';

/**
 * Rarity, value, pure quality and selection for every sample of a table, against one baseline: the numbers
 * exports, selection and stats show. They are recomputed here rather than read from the score records, because
 * rarity and selection are relative to the whole run and change as samples are added or relabeled.
 */

export interface RunWideOptions {
  /** Default: the table's own labeled samples (source `dataset`). */
  baseline?: RarityBaseline;
  rarity?: RarityConfig;
  weights?: ValueWeights;
}

export interface RunWideScores {
  baseline: RarityBaseline;
  model: RarityModel;
  rarity: RarityConfig;
  weights: ValueWeights;
  /** Per sample; NaN where not applicable (no labels, no judge numbers, no rarity). */
  tagRarity: Float64Array;
  comboRarity: Float64Array;
  effectiveConfidence: Float64Array;
  rarityRaw: Float64Array;
  rarityScore: Float64Array;
  value: Float64Array;
  pureQuality: Float64Array;
  selection: Float64Array;
  intraClassRank: Float64Array;
}

export function computeRunWide(table: ScoreTable, opts: RunWideOptions = {}): RunWideScores {
  const rarityConfig = opts.rarity ?? DEFAULT_RARITY_CONFIG;
  const weights = opts.weights ?? DEFAULT_VALUE_WEIGHTS;
  const baseline = opts.baseline ?? baselineFromTable(table, 'dataset');
  const model = new RarityModel(baseline, rarityConfig);
  const n = table.size;
  const out = {
    tagRarity: nans(n),
    comboRarity: nans(n),
    effectiveConfidence: nans(n),
    rarityRaw: nans(n),
    rarityScore: nans(n),
    value: nans(n),
    pureQuality: nans(n),
    selection: nans(n),
    intraClassRank: nans(n),
  };

  const raw = tableRarity(table, model);
  for (let i = 0; i < n; i++) {
    const r = raw(i);
    if (!r) continue;
    out.tagRarity[i] = r.tag_rarity ?? NaN;
    out.comboRarity[i] = r.combo_rarity ?? NaN;
    out.effectiveConfidence[i] = r.effective_confidence;
    out.rarityRaw[i] = r.raw ?? NaN;
  }
  if (rarityConfig.mode === 'percentile') {
    // Ranked among the samples scored together (those with judge numbers), as sft-label does.
    const batch = nans(n);
    for (let i = 0; i < n; i++) if (table.origin.get(i) !== ORIGIN.none) batch[i] = out.rarityRaw[i]!;
    out.rarityScore.set(normalizePercentile(batch));
  } else {
    for (let i = 0; i < n; i++) {
      const s = normalizeAbsolute(Number.isNaN(out.rarityRaw[i]!) ? null : out.rarityRaw[i]!, model.total);
      if (s !== null) out.rarityScore[i] = s;
    }
  }

  for (let i = 0; i < n; i++) {
    const numbers = table.numbersOf(i);
    if (!numbers) continue;
    const rarity = Number.isNaN(out.rarityScore[i]!) ? null : out.rarityScore[i]!;
    out.value[i] = valueScore(numbers, rarity, weights) ?? NaN;
    out.pureQuality[i] = pureQuality(numbers, weights) ?? NaN;
  }

  const { selection, intraClassRank } = computeSelection({
    pureQuality: out.pureQuality,
    rarity: out.rarityScore,
    defaultConfidence: rarityConfig.defaultConfidence,
    dims: table.dims.map((d) => ({
      weight: rarityConfig.dimensionWeights[d.dim],
      offsets: d.offsets.view(),
      ids: d.ids.view(),
      tagCount: d.tags.size,
      confidence: d.confidence.view(),
    })),
  });
  out.selection = selection;
  out.intraClassRank = intraClassRank;
  return { baseline, model, rarity: rarityConfig, weights, ...out };
}

/**
 * The tag and combination counts of the table's labeled samples (those `include` accepts), as a baseline.
 * `scored` baselines count only samples with judge numbers.
 */
export function baselineFromTable(table: ScoreTable, source: string, include: (i: number) => boolean = () => true): RarityBaseline {
  const tags: Partial<Record<Dimension, Map<string, number>>> = {};
  const counted = new Uint8Array(table.size);
  let total = 0;
  for (let i = 0; i < table.size; i++) {
    if (table.labeled.get(i) && include(i)) {
      counted[i] = 1;
      total++;
    }
  }
  for (const d of table.dims) {
    const counts = new Float64Array(d.tags.size);
    for (let i = 0; i < table.size; i++) {
      if (!counted[i]) continue;
      for (let k = d.offsets.get(i); k < d.offsets.get(i + 1); k++) counts[d.ids.get(k)]!++;
    }
    const map = new Map<string, number>();
    d.tags.names.forEach((name, id) => {
      if (counts[id]! > 0) map.set(name, counts[id]!);
    });
    tags[d.dim] = map;
  }
  const comboCounts = new Float64Array(table.combos.size);
  for (let i = 0; i < table.size; i++) {
    if (counted[i]) comboCounts[table.comboId.get(i)]!++;
  }
  const combos = new Map<string, number>();
  table.combos.names.forEach((name, id) => {
    if (comboCounts[id]! > 0) combos.set(name, comboCounts[id]!);
  });
  return { totalSamples: total, tags, combos, ref: { source, total_samples: total, timestamp: new Date().toISOString() } };
}

/**
 * Raw rarity per sample from the table's interned tags: the same formulas as `RarityModel.raw`, with IDFs looked
 * up once per distinct tag instead of once per sample.
 */
function tableRarity(table: ScoreTable, model: RarityModel): (i: number) => RawRarity | undefined {
  const cfg = model.config;
  const dims = table.dims.map((d) => ({
    d,
    measured: model.measures(d.dim),
    prior: model.prior(d.dim) ?? 0,
    weight: cfg.dimensionWeights[d.dim],
    idf: Float64Array.from(d.tags.names, (name) => model.idf(d.dim, name) ?? 0),
  }));
  const comboCounts = table.combos.names.map((key) => model.comboCount(key));
  return (i) => {
    if (!table.labeled.get(i)) return undefined;
    let weightedSum = 0;
    let weightSum = 0;
    let confSum = 0;
    let confN = 0;
    for (const { d, measured, prior, weight, idf } of dims) {
      const c = d.confidence.get(i);
      if (!Number.isNaN(c)) {
        confSum += c;
        confN++;
      }
      const start = d.offsets.get(i);
      const end = d.offsets.get(i + 1);
      if (end === start || !measured) continue;
      let max = 0;
      let sum = 0;
      for (let k = start; k < end; k++) {
        const v = idf[d.ids.get(k)]!;
        if (v > max) max = v;
        sum += v;
      }
      weightedSum += weight * dimensionRarity(max, sum, end - start, prior, Number.isNaN(c) ? cfg.defaultConfidence : c);
      weightSum += weight;
    }
    const eff = confN > 0 ? confSum / confN : cfg.defaultConfidence;
    return combineRarity(weightedSum, weightSum, eff, comboCounts[table.comboId.get(i)], model.total, cfg.comboAlpha);
  };
}

function nans(n: number): Float64Array {
  return new Float64Array(n).fill(NaN);
}
