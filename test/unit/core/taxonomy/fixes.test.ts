import { strict as assert } from 'node:assert';
import { parseDocument, Scalar } from 'yaml';
import { applyFix, closest, editDistance, nearest, scalarReplacement, toKebabCase } from '../../../../src/core/taxonomy/fixes';

function scalar(source: string): Scalar {
  return parseDocument(`k: ${source}`).get('k', true) as Scalar;
}

describe('core/taxonomy/fixes', () => {
  it('turns ids into kebab-case', () => {
    assert.equal(toKebabCase('CodeReview'), 'code-review');
    assert.equal(toKebabCase('code_review  task'), 'code-review-task');
    assert.equal(toKebabCase('--Web Frontend--'), 'web-frontend');
    assert.equal(toKebabCase('MQL5'), 'mql5');
    assert.equal(toKebabCase('!!!'), '');
  });

  it('suggests only plausible typos', () => {
    assert.equal(editDistance('singel', 'single'), 2);
    assert.equal(nearest('domian', ['domain', 'task']), 'domain');
    assert.equal(nearest('ab', ['xy']), undefined);
    assert.equal(nearest('zzzzzz', ['domain']), undefined);
    assert.deepEqual(closest('one', ['single', 'multi']), { candidate: 'single', distance: 4 });
  });

  it('keeps quoting style and quotes values YAML would not read as strings', () => {
    assert.equal(scalarReplacement(scalar('Foo'), 'foo'), 'foo');
    assert.equal(scalarReplacement(scalar("'Foo'"), "it's"), "'it''s'");
    assert.equal(scalarReplacement(scalar('"Foo"'), 'foo'), '"foo"');
    assert.equal(scalarReplacement(scalar('x'), '12'), '"12"');
    assert.equal(scalarReplacement(undefined, 'true'), '"true"');
  });

  it('applies a fix by 0-based line and character', () => {
    const text = 'a: 1\nselect: multy\nz: 2\n';
    const fixed = applyFix(text, {
      title: 'Change to `multi`',
      range: { start: { line: 1, character: 8 }, end: { line: 1, character: 13 } },
      newText: 'multi',
    });
    assert.equal(fixed, 'a: 1\nselect: multi\nz: 2\n');
  });
});
