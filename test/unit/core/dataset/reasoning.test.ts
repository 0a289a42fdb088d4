import { strict as assert } from 'node:assert';
import { splitPanguReasoning, splitThinkTags } from '../../../../src/core/dataset/reasoning';

describe('core/dataset/reasoning', () => {
  it('leaves text without tags untouched (including untrimmed whitespace)', () => {
    assert.deepEqual(splitThinkTags('  I think so.  '), { text: '  I think so.  ' });
  });

  it('moves <think> and <thinking> blocks out of the text', () => {
    assert.deepEqual(splitThinkTags('<think>\nplan\n</think>\n\nAnswer'), { text: 'Answer', reasoning: 'plan' });
    assert.deepEqual(splitThinkTags('<thinking>a</thinking>B<THINK>c</THINK>D'), { text: 'BD', reasoning: 'a\n\nc' });
  });

  it('treats an empty block as no reasoning (a fast reply)', () => {
    assert.deepEqual(splitThinkTags('<think>\n\n</think>\n\nAnswer'), { text: 'Answer' });
  });

  it('treats a leading <think> that never closes as all reasoning', () => {
    assert.deepEqual(splitThinkTags('<think>still thinking when cut'), { text: '', reasoning: 'still thinking when cut' });
  });

  it('treats text before a lone </think> as reasoning (opening tag lived in the template)', () => {
    assert.deepEqual(splitThinkTags('plan first</think>\nAnswer'), { text: 'Answer', reasoning: 'plan first' });
  });

  it('does not match mismatched tag names', () => {
    assert.deepEqual(splitThinkTags('<think>x</thinking>y').reasoning, 'x</thinking>y');
  });

  it('splits Pangu [unused16]…[unused17] reasoning, empty or unclosed', () => {
    assert.deepEqual(splitPanguReasoning('[unused16]why[unused17]answer'), { text: 'answer', reasoning: 'why' });
    assert.deepEqual(splitPanguReasoning('[unused16][unused17]answer'), { text: 'answer' });
    assert.deepEqual(splitPanguReasoning('[unused16]cut off'), { text: '', reasoning: 'cut off' });
    assert.deepEqual(splitPanguReasoning('plain'), { text: 'plain' });
  });
});
