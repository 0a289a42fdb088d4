import { strict as assert } from 'node:assert';
import type { TaxonomyProblem } from '../../../../src/core/taxonomy/types';
import { applyFix, formatProblem, validateTaxonomyTexts } from '../../../../src/core/taxonomy/validate';
import { flowCategory, flowRoot, lines, span, summary, validateTagFile } from './helpers';

/** Exactly one problem, returned for closer inspection. */
function single(problems: TaxonomyProblem[]): TaxonomyProblem {
  assert.equal(problems.length, 1, problems.map(formatProblem).join('\n'));
  return problems[0];
}

function validateRoot(text: string): TaxonomyProblem[] {
  return validateTaxonomyTexts([{ path: 'root.yaml', text }]);
}

describe('core/taxonomy/validate', () => {
  it('accepts the valid fixtures with zero problems', () => {
    assert.deepEqual(validateRoot(flowRoot()), []);
    assert.deepEqual(validateTagFile(lines('category: domain', 'tags:', '  - { id: health, name: Health }')), []);
  });

  describe('file level', () => {
    it('reports a YAML syntax error at the parser position and skips the broken file', () => {
      const p = single(validateTagFile(lines('category: domain', 'tags:', '  - id: bad', '    name: [unclosed')));
      assert.equal(summary(p), 'error taxonomy/yaml-syntax 3,19,3,19');
      assert.equal(p.file, 'tags/extra.yaml');
    });

    it('reports a duplicate mapping key as a syntax error on the second key', () => {
      const p = single(validateTagFile(lines('category: domain', 'tags:', '  - id: a', '    name: A', '    id: b')));
      assert.equal(summary(p), 'error taxonomy/yaml-syntax 4,4,4,5');
    });

    it('reports a file that is neither a root file nor a tag file', () => {
      assert.equal(summary(single(validateTagFile('foo: bar'))), 'error taxonomy/unknown-file-kind 0,0,0,3');
      assert.equal(summary(single(validateTagFile(''))), 'error taxonomy/unknown-file-kind 0,0,0,0');
    });

    it('requires exactly one root file', () => {
      assert.equal(summary(single(validateTaxonomyTexts([{ path: 't.yaml', text: 'category: intent\ntags: []' }]))), 'error taxonomy/missing-root 0,0,0,0');
      assert.equal(single(validateTaxonomyTexts([])).code, 'taxonomy/missing-root');
      const twice = single(validateTaxonomyTexts([{ path: 'a.yaml', text: flowRoot() }, { path: 'b.yaml', text: flowRoot() }]));
      assert.equal(summary(twice), 'error taxonomy/duplicate-root 1,0,1,10');
      assert.equal(twice.file, 'b.yaml');
    });
  });

  describe('fields and types', () => {
    it('points a missing field at the first key of the mapping, an empty one at its key', () => {
      const problems = validateTagFile(
        lines('category: domain', 'tags:', '  - id: no-name', '    description: Lacks a name.', '  - id: null-name', '    name:'),
      );
      assert.deepEqual(problems.map(summary), ['error taxonomy/missing-field 2,4,2,6', 'error taxonomy/missing-field 5,4,5,8']);
      assert.match(problems[0].message, /missing the required field `name`/);
      assert.match(problems[1].message, /`name` has no value/);
    });

    it('reports wrong types at the value, with a quoting fix for numbers', () => {
      const problems = validateTagFile(
        lines('category: domain', 'tags:', '  - id: 12', '    name: Twelve', '    aliases: plain', '  - 7'),
      );
      assert.deepEqual(problems.map(summary), [
        'error taxonomy/wrong-type 2,8,2,10',
        'error taxonomy/wrong-type 4,13,4,18',
        'error taxonomy/wrong-type 5,4,5,5',
      ]);
      assert.equal(problems[0].fix?.newText, '"12"');
      assert.match(problems[1].message, /`aliases` must be a list, found the string "plain"/);
    });

    it('offers to quote a numeric version', () => {
      const text = flowRoot({ 0: 'version: 1.0' });
      const p = single(validateRoot(text));
      assert.equal(summary(p), 'error taxonomy/wrong-type 0,9,0,12');
      assert.ok(p.fix);
      assert.deepEqual(validateRoot(applyFix(text, p.fix)), []);
    });

    it('rejects an empty alias', () => {
      const p = single(validateTagFile(lines('category: domain', 'tags:', '  - { id: health, name: Health, aliases: [""] }')));
      assert.equal(summary(p), 'error taxonomy/empty-value 2,42,2,44');
    });

    it('warns about unknown fields and suggests the field that was meant', () => {
      const problems = validateTagFile(
        lines('category: domain', 'tags:', '  - id: health', '    name: Health', '    alias: [med]', '    colour: red'),
      );
      assert.deepEqual(problems.map(summary), ['warning taxonomy/unknown-field 4,4,4,9', 'warning taxonomy/unknown-field 5,4,5,10']);
      assert.equal(problems[0].fix?.newText, 'aliases');
      assert.equal(problems[1].fix, undefined);
    });

    it('reports an unknown select mode with a fix to the nearest mode', () => {
      const text = flowRoot({ 3: flowCategory('language', ', select: multy') });
      const p = single(validateRoot(text));
      assert.equal(summary(p), 'error taxonomy/unknown-select 3,44,3,49');
      assert.equal(p.fix?.newText, 'multi');
      assert.deepEqual(validateRoot(applyFix(text, p.fix!)), []);
    });

    it('rejects a call other than 1 or 2', () => {
      const p = single(validateRoot(flowRoot({ 3: flowCategory('language', ', call: 3') })));
      assert.equal(summary(p), 'error taxonomy/invalid-value 3,42,3,43');
    });

    it('reports ids that are not kebab-case, with a rename fix that keeps quoting', () => {
      const text = lines('category: domain', 'tags:', '  - { id: Health_Care, name: Health Care }', '  - { id: "Bio Tech", name: Biotech }');
      const problems = validateTagFile(text);
      assert.deepEqual(problems.map(summary), ['error taxonomy/not-kebab-case 2,10,2,21', 'error taxonomy/not-kebab-case 3,10,3,20']);
      assert.equal(problems[0].fix?.newText, 'health-care');
      assert.equal(problems[1].fix?.newText, '"bio-tech"');
      const fixed = applyFix(applyFix(text, problems[1].fix!), problems[0].fix!);
      assert.deepEqual(validateTagFile(fixed), []);
    });
  });

  describe('categories', () => {
    it('reports a missing required category at the categories key', () => {
      const p = single(validateRoot(flowRoot({ 8: null })));
      assert.equal(summary(p), 'error taxonomy/missing-category 1,0,1,10');
      assert.match(p.message, /`agentic`/);
    });

    it('warns that an extra category is not used by the labeler', () => {
      const p = single(validateRoot(`${flowRoot()}\n${flowCategory('mood')}`));
      assert.equal(summary(p), 'warning taxonomy/extra-category 11,10,11,14');
      assert.match(p.message, /not used by the labeler/);
    });

    it('requires the select mode the label record needs', () => {
      const p = single(validateRoot(flowRoot({ 2: flowCategory('intent', ', select: multi') })));
      assert.equal(summary(p), 'error taxonomy/select-mismatch 2,40,2,45');
      assert.equal(p.fix?.newText, 'single');
    });

    it('reports a category declared twice', () => {
      const p = single(validateRoot(`${flowRoot()}\n  - { id: task, name: Again, tags: [{ id: chore, name: Chore }] }`));
      assert.equal(summary(p), 'error taxonomy/duplicate-id 11,10,11,14');
      assert.match(p.message, /already declared at root\.yaml:6/);
    });

    it('reports a category with no tags', () => {
      const p = single(validateRoot(flowRoot({ 4: '  - { id: domain, name: Domain }' })));
      assert.equal(summary(p), 'error taxonomy/empty-category 4,10,4,16');
    });

    it('reports a subcategory declared twice', () => {
      const concept = '  - { id: concept, name: C, subcategories: [{id: a, name: A}, {id: a, name: B}], tags: [{ id: c1, name: C1, subcategory: a }] }';
      const p = single(validateRoot(flowRoot({ 7: concept })));
      assert.equal(summary(p), 'error taxonomy/duplicate-id 7,67,7,68');
    });
  });

  describe('tags', () => {
    it('reports a duplicate id in one category at the second occurrence', () => {
      const p = single(validateTagFile(lines('category: domain', 'tags:', '  - { id: health, name: Health }', '  - { id: health, name: Care }')));
      assert.equal(summary(p), 'error taxonomy/duplicate-id 3,10,3,16');
      assert.match(p.message, /first defined at tags\/extra\.yaml:3/);
    });

    it('reports an id used in two categories', () => {
      const p = single(validateTagFile(lines('category: domain', 'tags:', '  - { id: plotting, name: Plot Domain }')));
      assert.equal(summary(p), 'error taxonomy/id-in-two-categories 2,10,2,18');
      assert.match(p.message, /category `task` \(root\.yaml:41\)/);
    });

    it('warns about two tags with the same name in a category', () => {
      const p = single(validateTagFile(lines('category: domain', 'tags:', '  - { id: health, name: Finance }')));
      assert.equal(summary(p), 'warning taxonomy/duplicate-name 2,24,2,31');
    });

    it('checks aliases against ids and each other', () => {
      const problems = validateTagFile(
        lines(
          'category: domain',
          'tags:',
          '  - { id: health, name: Health, aliases: [finance, ask, med] }',
          '  - { id: medicine, name: Medicine, aliases: [Med] }',
        ),
      );
      assert.deepEqual(problems.map(summary), [
        'error taxonomy/alias-is-id 2,42,2,49',
        'warning taxonomy/alias-is-foreign-id 2,51,2,54',
        'warning taxonomy/shared-alias 3,46,3,49',
      ]);
    });

    it('reports a tag file naming an undeclared category, with a fix', () => {
      const p = single(validateTagFile(lines('category: domian', 'tags:', '  - { id: health, name: Health }')));
      assert.equal(summary(p), 'error taxonomy/unknown-category 0,10,0,16');
      assert.equal(p.fix?.newText, 'domain');
    });

    it('reports a tag whose own category differs from its file', () => {
      const p = single(validateTagFile(lines('category: domain', 'tags:', '  - id: health', '    name: Health', '    category: task')));
      assert.equal(summary(p), 'error taxonomy/category-mismatch 4,14,4,18');
      assert.equal(p.fix?.newText, 'domain');
    });

    it('checks subcategories against the category', () => {
      const problems = validateTagFile(
        lines('category: concept', 'tags:', '  - { id: anova, name: ANOVA, subcategory: stat }', '  - { id: joins, name: Joins }'),
      );
      assert.deepEqual(problems.map(summary), ['error taxonomy/unknown-subcategory 2,43,2,47', 'error taxonomy/missing-subcategory 3,6,3,8']);
      assert.equal(problems[0].fix?.newText, 'stats');
      const flat = single(validateTagFile(lines('category: domain', 'tags:', '  - { id: health, name: Health, subcategory: medical }')));
      assert.equal(summary(flat), 'error taxonomy/unknown-subcategory 2,45,2,52');
      assert.match(flat.message, /declares no subcategories/);
    });

    it('reports dangling related references, suggesting a close id', () => {
      const problems = validateTagFile(
        lines('category: domain', 'tags:', '  - { id: health, name: Health, related: [finnace, nothing-like-it] }'),
      );
      assert.deepEqual(problems.map(summary), ['error taxonomy/dangling-reference 2,42,2,49', 'error taxonomy/dangling-reference 2,51,2,66']);
      assert.equal(problems[0].fix?.newText, 'finance');
      assert.equal(problems[1].fix, undefined);
    });

    it('warns about descriptions over 200 characters', () => {
      const ok = lines('category: domain', 'tags:', '  - id: health', '    name: Health', `    description: ${'x'.repeat(200)}`);
      assert.deepEqual(validateTagFile(ok), []);
      const p = single(validateTagFile(`${ok}x`));
      assert.equal(summary(p), 'warning taxonomy/long-description 4,17,4,218');
    });
  });

  it('reports the same positions for CRLF line endings', () => {
    const p = single(validateTagFile(['category: domain', 'tags:', '  - { id: health, name: Health }', '  - { id: health, name: Care }'].join('\r\n')));
    assert.equal(summary(p), 'error taxonomy/duplicate-id 3,10,3,16');
  });

  describe('formatProblem', () => {
    it('prints file:line:col with 1-based positions', () => {
      const p = single(validateTagFile(lines('category: domian', 'tags:', '  - { id: health, name: Health }')));
      assert.equal(
        formatProblem(p),
        'tags/extra.yaml:1:11: error taxonomy/unknown-category: unknown category `domian`: it is not declared in root.yaml; did you mean `domain`?',
      );
      assert.deepEqual(span(p), [0, 10, 0, 16]);
    });
  });
});
