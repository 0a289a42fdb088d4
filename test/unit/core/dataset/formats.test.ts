import { strict as assert } from 'node:assert';
import { normaliseRow, normaliseTools } from '../../../../src/core/dataset/formats';
import { normaliseRole } from '../../../../src/core/dataset/turns';
import type { Conversation, InputIssue } from '../../../../src/core/model/conversation';
import { at } from './helpers';

function conv(row: unknown): Conversation {
  const { conversation, issues } = normaliseRow(row, at());
  assert.deepEqual(issues, []);
  assert.ok(conversation, 'expected a conversation');
  return conversation;
}

function onlyIssue(row: unknown): InputIssue {
  const { conversation, issues } = normaliseRow(row, at(7, 'd.jsonl'));
  assert.equal(conversation, undefined);
  assert.equal(issues.length, 1);
  return issues[0];
}

const brief = (c: Conversation) => c.turns.map((t) => [t.role, t.text, t.reasoning, t.toolName].filter((x) => x !== undefined));

describe('core/dataset/formats', () => {
  describe('ShareGPT and OpenAI-style conversations', () => {
    it('reads from/value turns, moves <think> reasoning aside and keeps the row id', () => {
      const c = conv({
        id: 'sg-1',
        conversations: [
          { from: 'system', value: 'Be brief.' },
          { from: 'human', value: 'Reverse a list' },
          { from: 'gpt', value: '<think>slicing works</think>\n\nUse `xs[::-1]`.' },
        ],
      });
      assert.equal(c.format, 'sharegpt');
      assert.equal(c.rowId, 'sg-1');
      assert.deepEqual(brief(c), [['system', 'Be brief.'], ['user', 'Reverse a list'], ['assistant', 'Use `xs[::-1]`.', 'slicing works']]);
      assert.match(c.rowHash, /^[0-9a-f]{64}$/);
    });

    it('reads role/content turns as openai_conversations, and from/value wins inside a mixed turn', () => {
      assert.equal(conv({ conversations: [{ role: 'user', content: 'q' }, { role: 'assistant', content: 'a' }] }).format, 'openai_conversations');
      const mixed = conv({
        conversations: [
          { role: 'user', content: 'ignored', from: 'human', value: 'kept' },
          { role: 'assistant', content: 'answer' },
        ],
      });
      assert.equal(mixed.format, 'sharegpt');
      assert.deepEqual(brief(mixed), [['user', 'kept'], ['assistant', 'answer']]);
    });

    it('stringifies scalar values', () => {
      assert.deepEqual(brief(conv({ conversations: [{ from: 'human', value: 42 }, { from: 'gpt', value: true }] })), [['user', '42'], ['assistant', 'true']]);
    });
  });

  describe('OpenAI messages', () => {
    it('takes reasoning from the sidecar fields, first non-empty one wins', () => {
      for (const field of ['reasoning_content', 'thinking_content', 'cot_content', 'reasoning']) {
        const c = conv({ messages: [{ role: 'user', content: 'q' }, { role: 'assistant', content: 'a', [field]: ' why ' }] });
        assert.equal(c.format, 'openai_messages');
        assert.equal(c.turns[1].reasoning, 'why', field);
      }
      const c = conv({ messages: [{ role: 'user', content: 'q' }, { role: 'assistant', content: 'a', reasoning_content: '', cot_content: 'second' }] });
      assert.equal(c.turns[1].reasoning, 'second');
    });

    it('joins text parts and shows other parts as placeholders', () => {
      const c = conv({
        messages: [
          { role: 'user', content: [{ type: 'text', text: 'What is this?' }, { type: 'image_url', image_url: { url: 'x' } }, { type: 'input_audio' }, { type: 'chart' }] },
          { role: 'assistant', content: [{ type: 'text', text: 'A cat.' }] },
        ],
      });
      assert.equal(c.turns[0].text, 'What is this?\n[image]\n[audio]\n[chart]');
      assert.equal(c.turns[1].text, 'A cat.');
    });

    it('renders tool calls as text, names tool turns, and keeps the tool list', () => {
      const tools = [{ type: 'function', function: { name: 'search' } }];
      const c = conv({
        messages: [
          { role: 'user', content: 'Find x' },
          { role: 'assistant', content: null, tool_calls: [{ id: '1', type: 'function', function: { name: 'search', arguments: '{"q": "x"}' } }, { function: { name: 'open', arguments: { id: 3 } } }] },
          { role: 'tool', name: 'search', content: 'x is 1' },
          { role: 'assistant', content: 'x is 1.' },
        ],
        tools,
      });
      assert.deepEqual(brief(c), [
        ['user', 'Find x'],
        ['assistant', '[tool call] search({"q": "x"})\n[tool call] open({"id":3})', 'search, open'],
        ['tool', 'x is 1', 'search'],
        ['assistant', 'x is 1.'],
      ]);
      assert.deepEqual(c.tools, tools);
    });

    it('appends tool calls after text and reads the older function_call field', () => {
      const c = conv({ messages: [{ role: 'user', content: 'q' }, { role: 'assistant', content: 'Let me look.', function_call: { name: 'ls', arguments: '{}' } }] });
      assert.equal(c.turns[1].text, 'Let me look.\n[tool call] ls({})');
    });
  });

  describe('Pangu', () => {
    it('turns meta_prompt into system turns, splits [unused16] reasoning and strips template tokens', () => {
      const c = conv({
        id: 'pg-1',
        meta_prompt: ['You are a coding assistant', ''],
        tools: '[{"name": "search"}]',
        data: [
          { role: 'user', content: 'Reverse a list /no_think' },
          { role: 'assistant', content: '[unused16]slicing works[unused17][unused11]{"name":"search"}[unused12]Use `xs[::-1]`.[unused10]' },
          { role: 'user', content: 'Thanks' },
          { role: 'assistant', content: '[unused16][unused17]You are welcome.' },
        ],
      });
      assert.equal(c.format, 'pangu');
      assert.equal(c.packed, undefined);
      assert.deepEqual(c.tools, [{ name: 'search' }]);
      assert.deepEqual(brief(c), [
        ['system', 'You are a coding assistant'],
        ['user', 'Reverse a list'],
        ['assistant', '{"name":"search"}\nUse `xs[::-1]`.', 'slicing works'],
        ['user', 'Thanks'],
        ['assistant', 'You are welcome.'],
      ]);
    });

    it('accepts meta_prompt as a plain string', () => {
      assert.deepEqual(brief(conv({ meta_prompt: 'Sys', data: [{ role: 'user', content: 'q' }, { role: 'assistant', content: 'a' }] }))[0], ['system', 'Sys']);
    });

    it('marks a row whose user turn packs earlier turns with [unused10]', () => {
      const c = conv({
        data: [
          { role: 'user', content: 'What is Docker? /no_think[unused10][unused9]Assistant:[unused16][unused17]A container platform.[unused10][unused9]User: And VMs?' },
          { role: 'assistant', content: '[unused16]compare[unused17]VMs virtualise hardware.' },
        ],
      });
      assert.equal(c.packed, true);
      assert.equal(c.turns[0].text, 'What is Docker?\nAssistant:A container platform.\nUser: And VMs?');
      assert.equal(c.turns[1].reasoning, 'compare');
    });
  });

  describe('Alpaca', () => {
    it('builds system, history, instruction + input and output turns', () => {
      const c = conv({ system: 'Sys', history: [['q1', 'a1']], instruction: 'Translate', input: 'bonjour', output: '<think>French</think>hello', id: 7 });
      assert.equal(c.format, 'alpaca');
      assert.equal(c.rowId, '7');
      assert.deepEqual(brief(c), [['system', 'Sys'], ['user', 'q1'], ['assistant', 'a1'], ['user', 'Translate\n\nbonjour'], ['assistant', 'hello', 'French']]);
    });

    it('rejects a history entry that is not a pair', () => {
      const problem = onlyIssue({ instruction: 'x', output: 'y', history: [['q', 'a'], 'oops'] });
      assert.equal(problem.code, 'invalid-turns');
      assert.match(problem.message, /history\[1\]/);
    });
  });

  describe('sft-label records', () => {
    it('rebuilds request, trajectory and response from selection_view', () => {
      const c = conv({
        id: 'tid:v1:1',
        labels: { intent: 'build' },
        selection_view: { current_request: 'Fix it', trajectory: '[Tool Result] tests fail', response: 'Fixed.' },
      });
      assert.equal(c.format, 'sftlabel_record');
      assert.deepEqual(brief(c), [['user', 'Fix it'], ['tool', '[Tool Result] tests fail', 'trajectory'], ['assistant', 'Fixed.']]);
      assert.equal(conv({ value: {}, selection_view: { current_request: 'q', trajectory: '', response: 'a' } }).turns.length, 2);
    });

    it('warns (not errors) about a record with no text at all', () => {
      const problem = onlyIssue({ id: 'x_t1', labels: { intent: 'build' }, value: { value_score: 6.5 } });
      assert.deepEqual([problem.severity, problem.code, problem.message], ['warning', 'no-conversation', 'sft-label record without conversation text: nothing to label']);
    });

    it('prefers real turns over labels', () => {
      assert.equal(conv({ labels: {}, conversations: [{ from: 'human', value: 'q' }, { from: 'gpt', value: 'a' }] }).format, 'sharegpt');
    });
  });

  describe('detection order and errors', () => {
    it('tries data, then conversations, then messages', () => {
      const turns = (text: string) => [{ role: 'user', content: text }, { role: 'assistant', content: 'a' }];
      assert.equal(conv({ messages: turns('m'), conversations: turns('c'), data: turns('d') }).turns[0].text, 'd');
      assert.equal(conv({ messages: turns('m'), conversations: turns('c') }).turns[0].text, 'c');
    });

    it('skips an illegal or empty list when a later one is legal and non-empty', () => {
      const ok = [{ role: 'user', content: 'q' }, { role: 'assistant', content: 'a' }];
      assert.equal(conv({ data: [{ content: 'no role' }], messages: ok }).format, 'openai_messages');
      assert.equal(conv({ data: [], messages: ok }).format, 'openai_messages');
      assert.equal(conv({ conversations: [] }).turns.length, 0);
    });

    it('names the list and the turn when no legal list is left', () => {
      const problem = onlyIssue({ conversations: [{ from: 'human', value: 'q' }, { value: 'a' }], messages: [] });
      assert.deepEqual([problem.severity, problem.code, problem.line, problem.file], ['error', 'invalid-turns', 7, 'd.jsonl']);
      assert.equal(problem.message, 'invalid turn list: conversations[1] has no role (expected "from" or "role")');
      assert.match(onlyIssue({ messages: ['text'] }).message, /messages\[0\] is a string, not an object/);
      assert.match(onlyIssue({ messages: [{ role: 'user' }] }).message, /messages\[0\] has no text/);
    });

    it('reports an unknown format with the keys it found', () => {
      const problem = onlyIssue({ foo: 1, bar: 2 });
      assert.deepEqual([problem.severity, problem.code], ['error', 'unknown-format']);
      assert.equal(problem.message, 'unknown row format (keys: foo, bar); expected conversations, messages, data or instruction/output');
      assert.match(onlyIssue({}).message, /keys: none/);
      assert.match(onlyIssue({ data: 'not a list' }).message, /unknown row format \(keys: data\)/);
    });

    it('reports a row that is not an object', () => {
      for (const [row, kind] of [[[1], 'a list'], ['s', 'a string'], [null, 'null'], [3, 'a number']] as const) {
        const problem = onlyIssue(row);
        assert.equal(problem.code, 'not-an-object');
        assert.equal(problem.message, `row is ${kind}, expected a JSON object`);
      }
    });
  });

  it('normalises roles', () => {
    const pairs: [string, string][] = [
      ['user', 'user'], ['Human', 'user'], ['assistant', 'assistant'], ['gpt', 'assistant'], ['model', 'assistant'],
      ['system', 'system'], ['tool', 'tool'], ['function', 'tool'], ['observation', 'tool'], ['Critic', 'critic'],
    ];
    for (const [raw, role] of pairs) assert.equal(normaliseRole(raw), role);
  });

  it('takes the row id from the first id-like field', () => {
    const turns = [{ from: 'human', value: 'q' }, { from: 'gpt', value: 'a' }];
    assert.equal(conv({ uuid: 'u', sample_id: 's', conversations: turns }).rowId, 'u');
    assert.equal(conv({ conversation_id: 'c', conversations: turns }).rowId, 'c');
    assert.equal(conv({ idx: 0, conversations: turns }).rowId, '0');
    assert.equal(conv({ id: '', conversations: turns }).rowId, undefined);
  });

  it('normalises tool lists', () => {
    assert.equal(normaliseTools(undefined), undefined);
    assert.equal(normaliseTools([]), undefined);
    assert.equal(normaliseTools(''), undefined);
    assert.deepEqual(normaliseTools('{"name":"a"}'), [{ name: 'a' }]);
    assert.deepEqual(normaliseTools('not json'), ['not json']);
    assert.deepEqual(normaliseTools({ name: 'a' }), [{ name: 'a' }]);
  });
});
