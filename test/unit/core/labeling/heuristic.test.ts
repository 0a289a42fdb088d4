import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { heuristicLabel } from '../../../../src/core/labeling/heuristic';
import { DIMENSIONS, tagsOf } from '../../../../src/core/model/labels';
import { loadTaxonomy } from '../../../../src/core/taxonomy/load';
import type { Taxonomy } from '../../../../src/core/taxonomy/types';
import { sampleOf, tinyTaxonomy } from './fixtures';

const tiny = tinyTaxonomy();

function assertHonest(out: ReturnType<typeof heuristicLabel>, taxonomy: Taxonomy) {
  assert.equal(out.labeler, 'heuristic');
  assert.equal(out.status, 'success');
  assert.equal(out.monitor.llm_calls, 0);
  for (const dim of DIMENSIONS) {
    for (const id of tagsOf(out.labels!, dim)) assert.ok(taxonomy.has(dim, id), `${dim}: ${id} is not in the taxonomy`);
    const c = out.labels!.confidence[dim];
    if (c !== undefined) assert.ok(c >= 0.3 && c <= 0.5, `${dim} confidence ${c}`);
  }
}

describe('core/labeling/heuristic', () => {
  it('a python fence means python; a "write a function" request means build', () => {
    const out = heuristicLabel(
      sampleOf([['user', 'Write a function that reverses a string'], ['assistant', '```python\ndef rev(s):\n    return s[::-1]\n```']]),
      tiny,
    );
    assertHonest(out, tiny);
    const l = out.labels!;
    assert.deepEqual(l.language, ['python']);
    assert.equal(l.intent, 'build');
    assert.deepEqual(l.task, ['feature-implementation']);
    assert.equal(l.difficulty, 'beginner');
    assert.deepEqual(l.agentic, []);
    assert.equal(l.context, 'snippet');
    assert.equal(l.confidence.language, 0.5);
  });

  it('tool turns become agentic tags; an error and a fix make it debug', () => {
    const out = heuristicLabel(
      sampleOf([
        ['user', 'The tests fail with a traceback, please fix the bug'],
        ['assistant', 'Let me first run the tests.'],
        ['tool', '$ pytest -q\nTraceback (most recent call last):\nE   KeyError: "id"\n1 failed'],
        ['tool', '$ cat app/models.py\nclass User: ...'],
        ['tool', '$ git diff app/views.py'],
        ['assistant', 'Fixed the KeyError in app/models.py; tests pass now.'],
      ]),
      tiny,
    );
    assertHonest(out, tiny);
    const l = out.labels!;
    assert.equal(l.intent, 'debug');
    assert.ok(l.task.includes('bug-fixing'));
    assert.deepEqual(l.agentic.slice(0, 2), ['bash-execution', 'test-running']);
    assert.equal(l.agentic.length, 4, 'at most four agentic tags');
    assert.equal(l.context, 'multi-file');
    assert.notEqual(l.difficulty, 'beginner');
  });

  it('plain Q&A gets no agentic tags; no evidence means no confidence', () => {
    const out = heuristicLabel(sampleOf([['user', 'Hello there'], ['assistant', 'Hi! How can I help?']]), tiny);
    assertHonest(out, tiny);
    const l = out.labels!;
    assert.equal(l.intent, null);
    assert.equal(l.confidence.intent, undefined);
    assert.deepEqual(l.domain, []);
    assert.equal(l.confidence.domain, undefined);
    assert.deepEqual(l.constraint, []);
    assert.equal(l.confidence.constraint, undefined);
    assert.deepEqual(l.agentic, []);
  });

  it('explicit constraints and Chinese requests', () => {
    const out = heuristicLabel(
      sampleOf([['user', '用 C++ 实现一个线程安全的单例模式'], ['assistant', '```cpp\nclass Singleton { static Singleton& get(); };\n```']]),
      tiny,
    );
    const l = out.labels!;
    assert.deepEqual(l.language, ['cpp']);
    assert.equal(l.intent, 'build');
    assert.deepEqual(l.constraint, ['thread-safe']);
    assert.notEqual(l.difficulty, 'beginner', 'an explicit constraint is past beginner level');
    assert.deepEqual(out.monitor.consistency_warnings, []);
  });

  it('only emits ids the loaded taxonomy has', () => {
    const bare = tinyTaxonomy({ intent: ['learn'], language: ['rust'], context: ['repository'] });
    const out = heuristicLabel(
      sampleOf([['user', 'Fix my python bug, it is thread-safe code'], ['tool', '$ cat a.py'], ['assistant', '```python\nprint(1)\n```']]),
      bare,
    );
    assertHonest(out, bare);
    const l = out.labels!;
    assert.equal(l.intent, null, 'debug is not in this taxonomy');
    assert.deepEqual(l.language, []);
    assert.deepEqual(l.agentic, []);
    assert.deepEqual(l.constraint, []);
  });

  describe('with the bundled taxonomy on sft-label fixtures', () => {
    let taxonomy: Taxonomy;
    const rows = JSON.parse(readFileSync('/work/shared/data/sftlabel_smoke_test.json', 'utf8')) as {
      id: string;
      conversations: { from: string; value: string }[];
    }[];
    const role = (from: string) => ({ human: 'user', gpt: 'assistant' })[from as 'human' | 'gpt'] ?? from;
    const label = (id: string) => {
      const row = rows.find((r) => r.id === id)!;
      const out = heuristicLabel(sampleOf(row.conversations.map((c) => [role(c.from), c.value] as const)), taxonomy);
      assertHonest(out, taxonomy);
      return out.labels!;
    };
    before(async () => {
      taxonomy = (await loadTaxonomy()).taxonomy!;
      assert.ok(taxonomy);
    });

    it('dynamic-programming knapsack in Python', () => {
      const l = label('smoke-1-dp-algorithm');
      assert.deepEqual(l.language, ['python']);
      assert.equal(l.intent, 'build');
      assert.ok(l.concept.includes('algorithms'));
      assert.deepEqual(l.agentic, []);
    });

    it('agentic OOM debugging with a tool turn', () => {
      const l = label('smoke-2-agentic-debug');
      assert.equal(l.intent, 'debug');
      assert.ok(l.task.includes('bug-fixing'));
      assert.deepEqual(l.agentic, ['bash-execution', 'file-operations']);
      assert.ok(l.language.includes('python'));
    });

    it('code exploration across several files', () => {
      const l = label('smoke-3-code-exploration');
      assert.equal(l.intent, 'learn');
      assert.ok(l.task.includes('code-exploration'));
      assert.ok(l.agentic.includes('multi-file-coordination'));
      assert.equal(l.context, 'multi-file');
    });
  });
});
