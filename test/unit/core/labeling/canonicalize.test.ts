import { strict as assert } from 'node:assert';
import { canonicalizeAnswer, isPlaceholder, normalizeValue } from '../../../../src/core/labeling/canonicalize';
import { CALL1_DIMENSIONS, CALL2_DIMENSIONS } from '../../../../src/core/model/labels';
import type { RawAnswer } from '../../../../src/core/labeling/schemas';
import { tinyTaxonomy } from './fixtures';

const taxonomy = tinyTaxonomy();

function call1(tags: RawAnswer['tags'], extra: Partial<RawAnswer> = {}): RawAnswer {
  return {
    tags,
    missing: [],
    confidence: { intent: 0.9, language: 0.9, domain: 0.9, task: 0.9, difficulty: 0.9 },
    unmapped: [],
    ...extra,
  };
}

describe('core/labeling/canonicalize', () => {
  it('keeps exact ids after trimming, lowercasing and _ → -', () => {
    const out = canonicalizeAnswer(call1({ intent: [' Debug '], task: ['Bug_Fixing'], language: ['Python'] }), CALL1_DIMENSIONS, taxonomy);
    assert.deepEqual(out.values.intent, ['debug']);
    assert.deepEqual(out.values.task, ['bug-fixing']);
    assert.deepEqual(out.values.language, ['python']);
    assert.deepEqual(out.canonicalized, []);
    assert.deepEqual(out.issues, []);
  });

  it('resolves aliases in the same dimension and records them', () => {
    const out = canonicalizeAnswer(call1({ language: ['py', 'C++'], task: ['refactoring'], difficulty: ['hard'] }), CALL1_DIMENSIONS, taxonomy);
    assert.deepEqual(out.values.language, ['python', 'cpp']);
    assert.deepEqual(out.values.difficulty, ['advanced']);
    assert.deepEqual(out.canonicalized[0], {
      source_dimension: 'language', source_value: 'py', target_dimension: 'language', canonical_value: 'python', reason: 'alias',
    });
    assert.equal(out.canonicalized.filter((n) => n.reason === 'alias').length, 4);
  });

  it('an alias is not applied to a value that is already a valid id', () => {
    // 'review' is an intent id and a task alias: in intent it stays 'review'.
    const out = canonicalizeAnswer(call1({ intent: ['review'], task: ['review'] }), CALL1_DIMENSIONS, taxonomy);
    assert.deepEqual(out.values.intent, ['review']);
    assert.deepEqual(out.values.task, ['code-review-task']);
    assert.equal(out.canonicalized.length, 1);
  });

  it('rescues a value valid in exactly one other dimension', () => {
    const out = canonicalizeAnswer(call1({ domain: ['recursion'], task: ['bash-execution'] }), CALL1_DIMENSIONS, taxonomy);
    assert.deepEqual(out.values.concept, ['recursion']);
    assert.deepEqual(out.values.agentic, ['bash-execution']);
    assert.deepEqual(out.values.domain ?? [], []);
    const reasons = out.canonicalized.map((n) => `${n.source_dimension}:${n.source_value}->${n.target_dimension}:${n.canonical_value}:${n.reason}`);
    assert.deepEqual(reasons, [
      'domain:recursion->concept:recursion:cross_dimension_rescue',
      'task:bash-execution->agentic:bash-execution:cross_dimension_rescue',
    ]);
  });

  it('does not rescue a value valid in two other dimensions', () => {
    const tax = tinyTaxonomy({ ...tinyTaxonomySpec(), concept: ['caching'], constraint: ['caching'] });
    const out = canonicalizeAnswer(call1({ domain: ['caching'] }), CALL1_DIMENSIONS, tax);
    assert.equal(out.values.concept, undefined);
    assert.deepEqual(out.unmapped, [{ dimension: 'domain', value: 'caching' }]);
  });

  it('a rescue into a single-select dimension only fills an empty slot', () => {
    // The answer already has an intent, so 'modify' found in task cannot replace it: it becomes unmapped.
    const taken = canonicalizeAnswer(call1({ intent: ['build'], task: ['modify'] }), CALL1_DIMENSIONS, taxonomy);
    assert.deepEqual(taken.values.intent, ['build']);
    assert.deepEqual(taken.unmapped, [{ dimension: 'task', value: 'modify' }]);
    const empty = canonicalizeAnswer(call1({ intent: [], task: ['modify'] }), CALL1_DIMENSIONS, taxonomy);
    assert.deepEqual(empty.values.intent, ['modify']);
    assert.equal(empty.canonicalized[0]!.reason, 'cross_dimension_rescue');
    // Call 1 rescuing into Call 2's single-select context is allowed: the slot is empty in this answer.
    const ctx = canonicalizeAnswer(call1({ task: ['greenfield'] }), CALL1_DIMENSIONS, taxonomy);
    assert.deepEqual(ctx.values.context, ['greenfield']);
  });

  it('treats placeholders as empty, silently', () => {
    for (const v of ['none', 'N/A', 'unknown', 'Not applicable', 'no specific domain', 'No programming language detected', 'unspecified']) {
      assert.ok(isPlaceholder(normalizeValue(v)), v);
    }
    const out = canonicalizeAnswer(call1({ intent: ['none'], language: ['No programming language involved'], domain: ['N/A', 'no specific domain'] }), CALL1_DIMENSIONS, taxonomy);
    assert.deepEqual(out.values, {});
    assert.deepEqual(out.unmapped, []);
    assert.deepEqual(out.issues, []);
  });

  it('drops algorithms, data structures, documentation and debugging from domain without a trace', () => {
    const out = canonicalizeAnswer(call1({ domain: ['algorithms', 'Data_Structures', 'documentation', 'debugging', 'devops'] }), CALL1_DIMENSIONS, taxonomy);
    assert.deepEqual(out.values.domain, ['devops']);
    assert.equal(out.values.concept, undefined);
    assert.deepEqual(out.unmapped, []);
    assert.deepEqual(out.issues, []);
  });

  it('sends unknown values to unmapped with an issue, and drops explanation sentences from unmapped', () => {
    const sentence = 'the code seems to be about some kind of web scraping thing';
    const out = canonicalizeAnswer(call1({ language: ['brainfuck', sentence] }), CALL1_DIMENSIONS, taxonomy);
    assert.deepEqual(out.unmapped, [{ dimension: 'language', value: 'brainfuck' }]);
    assert.ok(out.issues.includes("language: 'brainfuck' not in pool"));
    assert.equal(out.issues.filter((i) => i.startsWith('language:')).length, 2);
  });

  it("mines the model's own unmapped list: same-dimension alias, cross-dimension rescue, real unknowns", () => {
    const out = canonicalizeAnswer(
      call1({ language: ['python'] }, {
        unmapped: [
          { dimension: 'language', value: 'golang' },
          { dimension: 'domain', value: 'dynamic programming' },
          { dimension: 'domain', value: 'quantum-annealing' },
          { dimension: 'nonsense', value: 'x' },
        ],
      }),
      CALL1_DIMENSIONS,
      taxonomy,
    );
    assert.deepEqual(out.values.language, ['python', 'go']);
    assert.deepEqual(out.values.concept, ['algorithms']);
    assert.deepEqual(out.unmapped, [{ dimension: 'domain', value: 'quantum-annealing' }]);
    assert.deepEqual(
      out.canonicalized.map((n) => n.reason),
      ['raw_unmapped_alias', 'raw_unmapped_cross_dimension_rescue'],
    );
    assert.ok(out.issues.some((i) => i.includes("unknown dimension 'nonsense'")));
  });

  it('dedupes multi-select values, including values that meet through aliases', () => {
    const out = canonicalizeAnswer(call1({ language: ['python', 'Python', 'py'] }), CALL1_DIMENSIONS, taxonomy);
    assert.deepEqual(out.values.language, ['python']);
  });

  it('keeps only numeric confidences in [0,1], rounded to 4 dp', () => {
    const out = canonicalizeAnswer(
      { tags: { concept: [], agentic: [], constraint: [], context: ['snippet'] }, missing: [], unmapped: [],
        confidence: { concept: 0.123456, agentic: 1.2, constraint: '0.8' } },
      CALL2_DIMENSIONS,
      taxonomy,
    );
    assert.deepEqual(out.confidence, { concept: 0.1235 });
    assert.ok(out.issues.some((i) => i.startsWith('confidence.agentic:')));
    assert.ok(out.issues.some((i) => i.startsWith('confidence.constraint:')));
    assert.ok(out.issues.includes('confidence.context: missing'));
  });

  it('reports a single-select answer with several values and a missing dimension', () => {
    const out = canonicalizeAnswer({ ...call1({ intent: ['debug', 'build'] }), missing: ['task'] }, CALL1_DIMENSIONS, taxonomy);
    assert.deepEqual(out.values.intent, ['debug']);
    assert.ok(out.issues.includes('intent: expected one value, got 2'));
    assert.ok(out.issues.includes('task: missing from the answer'));
  });
});

function tinyTaxonomySpec() {
  return { intent: ['learn'], language: ['python'], domain: ['devops'], task: ['bug-fixing'], difficulty: ['beginner'], context: ['snippet'] };
}
