/**
 * Run-wide Pass 2 numbers without an LLM for 1,000,000 synthetic labeled and judged samples: build the column
 * table, then rarity (baseline = the samples themselves, combinations included), value and selection scores.
 * Prints seconds per stage and peak RSS.
 */
import { parseArgs } from 'node:util';
import { emptyLabelSet, type LabelSet } from '../src/core/model/labels';
import { computeRunWide } from '../src/core/scoring/runWide';
import { ScoreTable } from '../src/core/scoring/table';
import { seededRandom } from '../src/core/util/prng';

/** Tag pools with skewed (Zipf-like) use, as real datasets have: a few tags are everywhere, most are rare. */
const pool = (name: string, n: number) => Array.from({ length: n }, (_, i) => `${name}-${i}`);
const POOLS = {
  intent: pool('intent', 6),
  difficulty: pool('difficulty', 5),
  context: pool('context', 8),
  language: pool('language', 90),
  domain: pool('domain', 40),
  task: pool('task', 30),
  concept: pool('concept', 60),
  agentic: pool('agentic', 25),
  constraint: pool('constraint', 20),
};

function zipf(list: readonly string[], random: () => number): string {
  return list[Math.min(list.length - 1, Math.floor(list.length * random() ** 3))]!;
}

function some(list: readonly string[], max: number, random: () => number): string[] {
  const n = Math.floor(random() * (max + 1));
  return [...new Set(Array.from({ length: n }, () => zipf(list, random)))];
}

function synthetic(random: () => number): LabelSet {
  const l = emptyLabelSet();
  l.intent = zipf(POOLS.intent, random);
  l.difficulty = zipf(POOLS.difficulty, random);
  l.context = zipf(POOLS.context, random);
  l.language = [zipf(POOLS.language, random), ...some(POOLS.language, 1, random)].filter((t, i, a) => a.indexOf(t) === i);
  l.domain = some(POOLS.domain, 2, random);
  l.task = [zipf(POOLS.task, random)];
  l.concept = some(POOLS.concept, 3, random);
  l.agentic = some(POOLS.agentic, 2, random);
  l.constraint = some(POOLS.constraint, 1, random);
  l.confidence = { intent: 0.6 + 0.4 * random(), language: 0.9, concept: 0.5 + 0.5 * random(), domain: 0.7, task: 0.8 };
  return l;
}

async function main() {
  const { values } = parseArgs({ options: { samples: { type: 'string', default: '1000000' } } });
  const n = Number(values.samples);
  const random = seededRandom(7);
  const score = () => 1 + Math.floor(random() * 10);

  const t0 = performance.now();
  const table = new ScoreTable();
  for (let i = 0; i < n; i++) {
    table.add({
      rowIndex: i,
      turnIndex: 1,
      totalTurns: 1,
      thinkingMode: random() < 0.3 ? 'slow' : 'fast',
      labels: synthetic(random),
      numbers: { complexity: score(), quality: score(), reasoning: score(), confidence: 0.5 + 0.5 * random() },
      flags: random() < 0.05 ? ['has-bug'] : [],
    });
  }
  const t1 = performance.now();
  const run = computeRunWide(table);
  const t2 = performance.now();

  let scored = 0;
  let valueSum = 0;
  let selectionSum = 0;
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(run.value[i]!)) continue;
    scored++;
    valueSum += run.value[i]!;
    selectionSum += run.selection[i]!;
  }
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const tableSeconds = (t1 - t0) / 1000;
  const computeSeconds = (t2 - t1) / 1000;
  console.log(`table of ${n} samples in ${tableSeconds.toFixed(2)} s (synthetic labels generated on the fly)`);
  console.log(`rarity + value + selection in ${computeSeconds.toFixed(2)} s; mean value ${(valueSum / scored).toFixed(2)}, mean selection ${(selectionSum / scored).toFixed(2)}`);
  console.log(
    JSON.stringify({
      bench: 'rarity',
      samples: n,
      scored,
      distinct_combos: table.combos.size,
      table_seconds: round(tableSeconds),
      rarity_value_selection_seconds: round(computeSeconds),
      total_seconds: round(tableSeconds + computeSeconds),
      peak_rss_mb: round(peakRssMb, 0),
    }),
  );
}

function round(n: number, dp = 2): number {
  return Math.round(n * 10 ** dp) / 10 ** dp;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
