import { exportLabels } from '../../core/export/exportLabels';
import { defaultExportDir } from '../../core/store/paths';
import * as path from 'node:path';
import { EXIT, parse, UsageError } from '../args';
import { datasetFilesOf, formatIssue } from './shared';

export const exportHelp = `Usage: sft-labeler export <file|folder>... [--out DIR] [--format json|jsonl|both] [--all]

Write sft-label-compatible outputs for each dataset: labeled.json and/or labeled.jsonl, monitor.jsonl,
failed_samples.jsonl and stats_labeling.json. Default folder: <dir>/<name>_labeled/ next to the dataset
(with several datasets and --out, one sub-folder per dataset).

  --format   json, jsonl or both (default both)
  --all      include samples that were never labeled (without labels)`;

export async function exportCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { out: { type: 'string' }, format: { type: 'string' }, all: { type: 'boolean' } });
  const format = (values.format ?? 'both') as 'json' | 'jsonl' | 'both';
  if (!['json', 'jsonl', 'both'].includes(format)) throw new UsageError(`--format must be json, jsonl or both`);
  const files = await datasetFilesOf(positionals);
  for (const file of files) {
    const outDir = values.out
      ? files.length === 1
        ? path.resolve(values.out)
        : path.join(path.resolve(values.out), path.basename(file).replace(/\.(jsonl|json)$/i, ''))
      : defaultExportDir(file);
    const result = await exportLabels(file, {
      outDir,
      format,
      includeUnlabeled: values.all,
      onIssue: (i) => console.error(formatIssue(i)),
    });
    console.log(`${file}: ${result.exported} samples exported (${result.failed} failed) -> ${outDir}`);
  }
  return EXIT.ok;
}
