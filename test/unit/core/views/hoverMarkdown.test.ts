import { strict as assert } from 'node:assert';
import { rowHoverMarkdown } from '../../../../src/core/views/hoverMarkdown';
import { failedRecord, record, scoreRecord, view } from './fixtures';

const turns = [
  { role: 'user', text: 'Write [a link](http://evil.example) and <img src=x onerror=alert(1)> please' },
  { role: 'assistant', text: 'Sure.' },
];

describe('core/views/hoverMarkdown', () => {
  it('lists all nine dimensions with tags and confidences', () => {
    const md = rowHoverMarkdown({ rowIndex: 0, line: 1, rowId: 'c1', turns, views: [view('labeled', record('a'))] });
    for (const dim of ['Intent', 'Language', 'Domain', 'Task', 'Difficulty', 'Concept', 'Agentic', 'Constraint', 'Context']) {
      assert.match(md, new RegExp(`^\\| ${dim} \\|`, 'm'));
    }
    assert.match(md, /^\| Intent \| build \| 0\.92 \|$/m);
    assert.match(md, /^\| Task \| feature\\-implementation, testing \| 0\.81 \|$/m);
    assert.match(md, /^\| Agentic \| — \| — \|$/m);
    assert.match(md, /^\*\*SFT labels\*\* · row 1 · line 1 · id c1$/m);
  });

  it('says who labeled, with what model, calls, tokens and time', () => {
    const md = rowHoverMarkdown({ rowIndex: 0, line: 1, turns, views: [view('labeled', record('a'))] });
    assert.match(md, /^LLM · model gpt\\-test · 2 calls \(3 attempts\) · 1,340 tokens \(1,200 prompt \+ 140 completion\) · 1\.5 s · json\\_schema$/m);
    const heuristic = rowHoverMarkdown({ rowIndex: 0, line: 1, turns, views: [view('labeled', record('a', { labeler: 'heuristic', model: undefined }))] });
    assert.match(heuristic, /built-in heuristic labeler/);
    assert.ok(!heuristic.includes('tokens'));
  });

  it('shows unmapped tags, canonicalization notes, arbitration and consistency warnings', () => {
    const base = record('a');
    const rec = record('a', {
      labels: {
        ...base.labels!,
        unmapped: [{ dimension: 'language', value: 'brainf*ck' }],
        canonicalized: [{ source_dimension: 'language', source_value: 'py', target_dimension: 'language', canonical_value: 'python', reason: 'alias' }],
      },
      monitor: { ...base.monitor, arbitrated: true, low_confidence_dims: [{ dim: 'domain', conf: 0.41 }], consistency_warnings: ['debug intent without a bug'] },
    });
    const md = rowHoverMarkdown({ rowIndex: 0, line: 1, views: [view('labeled', rec)] });
    assert.match(md, /\*\*Unmapped tags\*\* \(not in the taxonomy, dropped\): Language: brainf\\\*ck/);
    assert.match(md, /\*\*Canonicalized\*\*: py → python \(language, alias\)/);
    assert.match(md, /\*\*Arbitration\*\*: re-asked domain \(0\.41\)/);
    assert.match(md, /\*\*Consistency\*\*: debug intent without a bug/);
  });

  it('escapes and truncates dataset text, so a row cannot inject links, images or HTML', () => {
    const md = rowHoverMarkdown({ rowIndex: 0, line: 1, rowId: '[x](y)', turns, views: [view('labeled', record('a'))] });
    assert.match(md, /^> Write \\\[a link\\\]\\\(http:\/\/evil\\\.example\\\) and \\<img src=x onerror=alert\\\(1\\\)\\> please$/m);
    assert.match(md, /id \\\[x\\\]\\\(y\\\)/);
    assert.ok(!/[^\\]\[a link\]/.test(md));
    const long = rowHoverMarkdown({ rowIndex: 0, line: 1, turns: [{ role: 'user', text: 'word '.repeat(200) }], views: [] });
    const excerpt = long.split('\n').find((l) => l.startsWith('> '))!;
    assert.ok(excerpt.length <= 170, `excerpt of ${excerpt.length} characters`);
    assert.ok(excerpt.endsWith('…'));
  });

  it('escapes what a model or server answered, too', () => {
    const md = rowHoverMarkdown({ rowIndex: 0, line: 1, views: [view('failed', failedRecord('f', 'bad [link](http://x) <b>'))] });
    assert.match(md, /\*\*Failed\*\*: http\\_error, HTTP 400: bad \\\[link\\\]\\\(http:\/\/x\\\) \\<b\\>/);
  });

  it('breaks a multi-turn row down per reply, then details the last reply with labels', () => {
    const views = [view('labeled', record('a'), 1, 3), view('failed', failedRecord('b', 'timeout'), 2, 3), view('not-labeled', undefined, 3, 3)];
    const md = rowHoverMarkdown({ rowIndex: 2, line: 7, turns, views });
    assert.match(md, /^\*\*3 replies\*\*$/m);
    assert.match(md, /^- Reply 1\/3, labeled: build · intermediate · python \/ web\\-backend \/ feature\\-implementation$/m);
    assert.match(md, /^- Reply 2\/3, failed: http\\_error, HTTP 400: timeout$/m);
    assert.match(md, /^- Reply 3\/3: not labeled$/m);
    assert.match(md, /^\*\*Reply 2\/3\*\*$/m);
  });

  it('explains stale and outdated labels, and rows that are not conversations', () => {
    assert.match(rowHoverMarkdown({ rowIndex: 0, line: 1, views: [view('stale', record('old'))] }), /\*\*Stale\*\*: this reply changed since it was labeled/);
    assert.match(rowHoverMarkdown({ rowIndex: 0, line: 1, views: [view('outdated', record('a'))] }), /\*\*Outdated\*\*/);
    const broken = rowHoverMarkdown({
      rowIndex: 3,
      line: 4,
      views: [],
      issues: [{ file: 'd.jsonl', line: 4, severity: 'error', code: 'invalid-json', message: 'invalid JSON: Unexpected end' }],
    });
    assert.match(broken, /^\*\*Error\*\* \(line 4\): invalid JSON: Unexpected end$/m);
  });

  it('shows the value score with its sub-scores and flags, and says when it is out of date', () => {
    const label = record('a');
    const scored = { ...view('labeled', label), score: scoreRecord(label), scoreCurrent: true };
    const md = rowHoverMarkdown({ rowIndex: 0, line: 1, views: [scored] });
    assert.match(md, /^\*\*Value 7\.4\*\* · complexity 6 · quality 8 · reasoning 7 · rarity 5\.3 · judge confidence 0\.80$/m);
    assert.match(md, /^- Quality: correctness 8, code 7, explanation 6, completeness 8$/m);
    assert.match(md, /^- Reasoning: clarity 7, consistency 7, self-correction —$/m);
    assert.match(md, /^- Flags: incomplete, \\<weird\\>$/m);
    assert.match(md, /^- Thinking mode: fast \(no reasoning in the reply\)$/m);
    const slow = rowHoverMarkdown({ rowIndex: 0, line: 1, views: [{ ...scored, score: scoreRecord(label, { thinkingMode: 'slow' }) }] });
    assert.match(slow, /^- Thinking mode: slow /m);
    const stale = rowHoverMarkdown({ rowIndex: 0, line: 1, views: [{ ...scored, scoreCurrent: false }] });
    assert.match(stale, /\*\*Value 7\.4\*\* \(scored for earlier labels or prompts/);
    const failed = rowHoverMarkdown({
      rowIndex: 0, line: 1,
      views: [{ ...scored, score: scoreRecord(label, { status: 'failed', failure: { code: 'timeout', message: 'judge timed out' } }) }],
    });
    assert.match(failed, /^\*\*Scoring failed\*\*: timeout: judge timed out$/m);
  });
});
