import assert from 'node:assert/strict';
import { ANY_FLAG, emptyQuery, isEmptyQuery, QueryEngine, tagTokenOf, type ExplorerQuery } from '../../../../src/core/dashboard/query';
import { conf, row, scores, unlabeled } from './rowFixtures';

const rows = [
  row({ file: 0, rowIndex: 0, tags: ['intent:build', 'language:python'], scores: scores({ value: 7, quality: 8 }), scoreState: 'scored', query: 'Write a Flask endpoint' }),
  row({ file: 0, rowIndex: 1, tags: ['intent:debug', 'language:python'], scores: scores({ value: 4, quality: 3 }), scoreState: 'scored', flags: ['has-bug'], conf: conf({ intent: 0.4 }) }),
  row({ file: 1, rowIndex: 0, turn: 1, turns: 2, tags: ['intent:debug', 'language:go'], thinking: 'slow', unmapped: ['domain:quantum-baking'], conv: { value: 6.5, selection: null, peakComplexity: 7 } }),
  row({ file: 1, rowIndex: 0, turn: 2, turns: 2, tags: ['intent:debug', 'language:go'], labeler: 'heuristic', scores: scores({ value: 9, quality: 9 }), scoreState: 'scored', conv: { value: 6.5, selection: null, peakComplexity: 7 } }),
  unlabeled({ file: 1, rowIndex: 1, reply: 'The answer mentions FLASK too' }),
];

function ids(engine: QueryEngine, patch: Partial<ExplorerQuery>): number[] {
  const result = engine.run({ ...emptyQuery(), ...patch });
  return [...result];
}

describe('core/dashboard/query', () => {
  const engine = new QueryEngine(rows);

  it('matches everything in file order with the empty query', () => {
    assert.ok(isEmptyQuery(emptyQuery()));
    assert.deepEqual(ids(engine, {}), [0, 1, 2, 3, 4]);
  });

  it('requires every tag, and finds unmapped tags by their token', () => {
    assert.deepEqual(ids(engine, { tags: ['intent:debug'] }), [1, 2, 3]);
    assert.deepEqual(ids(engine, { tags: ['intent:debug', 'language:python'] }), [1]);
    assert.deepEqual(ids(engine, { tags: ['unmapped:domain:quantum-baking'] }), [2]);
    assert.deepEqual(ids(engine, { tags: ['intent:nothing'] }), []);
  });

  it('searches request and reply excerpts case-insensitively', () => {
    assert.deepEqual(ids(engine, { text: 'flask' }), [0, 4]);
    assert.deepEqual(ids(engine, { text: '  FLASK ' }), [0, 4]);
  });

  it('filters by file, status, labeler, thinking mode and reply count', () => {
    assert.deepEqual(ids(engine, { file: 1 }), [2, 3, 4]);
    assert.deepEqual(ids(engine, { status: 'unlabeled' }), [4]);
    assert.deepEqual(ids(engine, { labeler: 'heuristic' }), [3]);
    assert.deepEqual(ids(engine, { thinking: 'slow' }), [2]);
    assert.deepEqual(ids(engine, { turns: { min: 2 } }), [2, 3]);
    assert.deepEqual(ids(engine, { turns: { min: 1, max: 2 } }), [0, 1, 4]);
  });

  it('filters by score ranges (max exclusive) and leaves unscored samples out', () => {
    assert.deepEqual(ids(engine, { ranges: { value: { min: 4, max: 7 } } }), [1]);
    assert.deepEqual(ids(engine, { ranges: { value: { min: 7 } } }), [0, 3]);
    assert.deepEqual(ids(engine, { ranges: { quality: { max: 5 } } }), [1]);
    assert.deepEqual(ids(engine, { conversation: { value: { min: 6, max: 7 } } }), [2, 3]);
    assert.deepEqual(ids(engine, { conversation: { selection: { min: 1 } } }), []);
  });

  it('filters by flags and by low label confidence', () => {
    assert.deepEqual(ids(engine, { flags: ['has-bug'] }), [1]);
    assert.deepEqual(ids(engine, { flags: [ANY_FLAG] }), [1]);
    assert.deepEqual(ids(engine, { flags: ['incomplete'] }), []);
    assert.deepEqual(ids(engine, { lowConfidence: 'intent' }), [1]);
  });

  it('sorts by a score either way with unscored samples last, ties in file order', () => {
    assert.deepEqual(ids(engine, { sort: { key: 'value', dir: 'desc' } }), [3, 0, 1, 2, 4]);
    assert.deepEqual(ids(engine, { sort: { key: 'quality', dir: 'asc' } }), [1, 0, 3, 2, 4]);
    assert.deepEqual(ids(engine, { sort: { key: 'position', dir: 'desc' } }), [4, 3, 2, 1, 0]);
    assert.deepEqual(ids(engine, { sort: { key: 'minConfidence', dir: 'asc' } }), [1, 0, 2, 3, 4]);
  });

  it('pages through a result', () => {
    const q = { ...emptyQuery(), sort: { key: 'value' as const, dir: 'desc' as const } };
    const first = engine.page(q, 0, 2);
    assert.equal(first.total, 5);
    assert.deepEqual(first.rows.map((r) => r.id), [rows[3]!.id, rows[0]!.id]);
    assert.deepEqual(engine.page(q, 4, 10).rows.map((r) => r.id), [rows[4]!.id]);
    assert.deepEqual(engine.page(q, 99, 10).rows, []);
  });

  it('stays fast on 100,000 rows', () => {
    const many = Array.from({ length: 100_000 }, (_, i) =>
      row({ rowIndex: i, tags: [`intent:${i % 7 === 0 ? 'debug' : 'build'}`], scores: scores({ value: (i % 90) / 10 + 1 }), scoreState: 'scored' }),
    );
    const big = new QueryEngine(many);
    const started = performance.now();
    const page = big.page({ ...emptyQuery(), tags: ['intent:debug'], sort: { key: 'value', dir: 'desc' } }, 0, 100);
    const ms = performance.now() - started;
    assert.equal(page.total, Math.ceil(100_000 / 7));
    assert.equal(page.rows[0]!.scores!.value, 9.9);
    assert.ok(ms < 1000, `query took ${ms.toFixed(0)} ms`);
  });

  it('turns typed text into a tag filter token, or nothing when the scope has no such tag', () => {
    const distributions = { language: [{ tag: 'python' }, { tag: 'go' }], task: [{ tag: 'python' }] };
    assert.equal(tagTokenOf(' Python ', distributions), 'language:python');
    assert.equal(tagTokenOf('task:python', distributions), 'task:python');
    assert.equal(tagTokenOf('language:rust', distributions), undefined);
    assert.equal(tagTokenOf('', distributions), undefined);
  });
});
