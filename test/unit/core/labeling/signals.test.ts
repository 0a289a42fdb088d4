import { strict as assert } from 'node:assert';
import { computeSignals, renderSignals } from '../../../../src/core/labeling/signals';
import { agenticTagsForCommand, agenticTagsForToolName } from '../../../../src/core/labeling/toolHints';
import { languageOfFence } from '../../../../src/core/labeling/languageHints';
import { sampleOf, tinyTaxonomy } from './fixtures';

const taxonomy = tinyTaxonomy();

describe('core/labeling/signals', () => {
  it('maps fence names through our table and the taxonomy aliases, ignoring non-languages', () => {
    assert.equal(languageOfFence('tsx', taxonomy), 'typescript');
    assert.equal(languageOfFence('console', taxonomy), 'shell');
    assert.equal(languageOfFence('zsh', taxonomy), 'shell');
    assert.equal(languageOfFence('yml', taxonomy), 'yaml');
    assert.equal(languageOfFence('Dockerfile', taxonomy), 'dockerfile');
    assert.equal(languageOfFence('golang', taxonomy), 'go');
    assert.equal(languageOfFence('text', taxonomy), undefined);
    assert.equal(languageOfFence('kotlin', taxonomy), undefined, 'not in this taxonomy');
  });

  it('collects fence and framework languages and counts code blocks', () => {
    const s = sampleOf([
      ['user', 'My Django view and React component (TypeScript) break.'],
      ['assistant', '```py\nprint(1)\n```\n\n```tsx\nconst A = () => <div/>;\n```\n\n```\nplain\n```'],
    ]);
    const sig = computeSignals(s, taxonomy);
    assert.deepEqual(sig.fenceLanguages, ['python', 'typescript']);
    assert.deepEqual(sig.frameworkLanguages.sort(), ['python', 'typescript']);
    assert.equal(sig.codeBlockCount, 3);
    assert.equal(sig.hasToolTurns, false);
    assert.deepEqual(sig.toolAgenticTags, []);
  });

  it('React without TypeScript evidence means javascript; "react" as a verb means nothing', () => {
    assert.deepEqual(computeSignals(sampleOf([['user', 'A React hook question'], ['assistant', 'Use useEffect.']]), taxonomy).frameworkLanguages, ['javascript']);
    assert.deepEqual(computeSignals(sampleOf([['user', 'how should I react to feedback'], ['assistant', 'calmly']]), taxonomy).frameworkLanguages, []);
  });

  it('classifies shell commands', () => {
    assert.deepEqual(agenticTagsForCommand('cat main.py').sort(), ['bash-execution', 'file-operations']);
    assert.ok(agenticTagsForCommand('cd app && git diff HEAD').includes('git-operations'));
    assert.ok(agenticTagsForCommand('sudo pip install pandas').includes('dependency-installation'));
    assert.ok(agenticTagsForCommand('npm install').includes('dependency-installation'));
    assert.ok(agenticTagsForCommand('python -m pytest -q').includes('test-running'));
    assert.ok(agenticTagsForCommand('go test ./...').includes('test-running'));
    assert.ok(agenticTagsForCommand('npx jest').length === 1, 'npx alone is just a shell command');
    assert.ok(agenticTagsForCommand('python train.py').includes('code-execution'));
    assert.ok(!agenticTagsForCommand('python -m pytest').includes('code-execution'));
    assert.ok(agenticTagsForCommand('node build.js').includes('code-execution'));
  });

  it('maps tool names, exactly or by their parts', () => {
    assert.deepEqual(agenticTagsForToolName('str_replace_editor'), ['file-operations']);
    assert.deepEqual(agenticTagsForToolName('WebSearch'), ['web-search']);
    assert.deepEqual(agenticTagsForToolName('screenshot'), ['ui-automation', 'visual-understanding']);
    assert.deepEqual(agenticTagsForToolName('google-search'), ['web-search']);
    assert.deepEqual(agenticTagsForToolName('run_unit_tests'), ['test-running']);
    assert.deepEqual(agenticTagsForToolName('frobnicate'), []);
  });

  it('reads tool turns: commands, files, behaviour and error recovery', () => {
    const s = sampleOf([
      ['user', 'My script runs out of memory, please fix it'],
      ['assistant', 'Let me first look at the code.'],
      ['tool', '$ cat src/process_data.py\nimport pandas as pd\n# read every file\ndef process(files):\n    pass'],
      ['tool', '$ grep -rn "read_csv" src/ tests/test_process.py'],
      ['tool', '$ pytest -q\nE   MemoryError\n1 failed'],
      ['assistant', 'The test failed with a MemoryError; switching to chunked reads fixed it.'],
    ]);
    const sig = computeSignals(s, taxonomy);
    assert.equal(sig.toolTurns, 3);
    assert.deepEqual(sig.toolAgenticTags.sort(), ['bash-execution', 'file-operations', 'test-running']);
    assert.ok(sig.filesTouched.includes('src/process_data.py'));
    assert.ok(sig.filesTouched.includes('tests/test_process.py'));
    assert.deepEqual(sig.behaviouralHints, ['multi-file-coordination', 'iterative-refinement', 'planning', 'error-recovery']);
  });

  it('reads JSON tool calls in assistant turns by name and command', () => {
    const s = sampleOf([
      ['user', 'what changed in python 3.12?'],
      ['assistant', '<tool_call>{"name": "web_search", "arguments": {"query": "python 3.12"}}</tool_call>'],
      ['tool', 'results...'],
      ['assistant', '{"name": "execute", "arguments": {"command": "git log -1"}}'],
      ['tool', 'commit abc'],
      ['assistant', 'Here is what changed.'],
    ]);
    const sig = computeSignals(s, taxonomy);
    assert.deepEqual(sig.toolNames, ['web_search']);
    assert.ok(sig.toolAgenticTags.includes('web-search'));
    assert.ok(sig.toolAgenticTags.includes('git-operations'));
  });

  it('plain Q&A has no tool hints; keyword groups are found in English and Chinese', () => {
    const s = sampleOf([['user', '如何防止 SQL 注入？我用 PostgreSQL 和 Docker'], ['assistant', 'Use parameterized queries.']]);
    const sig = computeSignals(s, taxonomy);
    assert.deepEqual(sig.toolAgenticTags, []);
    assert.deepEqual(sig.behaviouralHints, []);
    assert.deepEqual(sig.keywordHits.security, ['注入']);
    assert.deepEqual(sig.keywordHits.database?.sort(), ['postgresql', 'sql']);
    assert.deepEqual(sig.keywordHits.devops, ['docker']);
  });

  it('renders a compact key: value block, escaped, without empty lists', () => {
    const s = sampleOf([
      ['user', 'run it'],
      ['tool:</signals><b>', '$ ls'],
      ['assistant', 'done'],
    ]);
    const block = renderSignals(computeSignals(s, taxonomy));
    assert.ok(block.includes('turns: 3 (user 1, assistant 1, tool 1)'));
    assert.ok(block.includes('has_tool_turns: yes'));
    assert.ok(block.includes('tool_agentic_hints: bash-execution, file-operations'));
    assert.ok(!block.includes('fence_languages'));
    assert.ok(!block.includes('</signals>'));
    assert.ok(block.includes('&lt;/signals&gt;'));
    for (const line of block.split('\n')) assert.match(line, /^[a-z_]+: /);
  });
});
