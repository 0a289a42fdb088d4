import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CALL1_DIMENSIONS, DIMENSIONS, SINGLE_SELECT, type Dimension } from '../../../../src/core/model/labels';
import { findBundledTaxonomyDir, loadTaxonomy } from '../../../../src/core/taxonomy/load';
import type { Taxonomy } from '../../../../src/core/taxonomy/types';
import { FIXTURES } from './helpers';

interface ReferenceTag {
  id: string;
  name: string;
  aliases: string[];
  subcategory?: string;
}
interface ReferenceCategory {
  name: string;
  tags: ReferenceTag[];
}

/** sft-label's tag ids and aliases (facts for compatibility), copied from the shared reference. */
const REFERENCE_PATH = join(FIXTURES, 'sft-label-taxonomy-ids.json');
const reference = JSON.parse(readFileSync(REFERENCE_PATH, 'utf8')) as { categories: ReferenceCategory[]; tag_count: number };
const referenceByDim = new Map(reference.categories.map((c) => [c.name.toLowerCase() as Dimension, c]));

/**
 * Reference aliases we deliberately do not carry: each is the id of a tag in another
 * category, which our validator flags as ambiguous. The word still resolves, to that tag.
 */
const DROPPED_ALIASES: { dim: Dimension; alias: string; was: string; resolvesTo: { dim: Dimension; id: string } }[] = [
  { dim: 'task', alias: 'review', was: 'code-review-task', resolvesTo: { dim: 'intent', id: 'review' } },
  { dim: 'task', alias: 'profiling', was: 'performance-analysis', resolvesTo: { dim: 'concept', id: 'profiling' } },
  { dim: 'agentic', alias: 'build', was: 'build-execution', resolvesTo: { dim: 'intent', id: 'build' } },
];

