/**
 * Synthetic benchmark data for the dataset reader: mixed ShareGPT, OpenAI `messages` and Pangu rows, multi-turn,
 * with code fences, reasoning, tool calls and some non-ASCII text, so the reader does its real work per row.
 * Deterministic (seeded), so repeated runs measure the same bytes.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, rename, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { seededRandom } from '../src/core/util/prng';


const WORDS = (
  'the a function returns list value error file test parser request cache index async await module type ' +
  'performance memory thread buffer stream query database schema migration deploy container network retry ' +
  'timeout config option default user input output result because however therefore instead first then'
).split(' ');
const CJK = '数据结构算法优化内存线程缓存数据库查询错误测试函数模块类型网络容器部署配置'.split('');
const CODE = [
  'def quicksort(xs):\n    if len(xs) <= 1:\n        return xs\n    pivot = xs[len(xs) // 2]\n    return quicksort([x for x in xs if x < pivot]) + [x for x in xs if x == pivot] + quicksort([x for x in xs if x > pivot])',
  'async function fetchAll(urls) {\n  const results = await Promise.all(urls.map((u) => fetch(u).then((r) => r.json())));\n  return results.filter(Boolean);\n}',
  'fn longest<\'a>(x: &\'a str, y: &\'a str) -> &\'a str {\n    if x.len() > y.len() { x } else { y }\n}',
  'SELECT category, SUM(amount) AS total\nFROM sales\nWHERE month = \'2024-05\'\nGROUP BY category\nORDER BY total DESC;',
];
const LANGS = ['python', 'javascript', 'rust', 'sql'];

class Writer {
  constructor(readonly random: () => number) {}

  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  sentence(words: number): string {
    const out: string[] = [];
    for (let i = 0; i < words; i++) out.push(WORDS[this.int(0, WORDS.length - 1)]);
    return out.join(' ') + '.';
  }

  cjk(chars: number): string {
    let s = '';
    for (let i = 0; i < chars; i++) s += CJK[this.int(0, CJK.length - 1)];
    return s + '。';
  }

  paragraph(): string {
    return this.random() < 0.2 ? this.cjk(this.int(20, 80)) : this.sentence(this.int(15, 60));
  }

  reply(): string {
    const parts = [this.paragraph()];
    if (this.random() < 0.6) {
      const k = this.int(0, CODE.length - 1);
      parts.push('```' + LANGS[k] + '\n' + CODE[k] + '\n```');
    }
    for (let i = this.int(1, 4); i > 0; i--) parts.push(this.paragraph());
    return parts.join('\n\n');
  }
}

function shareGpt(w: Writer, n: number): object {
  const conversations: object[] = [];
  if (w.random() < 0.3) conversations.push({ from: 'system', value: w.sentence(12) });
  for (let t = 0; t < n; t++) {
    conversations.push({ from: 'human', value: w.paragraph() });
    const think = w.random() < 0.3 ? `<think>${w.sentence(40)}</think>\n\n` : '';
    conversations.push({ from: 'gpt', value: think + w.reply() });
  }
  return { id: `sg-${n}-${w.int(0, 1e9)}`, conversations };
}

function messages(w: Writer, n: number): object {
  const msgs: object[] = [{ role: 'system', content: w.sentence(10) }];
  for (let t = 0; t < n; t++) {
    msgs.push({ role: 'user', content: w.paragraph() });
    if (w.random() < 0.25) {
      msgs.push({
        role: 'assistant', content: null,
        tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'run_code', arguments: JSON.stringify({ code: CODE[w.int(0, 3)] }) } }],
      });
      msgs.push({ role: 'tool', name: 'run_code', content: w.sentence(20) });
    }
    const turn: Record<string, unknown> = { role: 'assistant', content: w.reply() };
    if (w.random() < 0.4) turn.reasoning_content = w.sentence(50);
    msgs.push(turn);
  }
  return { messages: msgs, tools: [{ type: 'function', function: { name: 'run_code', parameters: { type: 'object' } } }] };
}

function pangu(w: Writer, n: number): object {
  const data: object[] = [];
  for (let t = 0; t < n; t++) {
    data.push({ role: 'user', content: w.paragraph() + (w.random() < 0.5 ? ' /no_think' : '') });
    data.push({ role: 'assistant', content: `[unused16]${w.random() < 0.5 ? w.cjk(40) : ''}[unused17]${w.reply()}` });
  }
  return { id: `pg-${w.int(0, 1e9)}`, meta_prompt: [w.cjk(12)], data };
}

/** Writes about `mb` megabytes of JSONL to `path` (through a temp file, so a killed run leaves no half file). */
export async function generateIndexData(path: string, mb: number, seed = 42): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.partial`;
  const out = createWriteStream(temp);
  const w = new Writer(seededRandom(seed));
  const target = mb * 1024 * 1024;
  let written = 0;
  let batch: string[] = [];
  while (written < target) {
    const n = w.int(1, 6);
    const kind = w.random();
    const row = kind < 0.45 ? shareGpt(w, n) : kind < 0.8 ? messages(w, n) : pangu(w, n);
    const line = JSON.stringify(row) + '\n';
    written += Buffer.byteLength(line);
    batch.push(line);
    if (batch.length === 500) {
      if (!out.write(batch.join(''))) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      batch = [];
    }
  }
  out.end(batch.join(''));
  await new Promise<void>((resolve, reject) => out.on('finish', resolve).on('error', reject));
  await rename(temp, path);
}

/** Generates the file only when it is not there yet. */
export async function ensureIndexData(path: string, mb: number): Promise<void> {
  const existing = await stat(path).catch(() => undefined);
  if (existing?.isFile()) return;
  await generateIndexData(path, mb);
}
