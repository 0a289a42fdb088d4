import assert from 'node:assert/strict';
import { summarize } from '../../../../src/core/dashboard/summarize';
import type { SampleRow } from '../../../../src/core/dashboard/model';
import { conf, row, scores, unlabeled } from './rowFixtures';

const scope = { kind: 'folder' as const, label: 'data/' };
const files = [
  { path: 'a.jsonl', sizeBytes: 10 },
  { path: 'b.jsonl', sizeBytes: 20 },
];

/** Six samples in two files: every count below can be checked by reading this list. */
function fixture(): SampleRow[] {
  return [
    row({ file: 0, tags: ['intent:build', 'difficulty:beginner', 'language:python', 'concept:recursion'], conf: conf({ intent: 0.9, language: 0.5 }), tokens: 120, arbitrated: true, scores: scores({ value: 7.5, selection: 8, complexity: 6, quality: 8, reasoning: 7, rarity: 4, confidence: 0.9 }), scoreState: 'scored' }),
    row({ file: 0, tags: ['intent:build', 'difficulty:advanced', 'language:python', 'language:sql'], conf: conf({ intent: 0.8, language: 0.7 }), tokens: 80, unmapped: ['domain:quantum-baking'], scores: scores({ value: 5.2, selection: 4.5, complexity: 5, quality: 5, reasoning: 5, rarity: 6, confidence: 0.7 }), scoreState: 'scored', flags: ['incomplete'] }),
    row({ file: 0, tags: ['intent:debug', 'difficulty:beginner', 'language:go'], conf: conf({ intent: 0.4 }), labeler: 'heuristic', tokens: 0, calls: 0, thinking: 'slow', unmapped: ['domain:quantum-baking', 'task:vibe-check'] }),
    row({ file: 1, status: 'failed', tags: [], tokens: 50, labeler: 'llm' }),
    row({ file: 1, status: 'partial', tags: [], tokens: 30 }),
    unlabeled({ file: 1 }),
  ];
}

