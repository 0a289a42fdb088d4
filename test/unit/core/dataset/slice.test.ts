import { strict as assert } from 'node:assert';
import { normaliseRow } from '../../../../src/core/dataset/formats';
import { identityText, prefixHashes } from '../../../../src/core/dataset/identity';
import { samplesOf } from '../../../../src/core/dataset/slice';
import type { Conversation, Sample, Turn } from '../../../../src/core/model/conversation';
import { sha256Hex } from '../../../../src/core/util/hash';
import { at } from './helpers';

function conv(row: unknown): Conversation {
  const { conversation } = normaliseRow(row, at());
  assert.ok(conversation);
  return conversation;
}

function samples(row: unknown): Sample[] {
  const { conversation, hashes } = normaliseRow(row, at());
  assert.ok(conversation);
  const viaHashes = samplesOf(conversation, hashes);
  // The shortcut through precomputed hashes must agree with slicing from scratch.
  assert.deepEqual(viaHashes, samplesOf(conversation));
  return viaHashes;
}

const sg = (...texts: string[]) => ({ conversations: texts.map((value, i) => ({ from: i % 2 === 0 ? 'human' : 'gpt', value })) });

describe('core/dataset/slice', () => {
  it('makes one sample per assistant reply with all turns before it (pyramid)', () => {
    const out = samples({ id: 'row', ...sg('q1', 'a1', 'q2', 'a2', 'q3', 'a3') });
    assert.deepEqual(out.map((s) => s.turns.map((t) => t.text)), [['q1', 'a1'], ['q1', 'a1', 'q2', 'a2'], ['q1', 'a1', 'q2', 'a2', 'q3', 'a3']]);
    assert.deepEqual(out.map((s) => [s.turnIndex, s.totalTurns, s.displayId]), [[1, 3, 'row_t1'], [2, 3, 'row_t2'], [3, 3, 'row_t3']]);
    assert.ok(out.every((s) => s.rowId === 'row' && s.format === 'sharegpt'));
  });

  it('counts tool and system turns as context, not as replies', () => {
    const out = samples({
      conversations: [
        { from: 'system', value: 's' }, { from: 'human', value: 'q' }, { from: 'gpt', value: 'look' },
        { from: 'tool', value: 'out' }, { from: 'gpt', value: 'done' }, { from: 'human', value: 'trailing question' },
      ],
    });
    assert.deepEqual(out.map((s) => s.turns.length), [3, 5]);
    assert.ok(out.every((s) => s.turns[s.turns.length - 1].role === 'assistant'));
  });

  it('keeps a packed Pangu row whole: one sample', () => {
    const out = samples({
      data: [
        { role: 'user', content: 'q1[unused10]a1[unused10]q2' }, { role: 'assistant', content: 'a2' },
        { role: 'user', content: 'q3' }, { role: 'assistant', content: 'a3' },
      ],
    });
    assert.equal(out.length, 1);
    assert.equal(out[0].turns.length, 4);
    assert.deepEqual([out[0].turnIndex, out[0].totalTurns], [1, 1]);
  });

  it('yields no sample for a row without a reply', () => {
    assert.deepEqual(samples(sg('only a question')), []);
  });

  it('marks a sample slow only when its own final reply carries reasoning', () => {
    const out = samples(sg('q1', '<think>r</think>a1', 'q2', 'a2'));
    assert.deepEqual(out.map((s) => s.thinkingMode), ['slow', 'fast']);
  });

  it('derives ids from content exactly as documented', () => {
    const c = conv({ messages: [{ role: 'user', content: 'q' }, { role: 'assistant', content: 'a', reasoning_content: 'r' }], tools: [{ b: 1, a: 2 }] });
    const [sample] = samplesOf(c);
    assert.equal(identityText(c.turns, c.tools), `sft-id-1[{"a":2,"b":1}]\u0000r4:usert1:q\u0000r9:assistantt1:ac1:r`);
    const expected = sha256Hex(identityText(c.turns, c.tools));
    assert.equal(sample.id, 's1:' + expected.slice(0, 24));
    assert.equal(c.rowHash, expected);
    assert.equal(sample.displayId, `${expected.slice(0, 12)}_t1`);
  });

  it('hashes prefixes incrementally to the same value as hashing each prefix from scratch', () => {
    const turns: Turn[] = [
      { role: 'system', text: 's "quoted" \\ \n' },
      { role: 'user', text: 'ü € 😀' },
      { role: 'assistant', text: 'a', reasoning: 'r', toolName: 't' },
      { role: 'tool', text: 'x', toolName: 'run' },
    ];
    for (const tools of [undefined, [{ z: 1, a: [1, { y: 2, b: 3 }] }]]) {
      const ends = [0, 1, 3, 4];
      const expected = ends.map((end) => sha256Hex(identityText(turns.slice(0, end), tools)));
      assert.deepEqual(prefixHashes(turns, tools, ends), expected);
    }
  });

  describe('id collisions (sft-label bugs)', () => {
    it('gives two id-less multi-turn rows with different content different ids', () => {
      const a = samples(sg('q1', 'a1', 'q2', 'a2'));
      const b = samples(sg('other q1', 'other a1', 'q2', 'a2'));
      const ids = new Set([...a, ...b].map((s) => s.id));
      assert.equal(ids.size, 4);
      assert.notEqual(a[0].displayId, b[0].displayId);
    });

    it('gives two different messages rows different ids', () => {
      const row = (q: string) => ({ messages: [{ role: 'user', content: q }, { role: 'assistant', content: 'same answer' }] });
      assert.notEqual(samples(row('first'))[0].id, samples(row('second'))[0].id);
    });

    it('gives identical content the same id, whatever the row id or source format', () => {
      const a = samples({ id: 'x', ...sg('q', 'a') });
      const b = samples({ id: 'y', messages: [{ role: 'user', content: 'q' }, { role: 'assistant', content: 'a' }] });
      assert.equal(a[0].id, b[0].id);
      assert.notEqual(a[0].displayId, b[0].displayId);
    });

    it('separates samples that differ only in reasoning, tools or a later turn', () => {
      const base = samples(sg('q', 'a'))[0].id;
      assert.notEqual(samples(sg('q', '<think>r</think>a'))[0].id, base);
      assert.notEqual(samples({ ...sg('q', 'a'), tools: [{ name: 't' }] })[0].id, base);
      assert.equal(samples(sg('q', 'a', 'q2', 'a2'))[0].id, base);
    });
  });
});
