import { strict as assert } from 'node:assert';
import { compileKeywords, compileKeywordSet, rankedKeys } from '../../../../src/core/labeling/keywords';

describe('core/labeling/keywords', () => {
  const m = compileKeywords({ java: ['java'], js: ['javascript', 'node.js'], cpp: ['c++'], big: ['big-o', 'o(n)'], zh: ['实现'], learn: ['怎么实现'] });

  it('matches whole words only, case-insensitively', () => {
    const hits = m.scan('JavaScript and Java, not javanese; Node.js too');
    assert.deepEqual([...hits.counts], [['js', 2], ['java', 1]]);
    assert.deepEqual(hits.words.get('js'), ['javascript', 'node.js']);
  });

  it('handles phrases with symbols at either end', () => {
    assert.equal(m.scan('I love C++ and o(n) time').counts.get('cpp'), 1);
    assert.equal(m.scan('runs in O(n)').counts.get('big'), 1);
    assert.equal(m.scan('a big-o question').counts.get('big'), 1);
  });

  it('Chinese phrases match anywhere; the longer phrase at a spot consumes the shorter', () => {
    const hits = m.scan('这个模块怎么实现的？然后帮我实现一个新的');
    assert.equal(hits.counts.get('learn'), 1);
    assert.equal(hits.counts.get('zh'), 1, 'only the second 实现 counts');
  });

  it('case-sensitive tables tell the library from the verb', () => {
    const fw = compileKeywords({ react: ['React'] }, { caseSensitive: true });
    assert.equal(fw.scan('how should I react').counts.size, 0);
    assert.equal(fw.scan('a React hook').counts.get('react'), 1);
  });

  it('a keyword set scans once and never lets one table consume text of another', () => {
    const set = compileKeywordSet({ a: { learn: ['how is it implemented'] }, b: { build: ['implemented', 'it'] } });
    const hits = set.scan('How is it implemented?');
    assert.equal(hits.a.counts.get('learn'), 1);
    assert.equal(hits.b.counts.get('build'), 2);
  });

  it('ranks keys by hit count with a floor', () => {
    const hits = compileKeywords({ x: ['x'], y: ['y'] }).scan('y x y y');
    assert.deepEqual(rankedKeys(hits), ['y', 'x']);
    assert.deepEqual(rankedKeys(hits, 2), ['y']);
  });
});
