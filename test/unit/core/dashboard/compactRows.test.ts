import assert from 'node:assert/strict';
import { decodeRows, encodeRows } from '../../../../src/core/dashboard/compactRows';
import { compactRowsConsistent, CompactRowsSchema } from '../../../../src/shared/reportSchema';
import { conf, row, scores, unlabeled } from './rowFixtures';

const rows = [
  row({ tags: ['intent:build', 'language:python'], conf: conf({ intent: 0.875, language: 0.4 }), scores: scores({ value: 6.1, selection: 7.25, confidence: 0.8 }), scoreState: 'scored', flags: ['has-bug'], byteStart: 10, byteEnd: 99 }),
  row({ labeler: 'imported', tags: ['intent:build'], unmapped: ['domain:x'], thinking: 'slow', arbitrated: true, scores: scores({ value: 3 }), scoreState: 'imported', conv: { value: 5, selection: null, peakComplexity: 8 }, turn: 2, turns: 3 }),
  unlabeled({ scoreState: 'stale' }),
  row({ status: 'failed', labeler: 'heuristic', tags: [] }),
];

describe('core/dashboard/compactRows', () => {
  it('decodes to the same rows, without byte ranges', () => {
    const decoded = decodeRows(JSON.parse(JSON.stringify(encodeRows(rows))));
    assert.deepEqual(decoded, rows.map((r) => ({ ...r, byteStart: 0, byteEnd: 0 })));
  });

  it('shares one vocabulary entry per distinct token', () => {
    const c = encodeRows(rows);
    assert.equal(c.vocab.filter((w) => w === 'intent:build').length, 1);
    assert.equal(c.status, 'ssuf');
    assert.equal(c.labeler, 'li-h');
    assert.equal(c.scoreState, 'six-');
  });

  it('shortens excerpts on request', () => {
    const c = encodeRows([row({ query: 'x'.repeat(50), reply: 'short' })], { queryChars: 10, replyChars: 10 });
    assert.equal(c.query[0], `${'x'.repeat(9)}…`);
    assert.equal(c.reply[0], 'short');
  });

  it('passes its schema and the consistency check, and a cut-short column fails it', () => {
    const c = encodeRows(rows);
    assert.ok(CompactRowsSchema.safeParse(c).success);
    assert.equal(compactRowsConsistent(c), null);
    assert.match(compactRowsConsistent({ ...c, line: c.line.slice(1) }) ?? '', /column line has 3 entries, expected 4/);
    assert.match(compactRowsConsistent({ ...c, tags: [[999], [], [], []] }) ?? '', /outside the vocabulary/);
  });
});
