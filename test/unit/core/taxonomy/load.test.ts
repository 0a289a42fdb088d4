import { strict as assert } from 'node:assert';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTaxonomy, loadTaxonomyFromTexts } from '../../../../src/core/taxonomy/load';
import { FIXTURES, flowCategory, flowRoot, SINGLE_FILE_ROOT } from './helpers';

function hashOf(text: string): string {
  const { taxonomy, problems } = loadTaxonomyFromTexts([{ path: 'root.yaml', text }]);
  assert.ok(taxonomy, JSON.stringify(problems));
  return taxonomy.hash;
}

describe('core/taxonomy/load', () => {
  let scratch: string;

  beforeEach(() => {
    scratch = mkdtempSync(join(tmpdir(), 'taxonomy-load-'));
  });

  afterEach(() => {
    rmSync(scratch, { recursive: true, force: true });
  });

  it('loads a single-file user taxonomy in place of the bundled one', async () => {
    const path = join(FIXTURES, 'single-file.yaml');
    const { taxonomy, problems } = await loadTaxonomy(path);
    assert.deepEqual(problems, []);
    assert.ok(taxonomy);
    assert.equal(taxonomy.version, '0.3');
    assert.equal(taxonomy.origin, path);
    assert.deepEqual(taxonomy.pool('intent'), ['ask', 'make']);
    assert.equal(taxonomy.has('intent', 'learn'), false);
    assert.equal(taxonomy.category('intent').name, 'Goal');
    assert.equal(taxonomy.category('intent').tags[0].description, 'The user asks a question.');
    assert.equal(taxonomy.resolveAlias('intent', 'How To'), 'ask');
    // select and call default to what the labeler expects when a category leaves them out.
    assert.equal(taxonomy.category('domain').select, 'multi');
    assert.equal(taxonomy.category('domain').call, 1);
    assert.equal(taxonomy.category('context').call, 2);
    assert.deepEqual(taxonomy.tag('concept', 'loops'), {
      id: 'loops',
      name: 'Loops',
      category: 'concept',
      subcategory: 'basics',
      aliases: [],
    });
  });

  it('loads a folder user taxonomy, given the folder or its taxonomy.yaml', async () => {
    for (const location of [join(FIXTURES, 'folder'), join(FIXTURES, 'folder', 'taxonomy.yaml')]) {
      const { taxonomy, problems } = await loadTaxonomy(location);
      assert.deepEqual(problems, [], location);
      assert.ok(taxonomy);
      assert.equal(taxonomy.version, '2025.1');
      assert.deepEqual(taxonomy.pool('intent'), ['explain', 'write']);
      assert.deepEqual(taxonomy.pool('language'), ['rust']);
      assert.equal(taxonomy.resolveAlias('language', 'RS'), 'rust');
      assert.deepEqual(taxonomy.tag('concept', 'borrowing')?.related, ['rust']);
    }
  });

  it('reads only the given file when a single file is not named taxonomy.yaml', async () => {
    mkdirSync(join(scratch, 'tags'));
    copyFileSync(join(FIXTURES, 'single-file.yaml'), join(scratch, 'mine.yaml'));
    writeFileSync(join(scratch, 'tags', 'noise.yaml'), 'category: nowhere\ntags: []\n');
    const { taxonomy, problems } = await loadTaxonomy(join(scratch, 'mine.yaml'));
    assert.deepEqual(problems, []);
    assert.ok(taxonomy);
  });

  it('returns no taxonomy when there is an error, and names the file', async () => {
    const broken = join(scratch, 'taxonomy.yaml');
    writeFileSync(broken, SINGLE_FILE_ROOT.replace('select: single\n    call: 1', 'select: sngle\n    call: 1'));
    const { taxonomy, problems } = await loadTaxonomy(broken);
    assert.equal(taxonomy, undefined);
    assert.deepEqual(
      problems.map((p) => [p.file, p.code, p.range.start.line]),
      [[broken, 'taxonomy/unknown-select', 6]],
    );
  });

  it('still loads with warnings, leaving out categories the labeler does not use', () => {
    const { taxonomy, problems } = loadTaxonomyFromTexts([{ path: 'root.yaml', text: `${flowRoot()}\n${flowCategory('mood')}` }]);
    assert.deepEqual(problems.map((p) => p.code), ['taxonomy/extra-category']);
    assert.ok(taxonomy);
    assert.equal(taxonomy.categories.length, 9);
    assert.deepEqual(taxonomy.dimensionsOf('mood-tag'), []);
  });

  it('ignores a byte-order mark so positions on the first line match the editor', async () => {
    const path = join(scratch, 'taxonomy.yaml');
    writeFileSync(path, `\uFEFF${flowRoot({ 0: 'version: 1.0' })}`);
    const { problems } = await loadTaxonomy(path);
    assert.deepEqual(problems.map((p) => [p.code, p.range.start.character]), [['taxonomy/wrong-type', 9]]);
  });

  it('reports a missing location or a folder without taxonomy.yaml', async () => {
    const missing = await loadTaxonomy(join(scratch, 'absent'));
    assert.deepEqual(missing.problems.map((p) => p.code), ['taxonomy/not-found']);
    assert.match(missing.problems[0].message, /no taxonomy file or folder/);
    const empty = await loadTaxonomy(scratch);
    assert.deepEqual(empty.problems.map((p) => p.code), ['taxonomy/not-found']);
    assert.equal(empty.taxonomy, undefined);
  });

  it('merges inline tags and tag files, inline first', () => {
    const { taxonomy, problems } = loadTaxonomyFromTexts([
      { path: 'tags/domain.yaml', text: 'category: domain\ntags:\n  - { id: health, name: Health }\n' },
      { path: 'root.yaml', text: flowRoot() },
    ]);
    assert.deepEqual(problems, []);
    assert.deepEqual(taxonomy?.pool('domain'), ['domain-tag', 'health']);
    assert.equal(taxonomy?.origin, 'root.yaml');
  });

  describe('hash', () => {
    it('ignores comments, whitespace, quoting, key order and flow versus block style', () => {
      const reformatted = flowRoot({
        2: [
          '  # intent first, as the labeler asks it first',
          '  - name: intent',
          "    id: 'intent'",
          '    tags:',
          '      - id: intent-tag     # the only one',
          '        name: "intent tag"',
          '',
        ].join('\n'),
      });
      assert.equal(hashOf(reformatted), hashOf(flowRoot()));
    });

    it('ignores the version string', () => {
      assert.equal(hashOf(flowRoot({ 0: 'version: "2"' })), hashOf(flowRoot()));
    });

    it('changes when a tag, an alias, a description or the tag order changes', () => {
      const base = hashOf(flowRoot());
      const variants = [
        flowRoot({ 2: '  - { id: intent, name: intent, tags: [{ id: intent-tag, name: intent tag, aliases: [x] }] }' }),
        flowRoot({ 2: '  - { id: intent, name: intent, tags: [{ id: intent-tag, name: intent tag, description: New. }] }' }),
        flowRoot({ 2: '  - { id: intent, name: intent, tags: [{ id: renamed, name: intent tag }] }' }),
        flowRoot({ 2: '  - { id: intent, name: intent, tags: [{ id: a, name: A }, { id: b, name: B }] }' }),
        flowRoot({ 2: '  - { id: intent, name: intent, tags: [{ id: b, name: B }, { id: a, name: A }] }' }),
      ];
      const hashes = variants.map(hashOf);
      assert.equal(new Set([base, ...hashes]).size, 1 + variants.length);
    });
  });
});
