import * as path from 'node:path';
import { DIMENSIONS } from '../../core/model/labels';
import { BaselineError } from '../../core/scoring/baseline';
import { CriteriaError, parseQuota, parseTagRef, type SelectCriteria } from '../../core/select/criteria';
import { selectFile, type SelectFileReport } from '../../core/select/selectFile';
import { writeFileAtomic } from '../../core/util/atomicWrite';
import { EXIT, intFlag, parse, UsageError } from '../args';
import { RARITY_FLAG_OPTIONS, RARITY_FLAGS_HELP, raritySettings } from './scoringFlags';
import { datasetFilesOf, formatIssue } from './shared';

export const selectHelp = `Usage: sft-labeler select <file|folder>... [criteria] [options]

Keep the best training rows of scored datasets and write them out, with a report of how many rows are
kept and how much of each dimension's tags is still covered. Rows are kept or dropped whole: a row with
several replies is judged by its conversation scores (conv_value, conv_selection) and by the union of
its replies' tags and flags.

Criteria (all must hold; --include and --exclude take dim:tag lists, OR inside one list):
  --value-min X         value score at least X (0-10)
  --selection-min X     selection score at least X (0-10)
  --top PERCENT         then keep the best PERCENT% of what is left, ranked by --rank-by
  --rank-by selection|value
                        what --top ranks by (default selection)
  --include dim:tag,... keep rows carrying at least one of these tags (repeatable)
  --exclude dim:tag,... drop rows carrying any of these tags (repeatable)
  --difficulty a,b      keep rows with one of these difficulties
  --thinking slow|fast|mixed
  --flags f,...         keep only rows flagged has-bug and/or incomplete (e.g. to review them)
  --exclude-flags f,... drop rows with any of these flags
  --quota dim=N         then sample at most about N rows per tag of dim, rarest tags first, with a
                        seeded shuffle; every tag of dim that is left keeps min(N, its rows)
  --seed N              seed of the quota shuffle (default 42)
  --include-unscored    keep rows without scores too (they skip --value-min/--selection-min/--top)

Output:
  --format original|scored
                        original: the kept rows byte for byte, in the input's format (default);
                        scored: scored records (scored.json shape) of the kept rows' replies
  --out PATH            output file (one dataset) or folder (several); default <dir>/<name>_selected.<ext>
                        (scored: <name>_selected.scored.jsonl)
  --report FILE         also write the report as JSON (several datasets: FILE gets one object per file)
  --json                print the report as JSON instead of a summary
${RARITY_FLAGS_HELP}`;

export async function selectCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    'value-min': { type: 'string' },
    'selection-min': { type: 'string' },
    top: { type: 'string' },
    'rank-by': { type: 'string' },
    include: { type: 'string', multiple: true },
    exclude: { type: 'string', multiple: true },
    difficulty: { type: 'string' },
    thinking: { type: 'string' },
    flags: { type: 'string' },
    'exclude-flags': { type: 'string' },
    quota: { type: 'string' },
    seed: { type: 'string' },
    'include-unscored': { type: 'boolean' },
    format: { type: 'string' },
    out: { type: 'string' },
    report: { type: 'string' },
    json: { type: 'boolean' },
    ...RARITY_FLAG_OPTIONS,
  });
  const format = (values.format ?? 'original') as 'original' | 'scored';
  if (format !== 'original' && format !== 'scored') throw new UsageError(`--format must be original or scored (got "${values.format}")`);
  const criteria = criteriaOf(values);
  const settings = raritySettings(values);
  const files = await datasetFilesOf(positionals);
  const reports: Record<string, SelectFileReport> = {};
  for (const file of files) {
    const outFile = outputPath(file, values.out, files.length, format);
    let report: SelectFileReport;
    try {
      report = await selectFile(file, { ...settings, criteria, format, outFile, onIssue: (i) => console.error(formatIssue(i)) });
    } catch (err) {
      if (err instanceof BaselineError || err instanceof CriteriaError) {
        console.error(err.message);
        return EXIT.error;
      }
      throw err;
    }
    reports[file] = report;
    if (!values.json) printSummary(report);
  }
  const payload = files.length === 1 ? reports[files[0]!] : reports;
  if (values.json) console.log(JSON.stringify(payload, null, 2));
  if (values.report) await writeFileAtomic(path.resolve(values.report), JSON.stringify(payload, null, 2) + '\n');
  return EXIT.ok;
}

