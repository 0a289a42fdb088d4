import { strict as assert } from 'node:assert';
import { CONSISTENCY_RULES, consistencyWarnings } from '../../../../src/core/labeling/consistency';
import { emptyLabelSet, type LabelSet } from '../../../../src/core/model/labels';
import { tinyTaxonomy } from './fixtures';

function labels(partial: Partial<LabelSet>): LabelSet {
  return { ...emptyLabelSet(), ...partial };
}
function ids(warnings: string[]): string[] {
  return warnings.map((w) => w.split(':')[0]!);
}

describe('core/labeling/consistency', () => {
  it('has the 11 rules of the reference', () => {
    assert.equal(CONSISTENCY_RULES.length, 11);
    assert.equal(new Set(CONSISTENCY_RULES.map((r) => r.id)).size, 11);
  });

  it('a coherent label set gets no warning', () => {
    const good = labels({ intent: 'debug', language: ['python'], task: ['bug-fixing'], difficulty: 'intermediate', concept: ['debugging'], context: 'snippet' });
    assert.deepEqual(consistencyWarnings(good), []);
  });

  const cases: [string, Partial<LabelSet>, string][] = [
    ['learn-with-many-agentic', { intent: 'learn', agentic: ['a', 'b', 'c', 'd'] }, 'learn with 4 agentic tags'],
    ['build-without-build-task', { intent: 'build', task: ['code-explanation'] }, 'build with only an explanation task'],
    ['beginner-with-many-concepts', { difficulty: 'beginner', concept: ['a', 'b', 'c', 'd'] }, 'beginner with 4 concepts'],
    ['beginner-with-constraint', { difficulty: 'beginner', constraint: ['thread-safe'] }, 'beginner with a constraint'],
    ['debug-without-bug-fixing', { intent: 'debug', task: ['code-explanation'] }, 'debug without bug-fixing'],
    ['expert-without-concept', { difficulty: 'expert' }, 'expert without concept'],
    ['translation-single-language', { task: ['code-translation'], language: ['python'] }, 'translation with one language'],
    ['ownership-without-rust', { concept: ['ownership'], language: ['cpp'] }, 'ownership without rust'],
    ['snippet-multi-file', { context: 'snippet', agentic: ['multi-file-coordination'] }, 'snippet with multi-file work'],
    ['review-without-review-task', { intent: 'review', task: ['bug-fixing'] }, 'review without code-review-task'],
    ['modify-without-change-task', { intent: 'modify', task: ['code-explanation'] }, 'modify with only an explanation task'],
  ];
  for (const [rule, partial, what] of cases) {
    it(`${rule}: ${what}`, () => {
      assert.deepEqual(ids(consistencyWarnings(labels(partial))), [rule]);
    });
  }

  it('build/modify/debug rules need a non-empty task list', () => {
    assert.deepEqual(consistencyWarnings(labels({ intent: 'build' })), []);
    assert.deepEqual(consistencyWarnings(labels({ intent: 'modify' })), []);
    assert.deepEqual(consistencyWarnings(labels({ intent: 'debug' })), []);
  });

  it('skips rules naming tags the taxonomy does not have', () => {
    const noRust = tinyTaxonomy({ concept: ['ownership'], language: ['cpp'] });
    assert.deepEqual(consistencyWarnings(labels({ concept: ['ownership'], language: ['cpp'] }), noRust), []);
    const withRust = tinyTaxonomy({ concept: ['ownership'], language: ['cpp', 'rust'] });
    assert.deepEqual(ids(consistencyWarnings(labels({ concept: ['ownership'], language: ['cpp'] }), withRust)), ['ownership-without-rust']);
  });

  it('does not change the labels', () => {
    const l = labels({ intent: 'debug', task: ['code-explanation'] });
    const before = JSON.stringify(l);
    consistencyWarnings(l);
    assert.equal(JSON.stringify(l), before);
  });
});
