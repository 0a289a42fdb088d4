import { strict as assert } from 'node:assert';
import { cpSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import { startTestServer, type TestServerHandle } from '../server';
import { sidecarPaths } from '../../src/core/store/paths';
import { useTmpDir } from '../helpers/tmp';
import { cleanEnv, ensureBuilt, runCli, SHARED_DATA, spawnCli } from './cliHarness';

function logLines(dataset: string): { sampleId: string; status: string; labeler: string }[] {
  const file = sidecarPaths(dataset).labels;
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { sampleId: string; status: string; labeler: string });
}

describe('e2e: sft-labeler label', function () {
  this.timeout(120_000);
  const tmp = useTmpDir();
  let server: TestServerHandle;

  before(() => ensureBuilt());
  beforeEach(async () => {
    server = await startTestServer({ latencyMs: 5 });
  });
  afterEach(async () => {
    await server.close();
  });

  it('labels every file of ../shared/data with 100% success and leaves the datasets untouched', async () => {
    const data = path.join(tmp.dir, 'data');
    cpSync(SHARED_DATA, data, { recursive: true });
    const before = Object.fromEntries(readdirSync(data).map((f) => [f, readFileSync(path.join(data, f), 'utf8')]));
    const env = cleanEnv({ SFT_LABELER_BASE_URL: server.url, SFT_LABELER_API_KEY: 'k', SFT_LABELER_MODEL: 'test-model' });
    const r = await runCli(['label', data, '--concurrency', '8', '--quiet'], env);
    assert.equal(r.code, 0, r.stderr);
    let samples = 0;
    for (const f of readdirSync(data).filter((f) => /\.jsonl?$/.test(f))) {
      const lines = logLines(path.join(data, f));
      samples += lines.length;
      for (const l of lines) assert.equal(l.status, 'success', `${f}: ${JSON.stringify(l)}`);
      assert.equal(readFileSync(path.join(data, f), 'utf8'), before[f], `${f} was modified`);
    }
    assert.ok(samples > 500, `only ${samples} samples labeled`);
    assert.match(r.stderr, / 0 failed, /);
    // A second run finds everything current and makes no calls.
    const calls = server.stats().totalRequests;
    const again = await runCli(['label', data, '--quiet'], env);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(server.stats().totalRequests, calls);
    assert.match(again.stderr, /0 labeled, 0 failed, \d+ skipped/);
  });

  it('resumes after SIGKILL: every sample labeled once, no calls for samples finished before the kill', async () => {
    server.setOptions({ latencyMs: 60 });
    const file = path.join(tmp.dir, 'kill.jsonl');
    const n = 160;
    const rows = Array.from({ length: n }, (_, i) =>
      JSON.stringify({ messages: [{ role: 'user', content: `Task ${i}: write a Go function #${i}` }, { role: 'assistant', content: `\`\`\`go\nfunc f${i}() {}\n\`\`\`` }] }),
    );
    writeFileSync(file, rows.join('\n') + '\n');
    const env = cleanEnv({ SFT_LABELER_BASE_URL: server.url, SFT_LABELER_MODEL: 'm' });
    const args = ['label', file, '--concurrency', '8', '--no-arbitration', '--quiet'];
    const child = spawnCli(args, env);
    const deadline = Date.now() + 30_000;
    while (logLines(file).length < 40) {
      if (Date.now() > deadline) throw new Error('the run never got going');
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('close', r));
    const finishedBeforeKill = new Set(logLines(file).map((l) => l.sampleId));
    assert.ok(finishedBeforeKill.size >= 40 && finishedBeforeKill.size < n, `${finishedBeforeKill.size} finished before the kill`);

    server.resetStats();
    const r = await runCli(args, env);
    assert.equal(r.code, 0, r.stderr);
    const lines = logLines(file);
    const ids = lines.map((l) => l.sampleId);
    assert.equal(new Set(ids).size, n, 'every sample has a label');
    assert.equal(ids.length, n, 'no sample was labeled twice');
    assert.ok(lines.every((l) => l.status === 'success'));
    // Two calls per remaining sample, none for the samples finished before the kill.
    assert.equal(server.stats().totalRequests, 2 * (n - finishedBeforeKill.size));
    assert.match(r.stderr, new RegExp(`${finishedBeforeKill.size} already labeled`));
  });

  it('reports broken input as file:line and labels the rest', async () => {
    const dir = path.join(tmp.dir, 'broken');
    const ok = (i: number) => JSON.stringify({ conversations: [{ from: 'human', value: `question ${i} about python` }, { from: 'gpt', value: `answer ${i}` }] });
    const files: Record<string, string> = {
      'invalid-line.jsonl': [ok(1), '{"conversations": [oops', ok(2)].join('\n') + '\n',
      'bom.jsonl': '\ufeff' + ok(3) + '\n',
      'crlf.jsonl': [ok(4), ok(5)].join('\r\n') + '\r\n',
      'empty.jsonl': '',
      'unknown.jsonl': [JSON.stringify({ prompt: 'x', completion: 'y' }), ok(6)].join('\n') + '\n',
    };
    cpSync(SHARED_DATA, dir, { recursive: true, filter: () => false });
    for (const [name, text] of Object.entries(files)) {
      writeFileSync(path.join(tmp.dir, name), text);
    }
    const env = cleanEnv({ SFT_LABELER_BASE_URL: server.url, SFT_LABELER_MODEL: 'm' });
    const r = await runCli(['label', tmp.dir, '--quiet'], env);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /invalid-line\.jsonl:2(:\d+)?: error/);
    assert.match(r.stderr, /unknown\.jsonl:1(:\d+)?: error: .*unknown row format/i);
    assert.match(r.stderr, /empty\.jsonl:1(:\d+)?: warning/);
    const labeled = (name: string) => logLines(path.join(tmp.dir, name)).filter((l) => l.status === 'success').length;
    assert.equal(labeled('invalid-line.jsonl'), 2);
    assert.equal(labeled('bom.jsonl'), 1);
    assert.equal(labeled('crlf.jsonl'), 2);
    assert.equal(labeled('unknown.jsonl'), 1);
  });

  it('stops at once with exit code 1 and a clear message on an authentication error', async () => {
    server.setOptions({ apiKey: 'right-key' });
    const file = path.join(tmp.dir, 'auth.jsonl');
    writeFileSync(file, JSON.stringify({ messages: [{ role: 'user', content: 'hi' }, { role: 'assistant', content: 'hello' }] }) + '\n');
    const r = await runCli(['label', file, '--quiet'], cleanEnv({ SFT_LABELER_BASE_URL: server.url, SFT_LABELER_API_KEY: 'wrong-key' }));
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /401|auth/i);
    assert.doesNotMatch(r.stderr + r.stdout, /wrong-key/, 'the key must never be printed');
    assert.equal(server.stats().totalRequests, 1);
  });

  it('--dry-run counts samples, calls and prompt tokens without calling anyone', async () => {
    const file = path.join(tmp.dir, 'dry.json');
    writeFileSync(file, JSON.stringify([{ conversations: [{ from: 'human', value: 'a' }, { from: 'gpt', value: 'b' }, { from: 'human', value: 'c' }, { from: 'gpt', value: 'd' }] }]));
    const r = await runCli(['label', file, '--dry-run'], cleanEnv({ SFT_LABELER_BASE_URL: server.url }));
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /2 samples, 2 to label, ~\d+ LLM calls, ~\d+ prompt tokens/);
    assert.equal(server.stats().totalRequests, 0);
  });

  it('--temperature reaches the endpoint, and a bad value is refused with the usage', async () => {
    const file = path.join(tmp.dir, 't.jsonl');
    writeFileSync(file, JSON.stringify({ messages: [{ role: 'user', content: 'hi' }, { role: 'assistant', content: 'hello' }] }) + '\n');
    const env = cleanEnv({ SFT_LABELER_BASE_URL: server.url });
    const bad = await runCli(['label', file, '--temperature', '3'], env);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /--temperature must be a number between 0 and 2/);
    const r = await runCli(['label', file, '--temperature', '0.4', '--no-arbitration', '--quiet'], env);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(server.stats().log.map((e) => e.temperature), [0.4, 0.4]);
  });

  it('labels with the embedded heuristic labeler when no endpoint is configured', async () => {
    const file = path.join(tmp.dir, 'h.jsonl');
    writeFileSync(file, JSON.stringify({ conversations: [{ from: 'human', value: 'Fix this python error' }, { from: 'gpt', value: '```python\nprint(1)\n```' }] }) + '\n');
    const r = await runCli(['label', file, '--quiet'], cleanEnv());
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /heuristic/);
    const [line] = logLines(file);
    assert.equal(line?.labeler, 'heuristic');
  });
});