describe('core/taxonomy bundled taxonomy', () => {
  let taxonomy: Taxonomy;

  before(async () => {
    const result = await loadTaxonomy();
    assert.deepEqual(result.problems, []);
    assert.ok(result.taxonomy);
    taxonomy = result.taxonomy;
  });

  it('is found from the sources and from a bundle folder', () => {
    const root = resolve(__dirname, '../../../..');
    assert.equal(findBundledTaxonomyDir(join(root, 'src/core/taxonomy')), join(root, 'taxonomy'));
    assert.equal(findBundledTaxonomyDir(join(root, 'dist')), join(root, 'taxonomy'));
    assert.equal(taxonomy.origin, join(root, 'taxonomy'));
    assert.equal(findBundledTaxonomyDir(join(tmpdir(), 'no-taxonomy-here')), undefined);
  });

  it('declares the nine categories with the labeler select modes and calls', () => {
    assert.deepEqual(taxonomy.categories.map((c) => c.id), [...DIMENSIONS]);
    for (const category of taxonomy.categories) {
      assert.equal(category.select, SINGLE_SELECT.has(category.id) ? 'single' : 'multi', category.id);
      assert.equal(category.call, (CALL1_DIMENSIONS as readonly string[]).includes(category.id) ? 1 : 2, category.id);
      assert.ok(category.name && category.description, category.id);
    }
    const subcategories = (dim: Dimension) => taxonomy.category(dim).subcategories.map((s) => s.id);
    assert.deepEqual(subcategories('concept'), ['fundamentals', 'advanced', 'engineering']);
    assert.deepEqual(subcategories('agentic'), ['tool-actions', 'behavioral-patterns']);
    assert.deepEqual(subcategories('context'), ['scope', 'situational']);
  });

  it('has exactly the 242 reference tags, per category, with the reference names', () => {
    assert.equal(reference.tag_count, 242);
    let total = 0;
    for (const dim of DIMENSIONS) {
      const ref = referenceByDim.get(dim);
      assert.ok(ref, dim);
      assert.deepEqual([...taxonomy.pool(dim)].sort(), ref.tags.map((t) => t.id).sort(), dim);
      for (const tag of ref.tags) assert.equal(taxonomy.tag(dim, tag.id)?.name, tag.name, `${dim}/${tag.id}`);
      total += taxonomy.pool(dim).length;
    }
    assert.equal(total, 242);
  });

  it('puts hierarchical tags in the reference subcategories, and context tags in scope or situational', () => {
    for (const dim of ['concept', 'agentic'] as const) {
      for (const tag of referenceByDim.get(dim)!.tags) {
        const expected = tag.subcategory!.toLowerCase().replace(/ /g, '-');
        assert.equal(taxonomy.tag(dim, tag.id)?.subcategory, expected, tag.id);
      }
    }
    const scope = taxonomy.category('context').tags.filter((t) => t.subcategory === 'scope').map((t) => t.id);
    assert.deepEqual(scope, ['snippet', 'single-function', 'single-file', 'multi-file', 'module', 'repository']);
  });

  it('gives every tag a one-line description of at most 140 characters', () => {
    for (const category of taxonomy.categories) {
      for (const tag of category.tags) {
        assert.ok(tag.description, `${category.id}/${tag.id} has no description`);
        assert.ok(tag.description.length <= 140, `${category.id}/${tag.id}: ${tag.description.length} chars`);
        assert.ok(!tag.description.includes('\n'), `${category.id}/${tag.id}`);
      }
    }
  });

  it('resolves every reference alias to its tag, except the documented cross-category ones', () => {
    const dropped = new Set(DROPPED_ALIASES.map((d) => `${d.dim}:${d.alias}`));
    for (const dim of DIMENSIONS) {
      for (const tag of referenceByDim.get(dim)!.tags) {
        for (const alias of tag.aliases) {
          if (dropped.has(`${dim}:${alias}`)) continue;
          assert.equal(taxonomy.resolveAlias(dim, alias), tag.id, `${dim}: ${alias}`);
        }
      }
    }
    for (const d of DROPPED_ALIASES) {
      assert.ok(referenceByDim.get(d.dim)!.tags.find((t) => t.id === d.was)?.aliases.includes(d.alias));
      assert.equal(taxonomy.resolveAlias(d.dim, d.alias), undefined);
      assert.deepEqual(taxonomy.dimensionsOf(d.alias), [d.resolvesTo]);
    }
  });

  it('resolves the common model spellings listed in the reference', () => {
    const cases: [Dimension, string, string][] = [
      ['intent', 'refactor', 'modify'],
      ['intent', 'optimize', 'modify'],
      ['intent', 'transform', 'modify'],
      ['intent', 'explore', 'learn'],
      ['intent', 'research', 'learn'],
      ['intent', 'search', 'learn'],
      ['intent', 'verify', 'review'],
      ['intent', 'analyze', 'review'],
      ['intent', 'analysis', 'review'],
      ['difficulty', 'easy', 'beginner'],
      ['difficulty', 'Medium', 'intermediate'],
      ['difficulty', 'HARD', 'advanced'],
      ['task', 'refactoring', 'code-refactoring'],
      ['task', 'write tests', 'testing-task'],
      ['task', 'test_creation', 'testing-task'],
      ['task', 'search', 'code-exploration'],
      ['task', 'analysis', 'performance-analysis'],
      ['domain', 'database', 'database-administration'],
      ['domain', 'networking', 'network-programming'],
      ['concept', 'dynamic programming', 'algorithms'],
      ['concept', 'dp', 'algorithms'],
      ['concept', 'graph-theory', 'algorithms'],
      ['concept', 'greedy', 'algorithms'],
      ['concept', 'backtracking', 'algorithms'],
      ['concept', 'regex', 'algorithms'],
      ['concept', 'networking', 'api-protocols'],
      ['constraint', 'cross-platform', 'portable'],
      ['constraint', 'offline', 'offline-capable'],
      ['language', 'C#', 'csharp'],
      ['language', 'C++', 'cpp'],
      ['language', 'bash', 'shell'],
      ['language', 'JS', 'javascript'],
      ['language', 'TS', 'typescript'],
      ['language', 'py', 'python'],
      ['language', 'rb', 'ruby'],
    ];
    for (const [dim, raw, id] of cases) assert.equal(taxonomy.resolveAlias(dim, raw), id, `${dim}: ${raw}`);
  });

  it('has a stable sha256 hash', async () => {
    assert.match(taxonomy.hash, /^[0-9a-f]{64}$/);
    const again = await loadTaxonomy();
    assert.equal(again.taxonomy?.hash, taxonomy.hash);
  });
});
