import { strict as assert } from 'node:assert';
import { loadTaxonomyFromTexts } from '../../../../src/core/taxonomy/load';
import { normalizeTagText } from '../../../../src/core/taxonomy/normalize';
import type { Taxonomy } from '../../../../src/core/taxonomy/types';
import { flowRoot } from './helpers';

/** intent has `debug` (alias fix) and `fix-it`; task has `bug-fixing` (alias debug, fix); concept has `debugging`. */
const ROOT = flowRoot({
  2: '  - { id: intent, name: Intent, tags: [{ id: debug, name: Debug, aliases: [fix, Trouble Shoot] }, { id: fix-it, name: Fix It }] }',
  5: '  - { id: task, name: Task, tags: [{ id: bug-fixing, name: Bug Fixing, aliases: [fix, bug_fix] }] }',
  7: '  - { id: concept, name: Concept, tags: [{ id: debugging, name: Debugging }] }',
});

describe('core/taxonomy/model', () => {
  let taxonomy: Taxonomy;

  before(() => {
    const result = loadTaxonomyFromTexts([{ path: 'root.yaml', text: ROOT }]);
    assert.deepEqual(result.problems, []);
    taxonomy = result.taxonomy!;
  });

  it('normalises case, spaces and underscores', () => {
    assert.equal(normalizeTagText('  Code_Review  Task '), 'code-review-task');
    assert.equal(normalizeTagText('C++'), 'c++');
  });

  it('has() is exact; resolveAlias() accepts ids and aliases in any case', () => {
    assert.equal(taxonomy.has('intent', 'debug'), true);
    assert.equal(taxonomy.has('intent', 'Debug'), false);
    assert.equal(taxonomy.has('task', 'debug'), false);
    assert.equal(taxonomy.resolveAlias('intent', 'DEBUG'), 'debug');
    assert.equal(taxonomy.resolveAlias('intent', 'trouble_shoot'), 'debug');
    assert.equal(taxonomy.resolveAlias('intent', 'Fix It'), 'fix-it');
    assert.equal(taxonomy.resolveAlias('task', 'Bug Fix'), 'bug-fixing');
    assert.equal(taxonomy.resolveAlias('task', 'debugging'), undefined);
  });

  it('lists every dimension a word is valid in, in dimension order', () => {
    assert.deepEqual(taxonomy.dimensionsOf('fix'), [
      { dim: 'intent', id: 'debug' },
      { dim: 'task', id: 'bug-fixing' },
    ]);
    assert.deepEqual(taxonomy.dimensionsOf('Debugging'), [{ dim: 'concept', id: 'debugging' }]);
    assert.deepEqual(taxonomy.dimensionsOf('nothing'), []);
  });

  it('exposes pools in file order, categories and tags', () => {
    assert.deepEqual(taxonomy.pool('intent'), ['debug', 'fix-it']);
    assert.ok(Object.isFrozen(taxonomy.pool('intent')));
    assert.equal(taxonomy.category('task').tags[0].name, 'Bug Fixing');
    assert.deepEqual(taxonomy.tag('intent', 'debug')?.aliases, ['fix', 'Trouble Shoot']);
    assert.equal(taxonomy.tag('intent', 'nope'), undefined);
    assert.throws(() => taxonomy.category('mood' as never), /no category "mood"/);
  });
});