describe('core/dashboard/summarize', () => {
  const rows = fixture();
  const s = summarize({ scope, files, rows, pool: { intent: ['build', 'debug', 'learn'], language: ['python', 'go', 'sql', 'rust'] }, inputIssues: 2, now: new Date(0) });

  it('counts the overview exactly', () => {
    assert.deepEqual(s.overview, {
      samples: 6,
      labeled: 3,
      failed: 2,
      partial: 1,
      unlabeled: 1,
      tokens: 280,
      llmCalls: 8,
      arbitrated: 1,
      unmappedDistinct: 2,
      unmappedTotal: 3,
      labelers: { llm: 4, heuristic: 1, imported: 0 },
      scored: 2,
      scoredImported: 0,
      scoreFailed: 0,
      scoreStale: 0,
      conversations: 6,
      multiTurnConversations: 0,
      inputIssues: 2,
    });
    assert.equal(s.generatedAt, '1970-01-01T00:00:00.000Z');
  });

  it('ranks tags per dimension from successful labels only', () => {
    assert.deepEqual(s.tagDistributions.intent, [
      { tag: 'build', count: 2 },
      { tag: 'debug', count: 1 },
    ]);
    assert.deepEqual(s.tagDistributions.language, [
      { tag: 'python', count: 2 },
      { tag: 'go', count: 1 },
      { tag: 'sql', count: 1 },
    ]);
    assert.deepEqual(s.tagDistributions.domain, []);
  });

  it('summarises confidence with the arbitration threshold', () => {
    assert.deepEqual(s.confidence.intent, { mean: 0.7, min: 0.4, max: 0.9, below: 1, count: 3 });
    assert.deepEqual(s.confidence.language, { mean: 0.6, min: 0.5, max: 0.7, below: 1, count: 2 });
    assert.equal(s.confidence.domain, undefined);
  });

  it('crosses intent and difficulty with totals', () => {
    const m = s.crossMatrix;
    assert.deepEqual(m.intents, ['build', 'debug']);
    assert.deepEqual(m.difficulties, ['beginner', 'advanced']);
    assert.deepEqual(m.cells, [
      [1, 1],
      [1, 0],
    ]);
    assert.deepEqual(m.rowTotals, [2, 1]);
    assert.deepEqual(m.colTotals, [2, 1]);
    assert.equal(m.total, 3);
  });

  it('lists the taxonomy tags nobody used', () => {
    assert.deepEqual(s.poolCoverage?.intent, { used: 2, pool: 3, unused: ['learn'] });
    assert.deepEqual(s.poolCoverage?.language, { used: 3, pool: 4, unused: ['rust'] });
    assert.equal(s.poolCoverage?.task, undefined, 'dimensions missing from the pool are not reported');
  });

  it('lists unmapped tags with example requests', () => {
    assert.equal(s.unmapped.domain?.[0]?.value, 'quantum-baking');
    assert.equal(s.unmapped.domain?.[0]?.count, 2);
    assert.deepEqual(s.unmapped.domain?.[0]?.examples.map((e) => e.query), [rows[1]!.query, rows[2]!.query]);
    assert.equal(s.unmapped.task?.[0]?.value, 'vibe-check');
  });

  it('compares slow and fast replies', () => {
    assert.deepEqual(s.thinking.slow, { count: 1, scored: 0, value: null, quality: null, reasoning: null });
    assert.deepEqual(s.thinking.fast, { count: 5, scored: 2, value: 6.35, quality: 6.5, reasoning: 6 });
  });

  it('builds the Pass 2 sections from the scored rows', () => {
    const sc = s.scoring!;
    assert.equal(sc.scored, 2);
    assert.equal(sc.rankedBy, 'selection');
    assert.deepEqual(sc.histograms.value.bins, [0, 0, 0, 0, 1, 0, 1, 0, 0]);
    assert.equal(sc.histograms.value.mean, 6.35);
    assert.deepEqual(sc.histograms.confidence.bins, [0, 0, 0, 0, 0, 0, 0, 1, 0, 1]);
    assert.deepEqual(sc.valueByTag.intent, [{ tag: 'build', mean: 6.35, n: 2 }]);
    assert.deepEqual(sc.valueByTag.language, [
      { tag: 'python', mean: 6.35, n: 2 },
      { tag: 'sql', mean: 5.2, n: 1 },
    ]);
    assert.deepEqual(sc.flags, [{ flag: 'incomplete', count: 1, meanValue: 5.2, impact: -2.3 }]);
    assert.deepEqual(sc.thresholds, [
      { topPercent: 10, threshold: 8, count: 1 },
      { topPercent: 25, threshold: 8, count: 1 },
      { topPercent: 50, threshold: 8, count: 1 },
    ]);
    const at6 = sc.coverage.find((c) => c.threshold === 6)!;
    assert.equal(at6.retained, 1);
    assert.equal(at6.share, 0.5);
    // Tags of scored rows: 6 distinct (intent build, 2 difficulties, 2 languages, recursion); ≥6 keeps 4.
    assert.equal(at6.tagCoverage, round(4 / 6));
    assert.deepEqual(at6.tagsLost, ['difficulty:advanced', 'language:sql']);
  });

  it('ranks files with keep rates at each threshold', () => {
    const [a, b] = s.fileRanking;
    assert.equal(a!.samples, 3);
    assert.equal(a!.labeled, 3);
    assert.equal(a!.scored, 2);
    assert.equal(a!.mean.value, 6.35);
    assert.deepEqual(a!.keepRates, { '4': 1, '5': 0.5, '6': 0.5, '7': 0.5 });
    assert.equal(b!.samples, 3);
    assert.equal(b!.failed, 2);
    assert.deepEqual(b!.keepRates, {});
  });

  it('says "not scored yet" with null, and has no conversation panels for single-reply data', () => {
    const pass1 = summarize({ scope, files, rows: fixture().map((r) => ({ ...r, scores: null, scoreState: 'none' as const })) });
    assert.equal(pass1.scoring, null);
    assert.equal(pass1.conversations, null);
    assert.equal(pass1.poolCoverage, null);
  });

  it('aggregates multi-turn records once each', () => {
    const conv = { value: 6, selection: 5.5, peakComplexity: 7 };
    const rows = [
      row({ rowIndex: 1, turn: 1, turns: 3, thinking: 'slow', conv }),
      row({ rowIndex: 1, turn: 2, turns: 3, conv }),
      row({ rowIndex: 1, turn: 3, turns: 3, conv }),
      row({ rowIndex: 2, turn: 1, turns: 2 }),
      row({ rowIndex: 2, turn: 2, turns: 2 }),
      row({ rowIndex: 3 }),
    ];
    const c = summarize({ scope, files, rows }).conversations!;
    assert.equal(c.count, 2);
    assert.equal(c.meanTurns, 2.5);
    assert.deepEqual(c.turnBuckets.map((b) => b.count), [1, 1, 0, 0, 0, 0]);
    assert.deepEqual(c.thinking, { allFast: 1, allSlow: 0, mixed: 1 });
    assert.deepEqual(c.convValue?.bins, [0, 0, 0, 0, 0, 1, 0, 0, 0]);
    assert.equal(c.convSelection?.n, 1);
    assert.equal(c.peakComplexity?.max, 7);
  });
});

function round(n: number): number {
  return Math.round(n * 1e4) / 1e4;
}
