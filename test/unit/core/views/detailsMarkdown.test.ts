import { strict as assert } from 'node:assert';
import { rowDetailsMarkdown } from '../../../../src/core/views/detailsMarkdown';
import { record, view } from './fixtures';

describe('core/views/detailsMarkdown', () => {
  it('has every reply\'s labels, record facts and the escaped conversation', () => {
    const md = rowDetailsMarkdown({
      fileName: 'my_data.jsonl',
      rowIndex: 4,
      line: 5,
      rowId: 'r-5',
      turns: [
        { role: 'user', text: 'What does `**` do in Python?' },
        { role: 'assistant', text: 'It unpacks a dict: f(**kwargs).' },
        { role: 'user', text: 'And *args?' },
        { role: 'assistant', text: 'It unpacks a sequence.' },
      ],
      views: [view('labeled', record('s1:aaa'), 1, 2), view('not-labeled', undefined, 2, 2)],
    });
    assert.match(md, /^# my\\_data\\\.jsonl: row 5$/m);
    assert.match(md, /^Line 5, id r\\-5\.$/m);
    assert.match(md, /^## Reply 1 of 2$/m);
    assert.match(md, /^## Reply 2 of 2$/m);
    assert.match(md, /^\*\*Not labeled\*\* yet\.$/m);
    assert.match(md, /^- Sample id: `s1:aaa`$/m);
    assert.match(md, /^- Labeled: 2026\\-01\\-02T03:04:05\\\.000Z in run run\\-1$/m);
    assert.match(md, /^\*\*user\*\*: What does \\`\\\*\\\*\\` do in Python\?$/m);
    assert.equal(md.match(/^\*\*(user|assistant)\*\*/gm)?.length, 4);
  });
});
