import { strict as assert } from 'node:assert';
import { escapeMarkdown, oneLine, quote } from '../../../../src/core/views/markdown';
import { formatDuration } from '../../../../src/core/views/labelSections';

describe('core/views/markdown', () => {
  it('escapes every character Markdown gives meaning to, and angle brackets', () => {
    assert.equal(escapeMarkdown('*a* _b_ `c` [d](e) <f> # | ~ !'), '\\*a\\* \\_b\\_ \\`c\\` \\[d\\]\\(e\\) \\<f\\> \\# \\| \\~ \\!');
  });

  it('flattens and truncates', () => {
    assert.equal(oneLine('  a\n\tb  c ', 10), 'a b c');
    assert.equal(oneLine('abcdefghij', 5), 'abcd…');
    assert.equal(quote('**x**\ny', 20), '\\*\\*x\\*\\* y');
  });

  it('formats durations for people', () => {
    assert.equal(formatDuration(850), '850 ms');
    assert.equal(formatDuration(1530), '1.5 s');
    assert.equal(formatDuration(42_400), '42 s');
    assert.equal(formatDuration(185_000), '3 min 5 s');
  });
});