function criteriaOf(values: Record<string, string | string[] | boolean | undefined>): SelectCriteria {
  const str = (k: string) => values[k] as string | undefined;
  const list = (k: string) => {
    const v = values[k] as string | string[] | undefined;
    if (v === undefined) return undefined;
    return (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
  };
  const num = (k: string) => {
    const v = str(k);
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isFinite(n)) throw new UsageError(`--${k} must be a number (got "${v}")`);
    return n;
  };
  try {
    const c: SelectCriteria = {};
    const valueMin = num('value-min');
    const selectionMin = num('selection-min');
    const top = num('top');
    if (valueMin !== undefined) c.valueMin = valueMin;
    if (selectionMin !== undefined) c.selectionMin = selectionMin;
    if (top !== undefined) c.topPercent = top;
    const rankBy = str('rank-by');
    if (rankBy !== undefined) {
      if (rankBy !== 'selection' && rankBy !== 'value') throw new UsageError(`--rank-by must be selection or value (got "${rankBy}")`);
      c.rankBy = rankBy;
    }
    const include = list('include');
    const exclude = list('exclude');
    if (include) c.includeTags = include.map(parseTagRef);
    if (exclude) c.excludeTags = exclude.map(parseTagRef);
    const difficulty = list('difficulty');
    if (difficulty) c.difficulty = difficulty;
    const thinking = str('thinking');
    if (thinking !== undefined) {
      if (!['slow', 'fast', 'mixed'].includes(thinking)) throw new UsageError(`--thinking must be slow, fast or mixed (got "${thinking}")`);
      c.thinkingMode = thinking as 'slow' | 'fast' | 'mixed';
    }
    const flags = list('flags');
    const excludeFlags = list('exclude-flags');
    if (flags) c.requireFlags = flags;
    if (excludeFlags) c.excludeFlags = excludeFlags;
    const quota = str('quota');
    if (quota !== undefined) c.quota = parseQuota(quota, intFlag(str('seed'), 'seed', 0, 2 ** 32 - 1) ?? 42);
    if (values['include-unscored']) c.includeUnscored = true;
    return c;
  } catch (err) {
    if (err instanceof CriteriaError) throw new UsageError(err.message);
    throw err;
  }
}

function outputPath(file: string, out: string | undefined, fileCount: number, format: 'original' | 'scored'): string {
  const stem = path.basename(file).replace(/\.(jsonl|json)$/i, '');
  const ext = path.extname(file) || '.jsonl';
  const name = format === 'original' ? `${stem}_selected${ext}` : `${stem}_selected.scored.jsonl`;
  if (!out) return path.join(path.dirname(path.resolve(file)), name);
  return fileCount === 1 ? path.resolve(out) : path.join(path.resolve(out), name);
}

function printSummary(r: SelectFileReport): void {
  const pct = (n: number, d: number) => (d ? `${((n / d) * 100).toFixed(1)}%` : '-');
  console.log(`\n${r.input_file}`);
  console.log(
    `  kept ${r.units_kept} of ${r.units_total} rows (${r.units_scored} scored, ${r.units_after_filters} after tag/flag filters), ` +
      `${r.samples_kept} replies, mean value ${r.mean_value_kept ?? '-'} -> ${r.output_file}`,
  );
  if (r.quota) console.log(`  quota ${r.quota.dim}=${r.quota.per_tag} (seed ${r.quota.seed}): ${r.quota.kept} of ${r.quota.candidates} candidates`);
  const dims = DIMENSIONS.filter((d) => r.kept_coverage.by_dimension[d].total > 0);
  console.log(`  coverage of the tags of all scored rows:`);
  console.log(`    ${'value>='.padEnd(9)}${'rows'.padStart(7)}${'share'.padStart(8)}  ${dims.map((d) => d.slice(0, 10).padStart(11)).join('')}`);
  const line = (label: string, c: SelectFileReport['kept_coverage']) =>
    `    ${label.padEnd(9)}${String(c.retained_units).padStart(7)}${pct(c.retained_units, r.units_scored).padStart(8)}  ${dims
      .map((d) => `${c.by_dimension[d].covered}/${c.by_dimension[d].total}`.padStart(11))
      .join('')}`;
  for (const [t, c] of Object.entries(r.coverage_at_thresholds)) console.log(line(t, c));
  console.log(line('kept', r.kept_coverage));
  if (r.kept_coverage.tags_lost.length) console.log(`  tags lost by the selection: ${r.kept_coverage.tags_lost.join(', ')}`);
}
