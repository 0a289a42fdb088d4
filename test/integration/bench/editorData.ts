// The editor benchmark's dataset: 20,000 conversations in about 40 MB of JSONL, generated deterministically
// and labeled once by the core's heuristic labeler (so every lens and hover has a record to show).
import { existsSync, mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { labelFile } from '../../../src/core/run/labelFile';
import { loadTaxonomy } from '../../../src/core/taxonomy/load';
import { seededRandom } from '../../../src/core/util/prng';

/** What the benchmark opens. */
export interface EditorBenchData {
  /** Folder opened as the workspace (holds the dataset and its `.sft-labels/`). */
  dir: string;
  file: string;
  bytes: number;
  conversations: number;
  samples: number;
}

const CONVERSATIONS = 20_000;
const TARGET_BYTES = 40 * 1024 * 1024;
const LANGUAGES = ['Python', 'TypeScript', 'Rust', 'Go', 'Java', 'SQL', 'C++', 'Bash'];
const TASKS = ['parse a CSV file', 'debounce an event handler', 'retry an HTTP request', 'merge two sorted lists', 'validate an email address', 'cache query results'];


/** One row of about `bytes` bytes; every fourth row has two replies. */
function row(i: number, random: () => number, bytes: number): string {
  const language = LANGUAGES[Math.floor(random() * LANGUAGES.length)]!;
  const task = TASKS[Math.floor(random() * TASKS.length)]!;
  const filler = `Step ${i}: keep the function small, name things for what they hold, and test the edge cases. `;
  const body = (n: number) => `Here is how to ${task} in ${language}:\n\n\`\`\`\n// ${language} ${i}\nfunction solve(input) { return input; }\n\`\`\`\n${filler.repeat(Math.max(1, Math.round(n / filler.length)))}`;
  const turns =
    i % 4 === 0
      ? [
          { from: 'human', value: `How do I ${task} in ${language}? (#${i})` },
          { from: 'gpt', value: body(bytes / 2 - 300) },
          { from: 'human', value: 'Can you make it handle empty input too?' },
          { from: 'gpt', value: body(bytes / 2 - 300) },
        ]
      : [
          { from: 'human', value: `How do I ${task} in ${language}? (#${i})` },
          { from: 'gpt', value: body(bytes - 300) },
        ];
  return JSON.stringify({ id: `bench-${i}`, conversations: turns });
}

/** Generates the dataset (once, cached under `cacheDir`) and labels it with the heuristic labeler. */
export async function ensureEditorBenchData(cacheDir: string, log: (line: string) => void): Promise<EditorBenchData> {
  const dir = join(cacheDir, 'editor-v2');
  const file = join(dir, 'editor-40mb.jsonl');
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    log(`generating ${file}`);
    const random = seededRandom(20_000);
    const perRow = Math.round(TARGET_BYTES / CONVERSATIONS);
    const lines: string[] = [];
    for (let i = 0; i < CONVERSATIONS; i++) lines.push(row(i, random, perRow));
    writeFileSync(`${file}.tmp`, `${lines.join('\n')}\n`);
    renameSync(`${file}.tmp`, file);
  }
  const { taxonomy } = await loadTaxonomy();
  if (!taxonomy) throw new Error('the bundled taxonomy does not load');
  const started = Date.now();
  const result = await labelFile({ file, taxonomy, labeler: { kind: 'heuristic' }, concurrency: 8 });
  if (result.status !== 'done' || result.progress.failed > 0) throw new Error(`labeling the benchmark data ended ${result.status}`);
  log(`labels: ${result.progress.done} new, ${result.progress.skipped} already there (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return { dir, file, bytes: statSync(file).size, conversations: CONVERSATIONS, samples: result.progress.total };
}
