import { strict as assert } from 'node:assert';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  FILE_LEVEL_ROW, formatIssue, indexText, isDatasetFile, listDatasetFiles, readDataset,
} from '../../../../src/core/dataset/read';
import { AbortedError } from '../../../../src/core/util/abort';
import { readAll, tempDir } from './helpers';

const SHARED = '/work/shared/data';
const row = (q: string, a = 'answer') => JSON.stringify({ conversations: [{ from: 'human', value: q }, { from: 'gpt', value: a }] });

describe('core/dataset/read', () => {
  const tmp = tempDir();
  after(() => tmp.cleanup());

  describe('the shared datasets', () => {
    // Replies counted independently of our reader (python over the raw files).
    const expected: Record<string, { items: number; samples: number; slow: number; format?: string; warnings?: number; uniqueSamples?: number }> = {
      'fastchat_dummy_conversation.json': { items: 500, samples: 1000, slow: 0, format: 'sharegpt', uniqueSamples: 834 },
      'sftlabel_conversation_duplicate_source_id.json': { items: 4, samples: 0, slow: 0, warnings: 4 },
      'sftlabel_multiturn_regressions.json': { items: 3, samples: 10, slow: 0, format: 'sharegpt' },
      'sftlabel_nemotron_selection_regression.json': { items: 5, samples: 5, slow: 0, format: 'sftlabel_record' },
      'sftlabel_pangu_test_samples.jsonl': { items: 12, samples: 18, slow: 13, format: 'pangu' },
      'sftlabel_smoke_test.json': { items: 5, samples: 7, slow: 0, format: 'sharegpt' },
      'sftlabel_smoke_test_value.json': { items: 5, samples: 6, slow: 2, format: 'sharegpt' },
    };

    for (const [name, want] of Object.entries(expected)) {
      it(`reads ${name}`, async () => {
        const file = join(SHARED, name);
        const bytes = readFileSync(file);
        const items = await readAll(file);
        assert.equal(items.length, want.items);
        const samples = items.flatMap((i) => i.samples);
        assert.equal(samples.length, want.samples);
        assert.equal(samples.filter((s) => s.thinkingMode === 'slow').length, want.slow);
        const issues = items.flatMap((i) => i.issues);
        assert.ok(issues.every((i) => i.severity === 'warning'), issues.map(formatIssue).join('\n'));
        assert.equal(issues.length, want.warnings ?? 0);
        for (const item of items) {
          if (want.format) assert.equal(item.conversation?.format, want.format);
          JSON.parse(bytes.subarray(item.source.byteStart, item.source.byteEnd).toString('utf8'));
        }
        // Ids are content hashes: equal ids must mean equal content (fastchat repeats some conversations).
        const byId = new Map<string, unknown>();
        for (const s of samples) {
          const content = JSON.stringify({ turns: s.turns, tools: s.tools });
          assert.equal(byId.get(s.id) ?? content, content);
          byId.set(s.id, content);
        }
        assert.equal(byId.size, want.uniqueSamples ?? want.samples);
      });
    }

    it('keeps the Pangu packed rows whole and the rest sliced', async () => {
      const items = await readAll(join(SHARED, 'sftlabel_pangu_test_samples.jsonl'));
      const packed = items.filter((i) => i.conversation?.packed).map((i) => i.conversation?.rowId);
      assert.deepEqual(packed, ['pangu-004', 'pangu-010', 'pangu-012']);
      const six = items.find((i) => i.conversation?.rowId === 'pangu-006');
      assert.deepEqual(six?.samples.map((s) => s.displayId), ['pangu-006_t1', 'pangu-006_t2', 'pangu-006_t3']);
      assert.ok(items.every((i) => i.conversation?.turns.every((t) => !/\[unused\d+\]|\/no_think/.test(t.text))));
    });

    it('gives the duplicate-source-id records their own line numbers', async () => {
      const items = await readAll(join(SHARED, 'sftlabel_conversation_duplicate_source_id.json'));
      assert.deepEqual(items.map((i) => i.source.line), [2, 13, 24, 35]);
      assert.deepEqual(items.map((i) => i.issues[0].code), ['no-conversation', 'no-conversation', 'no-conversation', 'no-conversation']);
    });
  });

  describe('bad input', () => {
    it('reports an invalid line in the middle with file, line and column, and reads the rest', async () => {
      const lines = [row('one'), row('two'), '  {"conversations": 1 "x"}', row('four'), '{"conversations": [oops', row('six')];
      const items = await readAll(tmp.write('mid.jsonl', lines.join('\n') + '\n'));
      assert.equal(items.length, 6);
      assert.deepEqual(items.map((i) => i.samples.length), [1, 1, 0, 1, 0, 1]);
      const [problem] = items[2].issues;
      assert.deepEqual([problem.severity, problem.code, problem.line, problem.column], ['error', 'invalid-json', 3, 23]);
      assert.match(formatIssue(problem), /mid\.jsonl:3:23: invalid JSON: Expected ',' or '}' after property value$/);
      // When JSON.parse gives no position there is no column, but the line is still right.
      const [noPosition] = items[4].issues;
      assert.deepEqual([noPosition.code, noPosition.line, noPosition.column], ['invalid-json', 5, undefined]);
      assert.deepEqual(items.map((i) => i.source.line), [1, 2, 3, 4, 5, 6]);
    });

    it('points a parse error inside a pretty-printed record at the right line', async () => {
      const file = tmp.write('pretty-bad.json', '[\n  {"conversations": []},\n  {\n    "a": 1,\n    "b": 2,,\n    "c": 3\n  }\n]\n');
      const items = await readAll(file);
      const [problem] = items[1].issues;
      assert.equal(items[1].source.line, 3);
      assert.deepEqual([problem.code, problem.line, problem.column], ['invalid-json', 5, 12]);
    });

    it('reads an unknown format as an error naming the file and line', async () => {
      const file = tmp.write('file.jsonl', Array.from({ length: 11 }, (_, i) => row(`q${i}`)).join('\n') + '\n{"foo": 1, "bar": 2}\n');
      const items = await readAll(file);
      assert.equal(formatIssue(items[11].issues[0]), `${file}:12: unknown row format (keys: foo, bar); expected conversations, messages, data or instruction/output`);
    });

    it('warns about an empty file with a file-level item', async () => {
      const items = await readAll(tmp.write('empty.jsonl', ''));
      assert.equal(items.length, 1);
      assert.equal(items[0].source.rowIndex, FILE_LEVEL_ROW);
      assert.deepEqual(items[0].issues.map((i) => [i.severity, i.code, i.line]), [['warning', 'empty-file', 1]]);
    });

    it('reports a truncated array at the line where the cut record starts', async () => {
      const items = await readAll(tmp.write('cut.json', `[\n  ${row('a')},\n  {"conversations": [\n    {"from": "human"`));
      assert.equal(items.length, 2);
      assert.equal(items[0].samples.length, 1);
      assert.deepEqual(items[1].issues.map((i) => [i.severity, i.code, i.line]), [['error', 'truncated', 3]]);
    });

    it('warns about rows without a reply', async () => {
      const items = await readAll(tmp.write('noreply.jsonl', JSON.stringify({ conversations: [{ from: 'human', value: 'q' }] }) + '\n'));
      assert.deepEqual(items[0].issues.map((i) => [i.severity, i.code]), [['warning', 'no-reply']]);
      assert.ok(items[0].conversation);
    });

    it('attaches a layout warning to the record where it was noticed', async () => {
      const items = await readAll(tmp.write('lines.json', `${row('a')}\n${row('b')}\n`));
      assert.deepEqual(items.map((i) => i.issues.map((p) => p.code)), [[], ['jsonl-in-json']]);
    });
  });

  describe('layout details', () => {
    it('reads BOM and CRLF files with the right lines and byte ranges', async () => {
      const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${row('é')}\r\n\r\n${row('二')}\r\n`)]);
      const file = tmp.write('bom-crlf.jsonl', bytes);
      const items = await readAll(file);
      assert.deepEqual(items.map((i) => i.source.line), [1, 3]);
      assert.deepEqual(items.map((i) => i.conversation?.turns[0].text), ['é', '二']);
      for (const item of items) assert.equal(bytes.subarray(item.source.byteStart, item.source.byteEnd).toString(), row(item.conversation?.turns[0].text ?? ''));
    });

    it('maps pretty-printed array elements to exact lines and bytes, even across tiny chunks', async () => {
      const rows = [
        { id: 'a', conversations: [{ from: 'human', value: 'q ] } "x"' }, { from: 'gpt', value: 'a' }] },
        { id: 'b', messages: [{ role: 'user', content: 'ü'.repeat(50) }, { role: 'assistant', content: 'b' }] },
        { id: 'c', instruction: 'i', output: 'o' },
      ];
      const text = JSON.stringify(rows, null, 2) + '\n';
      const bytes = Buffer.from(text);
      const file = tmp.write('pretty.json', text);
      const lines = text.split('\n');
      for (const chunkBytes of [7, 64, 1 << 20]) {
        const items = await readAll(file, { chunkBytes });
        assert.deepEqual(items.map((i) => i.conversation?.rowId), ['a', 'b', 'c']);
        items.forEach((item, k) => {
          assert.deepEqual(JSON.parse(bytes.subarray(item.source.byteStart, item.source.byteEnd).toString()), rows[k]);
          assert.equal(lines[item.source.line - 1], '  {');
          assert.equal(lines[item.source.endLine - 1], '  }' + (k < 2 ? ',' : ''));
          assert.equal(item.source.rowIndex, k);
        });
      }
    });

    it('reads a record much larger than the read size', async () => {
      const big = row('x'.repeat(2_000_000));
      const file = tmp.write('big.jsonl', `${row('small')}\n${big}\n${row('after')}\n`);
      const items = await readAll(file, { chunkBytes: 4096 });
      assert.equal(items.length, 3);
      assert.equal(items[1].conversation?.turns[0].text.length, 2_000_000);
      assert.equal(items[2].source.line, 3);
    });
  });

  describe('cancellation', () => {
    it('stops between records of the same chunk when the signal aborts', async () => {
      const file = tmp.write('many.jsonl', Array.from({ length: 100 }, (_, i) => row(`q${i}`)).join('\n'));
      const controller = new AbortController();
      let seen = 0;
      await assert.rejects(async () => {
        for await (const _item of readDataset(file, { signal: controller.signal })) {
          seen++;
          if (seen === 3) controller.abort();
        }
      }, AbortedError);
      assert.equal(seen, 3);
    });

    it('does not start when the signal is already aborted', async () => {
      const file = tmp.write('one.jsonl', row('q'));
      await assert.rejects(readAll(file, { signal: AbortSignal.abort() }), AbortedError);
    });
  });

  describe('indexText', () => {
    it('gives UTF-16 offsets that cut each record out of the string', () => {
      const text = '\ufeff' + JSON.stringify([{ id: '😀', conversations: [{ from: 'human', value: '二' }, { from: 'gpt', value: 'é' }] }, { id: 'b', instruction: 'q', output: 'a' }], null, 1);
      const items = indexText(text, 'doc.json');
      assert.equal(items.length, 2);
      for (const item of items) {
        const parsed = JSON.parse(text.slice(item.charStart, item.charEnd));
        assert.equal(parsed.id, item.conversation?.rowId);
      }
      assert.ok(items[0].charStart < items[0].charEnd && items[0].charEnd < items[1].charStart);
    });

    it('uses the file name for the layout hint and the issue location', () => {
      const items = indexText(`${row('a')}\nnot json\n`, 'notes.jsonl');
      assert.equal(items.length, 2);
      assert.equal(items[1].issues[0].file, 'notes.jsonl');
      assert.equal(items[1].issues[0].line, 2);
      assert.equal(indexText('', 'x.json')[0].issues[0].code, 'empty-file');
    });
  });

  describe('finding files', () => {
    it('accepts .json and .jsonl but not macOS resource forks', () => {
      assert.ok(isDatasetFile('a/b.json'));
      assert.ok(isDatasetFile('a/b.JSONL'));
      assert.ok(!isDatasetFile('a/._b.json'));
      assert.ok(!isDatasetFile('a/b.txt'));
      assert.ok(!isDatasetFile('a/b.json.bak'));
    });

    it('lists dataset files recursively in relative-path order, skipping tool folders', async () => {
      const root = tmp.path('tree');
      for (const dir of ['sub/deeper', 'node_modules/x', '.git', '.sft-labels', 'b']) mkdirSync(join(root, dir), { recursive: true });
      const files = ['z.jsonl', 'a.json', 'sub/b.json', 'sub/deeper/c.jsonl', 'b/a.json', 'node_modules/x/n.json', '.git/g.json', '.sft-labels/l.jsonl', '._hidden.json', 'notes.txt'];
      for (const f of files) tmp.write(join('tree', f), '{}');
      const listed = await listDatasetFiles(root);
      assert.deepEqual(listed.map((p) => p.slice(root.length + 1)), ['a.json', 'b/a.json', 'sub/b.json', 'sub/deeper/c.jsonl', 'z.jsonl']);
      assert.deepEqual(await listDatasetFiles(join(root, 'a.json')), [join(root, 'a.json')]);
      assert.deepEqual(await listDatasetFiles(join(root, 'notes.txt')), []);
    });
  });
});
