import { strict as assert } from 'node:assert';
import { containerHintFor, type RecordSpan, type ScanEvent, type ScanNotice } from '../../../../src/core/dataset/scan';
import { scanInChunks } from './helpers';

const records = (events: ScanEvent[]) => events.filter((e): e is RecordSpan => e.kind === 'record');
const notices = (events: ScanEvent[]) => events.filter((e): e is ScanNotice => e.kind === 'notice');

/** Every span's bytes must be exactly its text, and parse to the expected values. */
function assertSpans(bytes: Buffer, events: ScanEvent[], expected: unknown[]): void {
  const spans = records(events);
  assert.deepEqual(spans.map((s) => JSON.parse(s.text)), expected);
  for (const span of spans) {
    assert.equal(bytes.subarray(span.byteStart, span.byteEnd).toString('utf8'), span.text);
  }
  assert.deepEqual(spans.map((s) => s.rowIndex), expected.map((_, i) => i));
}

const CHUNK_SIZES = [0, 1, 2, 3, 5, 16, 64];

describe('core/dataset/scan', () => {
  it('picks the hint from the extension', () => {
    assert.equal(containerHintFor('a/b.jsonl'), 'jsonl');
    assert.equal(containerHintFor('a/b.JSONL'), 'jsonl');
    assert.equal(containerHintFor('a/b.json'), 'json');
  });

  describe('JSON Lines', () => {
    it('yields one span per non-blank line with 1-based lines, whatever the chunk size', () => {
      const bytes = Buffer.from('{"a":1}\n\n  {"b":"é"}  \n{"c":3}');
      for (const chunk of CHUNK_SIZES) {
        const events = scanInChunks(bytes, 'jsonl', chunk);
        assertSpans(bytes, events, [{ a: 1 }, { b: 'é' }, { c: 3 }]);
        assert.deepEqual(records(events).map((s) => [s.line, s.endLine, s.column]), [[1, 1, 1], [3, 3, 3], [4, 4, 1]]);
        assert.deepEqual(notices(events), []);
      }
    });

    it('strips CRLF line ends and a UTF-8 BOM', () => {
      const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":1}\r\n\r\n{"b":2}\r\n')]);
      for (const chunk of CHUNK_SIZES) {
        const events = scanInChunks(bytes, 'jsonl', chunk);
        assertSpans(bytes, events, [{ a: 1 }, { b: 2 }]);
        assert.equal(records(events)[0].byteStart, 3);
        assert.deepEqual(records(events).map((s) => s.line), [1, 3]);
      }
    });

    it('keeps a bad line to itself', () => {
      const events = scanInChunks(Buffer.from('{"a":1}\n{"b": \n{"c":3}\n'), 'jsonl', 4);
      assert.deepEqual(records(events).map((s) => s.text), ['{"a":1}', '{"b":', '{"c":3}']);
    });

    it('accumulates a line far larger than the chunk', () => {
      const big = { text: 'x'.repeat(300_000) + '"\\' };
      const bytes = Buffer.from(`{"small":1}\n${JSON.stringify(big)}\n{"after":2}\n`);
      const events = scanInChunks(bytes, 'jsonl', 1024);
      assertSpans(bytes, events, [{ small: 1 }, big, { after: 2 }]);
    });

    it('reads a .json file that holds JSON Lines, with a warning at the second record', () => {
      const events = scanInChunks(Buffer.from('{"a":1}\n{"b":2}\n'), 'json');
      const [notice] = notices(events);
      assert.equal(notice.code, 'jsonl-in-json');
      assert.equal(notice.severity, 'warning');
      assert.equal(notice.line, 2);
      assert.equal(records(events).length, 2);
    });

    it('reads .jsonl rows that are lists line by line (each is then reported on its own)', () => {
      const bytes = Buffer.from('[{"role":"user"}]\n{"a":1}\n[2]\n');
      for (const chunk of CHUNK_SIZES) {
        const events = scanInChunks(bytes, 'jsonl', chunk);
        assertSpans(bytes, events, [[{ role: 'user' }], { a: 1 }, [2]]);
        assert.deepEqual(notices(events), []);
      }
    });

    it('takes a single one-line object in a .json file without complaint', () => {
      const events = scanInChunks(Buffer.from('{"a":[1,{"b":"}"}]}\n'), 'json', 2);
      assert.deepEqual(notices(events), []);
      assert.deepEqual(records(events).map((s) => JSON.parse(s.text)), [{ a: [1, { b: '}' }] }]);
    });
  });

  describe('JSON documents', () => {
    const pretty = Buffer.from(
      '[\n  {\n    "id": "a",\n    "text": "brackets ] } [ { and \\"quotes\\" and \\\\"\n  },\n  {"id": "b"},\n\n  {\n    "id": "c"\n  }\n]\n',
    );

    it('splits a pretty-printed array into elements with exact lines and byte ranges', () => {
      for (const chunk of CHUNK_SIZES) {
        const events = scanInChunks(pretty, 'json', chunk);
        assertSpans(pretty, events, [
          { id: 'a', text: 'brackets ] } [ { and "quotes" and \\' },
          { id: 'b' },
          { id: 'c' },
        ]);
        assert.deepEqual(records(events).map((s) => [s.line, s.endLine, s.column]), [[2, 5, 3], [6, 6, 3], [8, 10, 3]]);
        assert.deepEqual(notices(events), []);
      }
    });

    it('handles escapes that straddle chunk boundaries', () => {
      const values = [{ s: '\\' }, { s: '\\"' }, { s: '"\\\\"' }, { s: 'a\\\\\\"b' }];
      const bytes = Buffer.from(JSON.stringify(values));
      for (let chunk = 1; chunk <= 12; chunk++) assertSpans(bytes, scanInChunks(bytes, 'json', chunk), values);
    });

    it('reads a single pretty-printed object as one record', () => {
      const bytes = Buffer.from('\ufeff{\n  "conversations": []\n}\n');
      const events = scanInChunks(bytes, 'json', 3);
      assertSpans(bytes, events, [{ conversations: [] }]);
      assert.deepEqual([records(events)[0].line, records(events)[0].endLine], [1, 3]);
      assert.deepEqual(notices(events), []);
    });

    it('reads several pretty-printed top-level objects, with a warning', () => {
      const bytes = Buffer.from('{\n "a": 1\n}\n{\n "b": 2\n}\n');
      const events = scanInChunks(bytes, 'json', 4);
      assertSpans(bytes, events, [{ a: 1 }, { b: 2 }]);
      assert.deepEqual(notices(events).map((n) => [n.code, n.line]), [['multiple-top-level', 4]]);
    });

    it('reads a pretty-printed array in a .jsonl file, with a warning', () => {
      const events = scanInChunks(pretty, 'jsonl');
      assert.equal(records(events).length, 3);
      assert.deepEqual(notices(events).map((n) => n.code), ['json-in-jsonl']);
    });

    it('reads a minified single-line array element by element', () => {
      const bytes = Buffer.from('[{"a":1},{"b":[2,3]}, 4, "x"]');
      for (const chunk of CHUNK_SIZES) assertSpans(bytes, scanInChunks(bytes, 'json', chunk), [{ a: 1 }, { b: [2, 3] }, 4, 'x']);
    });

    it('reports a record cut off by the end of the file at the line where it starts', () => {
      const events = scanInChunks(Buffer.from('[\n  {"a": 1},\n  {"b": "unterminated\n'), 'json', 5);
      const spans = records(events);
      assert.equal(spans.length, 2);
      assert.equal(spans[1].truncated, true);
      assert.equal(spans[1].line, 3);
      assert.deepEqual(notices(events), []);
    });

    it('reports an array that is never closed', () => {
      const events = scanInChunks(Buffer.from('\n[\n  {"a": 1},\n  {"b": 2}\n'), 'json');
      assert.equal(records(events).length, 2);
      assert.deepEqual(notices(events).map((n) => [n.code, n.severity, n.line]), [['unclosed-array', 'error', 2]]);
    });

    it('turns content after the array into further records, with a warning', () => {
      const events = scanInChunks(Buffer.from('[{"a":1}]\n{"b":2}\n'), 'json');
      assert.deepEqual(records(events).map((s) => s.text), ['{"a":1}', '{"b":2}']);
      assert.deepEqual(notices(events).map((n) => n.code), ['trailing-content']);
    });

    it('cuts top-level junk at the end of its line so the rest still reads', () => {
      const events = scanInChunks(Buffer.from('{\n "a": 1\n}\nnot json at all\n{\n "b": 2\n}\n'), 'json');
      assert.deepEqual(records(events).map((s) => [s.text, s.line]), [['{\n "a": 1\n}', 1], ['not json at all', 4], ['{\n "b": 2\n}', 5]]);
    });
  });

  describe('empty input', () => {
    for (const [name, content] of [['empty', ''], ['only whitespace', ' \n\r\n\t'], ['only a BOM', '\ufeff']] as const) {
      it(`warns instead of failing when the file is ${name}`, () => {
        for (const hint of ['json', 'jsonl'] as const) {
          const events = scanInChunks(Buffer.from(content), hint, 1);
          assert.deepEqual(events, [{ kind: 'notice', line: 1, severity: 'warning', code: 'empty-file', message: 'file is empty: no records' }]);
        }
      });
    }
  });
});
