/**
 * Dataset reader benchmark: how close `readDataset` gets to the ceiling of reading the same JSONL by lines
 * and `JSON.parse`-ing each one (which does no normalising, slicing or hashing at all).
 *
 *   npx tsx bench/index.ts [--mb 200]
 *
 * The data file is generated once and cached in bench/.data/ (gitignored). Prints figures, then one JSON line.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { readDataset } from '../src/core/dataset/read';
import { ensureIndexData } from './indexData';

const ROUNDS = 2;

function argNumber(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const value = i === -1 ? NaN : Number(process.argv[i + 1]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/** Samples RSS while a phase runs; `maxRSS` alone would also count the generator's peak. */
function rssSampler(): { stop: () => number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss);
    },
  };
}

interface Run {
  seconds: number;
  records: number;
  samples: number;
  peakRss: number;
}

async function ceiling(file: string): Promise<Run> {
  const rss = rssSampler();
  const started = performance.now();
  let records = 0;
  const lines = createInterface({ input: createReadStream(file, { highWaterMark: 1 << 20 }), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    JSON.parse(line);
    records++;
  }
  return { seconds: (performance.now() - started) / 1000, records, samples: 0, peakRss: rss.stop() };
}

async function ours(file: string): Promise<Run> {
  const rss = rssSampler();
  const started = performance.now();
  let records = 0;
  let samples = 0;
  let issues = 0;
  for await (const item of readDataset(file)) {
    records++;
    samples += item.samples.length;
    issues += item.issues.length;
  }
  if (issues > 0) throw new Error(`benchmark data produced ${issues} issues`);
  return { seconds: (performance.now() - started) / 1000, records, samples, peakRss: rss.stop() };
}

async function warmPageCache(file: string): Promise<void> {
  for await (const _chunk of createReadStream(file, { highWaterMark: 1 << 20 })) void _chunk;
}

function best(runs: Run[]): Run {
  return runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
}

const round1 = (x: number) => Math.round(x * 10) / 10;

async function main(): Promise<void> {
  const mb = argNumber('--mb', 200);
  const file = join(__dirname, '.data', `index-${mb}mb-v1.jsonl`);
  console.log(`data: ${file}`);
  await ensureIndexData(file, mb);
  const sizeMb = (await stat(file)).size / (1024 * 1024);
  await warmPageCache(file);

  const ceilingRuns: Run[] = [];
  const ourRuns: Run[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    ceilingRuns.push(await ceiling(file));
    ourRuns.push(await ours(file));
  }
  const c = best(ceilingRuns);
  const o = best(ourRuns);
  if (c.records !== o.records) throw new Error(`record counts differ: ceiling ${c.records}, ours ${o.records}`);
  const peakRssMb = Math.max(...ourRuns.map((r) => r.peakRss)) / (1024 * 1024);

  console.log(`file: ${sizeMb.toFixed(1)} MB, ${c.records} records, ${o.samples} samples`);
  console.log(`ceiling (readline + JSON.parse): ${c.seconds.toFixed(2)} s, ${(c.records / c.seconds).toFixed(0)} records/s, ${(sizeMb / c.seconds).toFixed(1)} MB/s`);
  console.log(`readDataset:                     ${o.seconds.toFixed(2)} s, ${(o.records / o.seconds).toFixed(0)} records/s, ${(sizeMb / o.seconds).toFixed(1)} MB/s`);
  console.log(`ratio to ceiling: ${(c.seconds / o.seconds).toFixed(2)}, peak RSS while reading: ${peakRssMb.toFixed(0)} MB`);
  console.log(JSON.stringify({
    bench: 'index',
    mb: round1(sizeMb),
    records: o.records,
    ceiling_records_per_s: Math.round(c.records / c.seconds),
    ceiling_mb_per_s: round1(sizeMb / c.seconds),
    records_per_s: Math.round(o.records / o.seconds),
    mb_per_s: round1(sizeMb / o.seconds),
    ratio_to_ceiling: Math.round((c.seconds / o.seconds) * 100) / 100,
    peak_rss_mb: Math.round(peakRssMb),
  }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
