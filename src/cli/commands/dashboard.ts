import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { DashboardData, taxonomyPool } from '../../core/dashboard/dashboardData';
import { DEFAULT_CONVERSATION_LIMIT, writeReport } from '../../core/dashboard/exportReport';
import { loadTaxonomy } from '../../core/taxonomy/load';
import { formatProblem } from '../../core/taxonomy/validate';
import { EXIT, intFlag, parse, UsageError } from '../args';
import { formatIssue } from './shared';

export const dashboardHelp = `Usage: sft-labeler dashboard <file|folder> [--out report.html] [options]

Write the dashboard of a labeled dataset file or folder as one self-contained HTML file: the same
sections and sample explorer as the editor's dashboard, readable from file:// with no server and
no network. A folder covers every dataset file under it; JSON files without conversations that were
never labeled (configs, manifests) are left out.

  --out FILE            where to write the report (default: <file>.dashboard.html beside the file,
                        or dashboard.html inside the folder)
  --taxonomy PATH       taxonomy to measure tag coverage against (default: the bundled one)
  --conversations N     embed conversations when the scope has at most N samples (default ${DEFAULT_CONVERSATION_LIMIT};
                        0: never). Bigger reports show labels, scores and excerpts only.
  --json                print the summary as JSON instead of writing a report`;

function defaultOut(target: string, isDir: boolean): string {
  if (isDir) return path.join(target, 'dashboard.html');
  return path.join(path.dirname(target), `${path.basename(target).replace(/\.(jsonl|json)$/i, '')}.dashboard.html`);
}

export async function dashboardCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    out: { type: 'string' },
    taxonomy: { type: 'string' },
    conversations: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (positionals.length !== 1) throw new UsageError('Give one dataset file or folder.');
  const target = path.resolve(positionals[0]!);
  let isDir: boolean;
  try {
    isDir = (await fs.stat(target)).isDirectory();
  } catch {
    throw new UsageError(`No such file or folder: ${positionals[0]}`);
  }
  const conversationLimit = intFlag(values.conversations, 'conversations', 0, 10_000_000);

  const { taxonomy, problems } = await loadTaxonomy(values.taxonomy);
  for (const p of problems) console.error(formatProblem(p));
  if (!taxonomy) console.error('The taxonomy has errors: the report will not show tag coverage.');

  const started = Date.now();
  const data = await DashboardData.load(
    { kind: isDir ? 'folder' : 'file', paths: [target] },
    {
      pool: taxonomy ? taxonomyPool(taxonomy) : undefined,
      onIssue: (i) => console.error(formatIssue(i)),
      onProgress: (done, total, samples) => {
        if (!values.json && process.stderr.isTTY) process.stderr.write(`\rReading ${done}/${total} files, ${samples} samples`);
      },
    },
  );
  if (!values.json && process.stderr.isTTY) process.stderr.write('\n');
  if (data.scope.files.length === 0) {
    console.error(`No .json or .jsonl files in ${positionals[0]}`);
    return EXIT.error;
  }
  const summary = data.summary();
  if (values.json) {
    console.log(JSON.stringify(summary, null, 2));
    return EXIT.ok;
  }
  const out = path.resolve(values.out ?? defaultOut(target, isDir));
  const bytes = await writeReport(data, out, { conversationLimit });
  const o = summary.overview;
  console.log(
    `${out}: ${data.scope.files.length} file(s), ${o.samples} samples, ${o.labeled} labeled, ${o.scored} scored; ` +
      `${(bytes / 1024 / 1024).toFixed(1)} MB in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return EXIT.ok;
}
