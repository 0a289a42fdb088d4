import * as path from 'node:path';
import { computeFileStats } from '../../core/stats/fileStats';
import type { LabelingStats } from '../../core/stats/labelingStats';
import { writeFileAtomic } from '../../core/util/atomicWrite';
import { DIMENSIONS } from '../../core/model/labels';
import { EXIT, parse } from '../args';
import { datasetFilesOf, formatIssue } from './shared';

export const statsHelp = `Usage: sft-labeler stats <file|folder>... [--json] [--out FILE]

Pass 1 statistics of labeled datasets, computed from the dataset as it is now and its sidecar:
samples, labeled/failed, LLM calls and tokens, arbitration, unmapped tags, confidence and the
tag distribution of every dimension.

  --json       print stats_labeling.json (sft-label compatible) instead of a summary
  --out FILE   also write it to FILE (one file: that file's stats; several: one object per file)`;

export async function statsCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { json: { type: 'boolean' }, out: { type: 'string' } });
  const files = await datasetFilesOf(positionals);
  const all: Record<string, LabelingStats> = {};
  for (const file of files) {
    const stats = await computeFileStats(file, { onIssue: (i) => console.error(formatIssue(i)) });
    all[file] = stats;
    if (!values.json) printSummary(file, stats);
  }
  const payload = files.length === 1 ? all[files[0]!] : all;
  if (values.json) console.log(JSON.stringify(payload, null, 2));
  if (values.out) await writeFileAtomic(path.resolve(values.out), JSON.stringify(payload, null, 2) + '\n');
  return EXIT.ok;
}

function printSummary(file: string, s: LabelingStats): void {
  const pct = (n: number, d: number) => (d ? `${((n / d) * 100).toFixed(1)}%` : '-');
  const labelers = Object.entries(s.labeler_counts).map(([k, v]) => `${k} ${v}`).join(', ') || 'none';
  console.log(`\n${file}`);
  console.log(
    `  samples ${s.total_samples} | labeled ${s.success} | failed ${s.failed}${s.partial ? ` (${s.partial} partial)` : ''} | not labeled ${s.not_labeled} | labelers: ${labelers}`,
  );
  console.log(
    `  LLM calls ${s.total_llm_calls} (${s.avg_calls_per_sample}/sample) | tokens ${s.total_tokens} | arbitrated ${s.arbitrated_count} (${pct(s.arbitrated_count, s.success + s.failed)}) | unmapped ${s.unmapped_unique_count} distinct`,
  );
  if (s.input_issues) console.log(`  input issues: ${s.input_issues} (listed above)`);
  for (const dim of DIMENSIONS) {
    const dist = Object.entries(s.tag_distributions[dim] ?? {});
    if (dist.length === 0) continue;
    const conf = s.confidence_stats[dim];
    const top = dist
      .slice(0, 6)
      .map(([t, n]) => `${t} ${n} (${pct(n, s.success)})`)
      .join(', ');
    console.log(`  ${dim.padEnd(10)} ${top}${dist.length > 6 ? `, +${dist.length - 6} more` : ''}${conf ? `  [conf ${conf.mean.toFixed(2)}]` : ''}`);
  }
  const unmapped = Object.entries(s.unmapped_tags).slice(0, 5);
  if (unmapped.length) console.log(`  unmapped: ${unmapped.map(([k, n]) => `${k} ${n}`).join(', ')}`);
}
