import { promises as fs } from 'node:fs';
import { DIMENSIONS, tagsOf, type Dimension, type LabelSet } from '../model/labels';
import type { StatsRef } from '../model/records';
import { comboKey } from '../stats/labelingStats';

/**
 * What rarity is measured against: how often each tag (and each tag combination) occurs among N labeled
 * samples. It comes from a stats file (`stats_labeling.json` of sft-label or ours), from the dataset's own
 * Pass 1 labels, or from the samples being scored (reference §5.1), and travels with every score as `stats_ref`.
 */
export interface RarityBaseline {
  totalSamples: number;
  /** Tag counts per dimension. A dimension absent here is skipped by rarity (it cannot be measured). */
  tags: Partial<Record<Dimension, ReadonlyMap<string, number>>>;
  /** Counts per `comboKey`; undefined when the source has none (combination rarity is then disabled). */
  combos?: ReadonlyMap<string, number>;
  ref: StatsRef;
}

/**
 * Where a run takes its baseline from: a stats file, the dataset's own Pass 1 labels (all of them, whatever
 * `--limit` says), or only the labeled samples in the run's scope.
 */
export type BaselineSource = { kind: 'stats-file'; path: string } | { kind: 'dataset' } | { kind: 'scored' };

/** A stats file that cannot serve as a baseline; the message names the file and what is wrong. */
export class BaselineError extends Error {
  override readonly name = 'BaselineError';
}

/** Read a baseline from a stats file (`stats_labeling.json`, or our `stats --out` of several files, summed). */
export async function loadBaselineFile(file: string): Promise<RarityBaseline> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    throw new BaselineError(`Cannot read the tag stats file ${file}: ${(err as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new BaselineError(`${file} is not valid JSON: ${(err as Error).message}`);
  }
  return baselineFromStats(json, file);
}

/** A baseline from parsed stats JSON; `source` names it in messages and in `stats_ref`. */
export function baselineFromStats(json: unknown, source: string): RarityBaseline {
  const parts = statsObjects(json);
  if (parts.length === 0) {
    throw new BaselineError(`${source} has no "tag_distributions": give a stats_labeling.json written by sft-label or by "sft-labeler stats --out"`);
  }
  const counter = new CountSum();
  let total = 0;
  let hasCombos = false;
  let timestamp: string | undefined;
  for (const stats of parts) {
    const n = firstNumber(stats.distribution_total_samples, stats.total_samples, stats.success);
    if (n === undefined) throw new BaselineError(`${source} has tag distributions but no "distribution_total_samples"`);
    total += n;
    counter.addDistributions(stats.tag_distributions as Record<string, unknown>);
    if (isObject(stats.combo_distributions)) {
      hasCombos = true;
      counter.addCombos(stats.combo_distributions);
    }
    if (typeof stats.timestamp === 'string') timestamp ??= stats.timestamp;
  }
  return {
    totalSamples: total,
    tags: counter.tags,
    combos: hasCombos ? counter.combos : undefined,
    ref: { source, total_samples: total, timestamp: timestamp ?? new Date().toISOString() },
  };
}

/** Counts tags and combinations of labeled samples, to build a baseline from a dataset or a set of samples. */
export class BaselineCounter {
  private total = 0;
  private readonly tags = new Map<Dimension, Map<string, number>>();
  private readonly combos = new Map<string, number>();

  /** One successfully labeled sample (partial and failed labels are not counted, as in the Pass 1 stats). */
  add(labels: LabelSet): void {
    this.total++;
    for (const dim of DIMENSIONS) {
      let counts = this.tags.get(dim);
      if (!counts) this.tags.set(dim, (counts = new Map()));
      for (const t of tagsOf(labels, dim)) counts.set(t, (counts.get(t) ?? 0) + 1);
    }
    const key = comboKey(labels);
    this.combos.set(key, (this.combos.get(key) ?? 0) + 1);
  }

  get count(): number {
    return this.total;
  }

  build(source: string): RarityBaseline {
    return {
      totalSamples: this.total,
      tags: Object.fromEntries(this.tags),
      combos: this.combos,
      ref: { source, total_samples: this.total, timestamp: new Date().toISOString() },
    };
  }
}

class CountSum {
  readonly tags: Partial<Record<Dimension, Map<string, number>>> = {};
  readonly combos = new Map<string, number>();

  addDistributions(dists: Record<string, unknown>): void {
    for (const dim of DIMENSIONS) {
      const dist = dists[dim];
      if (!isObject(dist)) continue;
      const counts = (this.tags[dim] ??= new Map());
      for (const [tag, n] of Object.entries(dist)) {
        if (typeof n === 'number' && Number.isFinite(n) && n >= 0) counts.set(tag, (counts.get(tag) ?? 0) + n);
      }
    }
  }

  addCombos(combos: Record<string, unknown>): void {
    for (const [key, n] of Object.entries(combos)) {
      if (typeof n === 'number' && Number.isFinite(n) && n >= 0) this.combos.set(key, (this.combos.get(key) ?? 0) + n);
    }
  }
}

/** The stats objects in `json`: itself, or the per-file objects of a multi-file stats output. */
function statsObjects(json: unknown): Record<string, unknown>[] {
  if (!isObject(json)) return [];
  if (isObject(json.tag_distributions)) return [json];
  return Object.values(json).filter((v): v is Record<string, unknown> => isObject(v) && isObject(v.tag_distributions));
}

function firstNumber(...values: unknown[]): number | undefined {
  return values.find((v): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}
