/** Pass 1 end to end: the bundled taxonomy, the real LLM runtime and the loopback test server over HTTP. */
import { strict as assert } from 'node:assert';
import { labelSample } from '../../../../src/core/labeling/pass1';
import { DEFAULT_LABEL_OPTIONS, type LabelOptions } from '../../../../src/core/labeling/types';
import { createLlmClient } from '../../../../src/core/llm/client';
import { LlmError } from '../../../../src/core/llm/types';
import { DIMENSIONS, SINGLE_SELECT, tagsOf } from '../../../../src/core/model/labels';
import { loadTaxonomy } from '../../../../src/core/taxonomy/load';
import type { Taxonomy } from '../../../../src/core/taxonomy/types';
import { isAbortError } from '../../../../src/core/util/abort';
import { startTestServer, type TestServerHandle, type TestServerOptions } from '../../../server';
import { sampleOf } from './fixtures';

const options: LabelOptions = { ...DEFAULT_LABEL_OPTIONS };

describe('core/labeling/pass1 against the test server', function () {
  this.timeout(20_000);
  let taxonomy: Taxonomy;
  let server: TestServerHandle | undefined;

  before(async () => {
    const loaded = await loadTaxonomy();
    assert.ok(loaded.taxonomy, JSON.stringify(loaded.problems));
    taxonomy = loaded.taxonomy;
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function setup(serverOptions: Partial<TestServerOptions> = {}, apiKey = 'k') {
    server = await startTestServer(serverOptions);
    const llm = createLlmClient({ baseUrl: server.url, apiKey, model: 'test-model', concurrency: 4, timeoutMs: 5_000, maxAttempts: 2, backoffBaseMs: 10, backoffCapMs: 20 });
    return { llm, server };
  }

  const debugSample = (extra = '') =>
    sampleOf([
      ['user', `My python script crashes with a KeyError, please fix it ${extra}`],
      ['assistant', '```python\nvalue = data.get("key", 0)\n```\nUse dict.get with a default; the recursion was fine.'],
    ]);

  it('labels a sample in two calls with valid ids from the bundled taxonomy', async () => {
    const { llm, server } = await setup();
    const out = await labelSample(debugSample(), { taxonomy, llm, options });
    assert.equal(out.status, 'success', JSON.stringify(out.monitor.errors));
    const labels = out.labels!;
    for (const dim of DIMENSIONS) for (const id of tagsOf(labels, dim)) assert.ok(taxonomy.has(dim, id), `${dim}: ${id}`);
    assert.ok(labels.language.includes('python'), 'the server picks enum values the conversation mentions');
    for (const dim of DIMENSIONS) assert.equal(labels.confidence[dim], 0.9);
    for (const dim of SINGLE_SELECT) assert.equal(typeof labels[dim], 'string');
    assert.equal(out.monitor.llm_calls, 2);
    assert.equal(out.monitor.response_format, 'json_schema');
    assert.ok(out.monitor.prompt_tokens > 0);
    const log = server.stats().log;
    assert.deepEqual(log.map((e) => [e.schemaName, e.temperature, e.responseFormat]), [
      ['pass1_call1', 0.1, 'json_schema'],
      ['pass1_call2', 0.1, 'json_schema'],
    ]);
    assert.equal(new Set(log.map((e) => e.sampleKey)).size, 1, 'both calls carry the same <conversation>');
  });

  it('sends the configured temperature on both calls', async () => {
    const { llm, server } = await setup();
    const out = await labelSample(debugSample(), { taxonomy, llm, options: { ...options, temperature: 0.7 } });
    assert.equal(out.status, 'success');
    assert.deepEqual(server.stats().log.map((e) => e.temperature), [0.7, 0.7]);
  });

  it('works down the structured-output ladder when the server has no json_schema support', async () => {
    const { llm } = await setup({ supportsJsonSchema: false, supportsJsonObject: false });
    const out = await labelSample(debugSample(), { taxonomy, llm, options });
    assert.equal(out.status, 'success', JSON.stringify(out.monitor.errors));
    assert.equal(out.monitor.response_format, 'prompt');
  });

  it('arbitrates low-confidence answers: 4 calls, confidences replaced', async () => {
    const { llm, server } = await setup();
    const out = await labelSample(debugSample('LOW-CONFIDENCE'), { taxonomy, llm, options });
    assert.equal(out.status, 'success');
    assert.equal(out.monitor.llm_calls, 4);
    assert.equal(out.monitor.arbitrated, true);
    assert.deepEqual(out.monitor.low_confidence_dims.map((d) => d.dim), [...DIMENSIONS]);
    assert.ok(out.monitor.low_confidence_dims.every((d) => d.conf === 0.4));
    for (const dim of DIMENSIONS) assert.equal(out.labels!.confidence[dim], 0.85);
    assert.deepEqual(server.stats().log.map((e) => `${e.schemaName}@${e.temperature}`), [
      'pass1_call1@0.1', 'pass1_call1@0.3', 'pass1_call2@0.1', 'pass1_call2@0.3',
    ]);
  });

  it("keeps the model's unmapped tags", async () => {
    const { llm } = await setup();
    const out = await labelSample(debugSample('UNMAPPED-TAG'), { taxonomy, llm, options });
    assert.equal(out.status, 'success');
    assert.ok(out.labels!.unmapped.some((u) => u.dimension === 'language' && u.value === 'brainfuck'));
  });

  it('Call 2 failing on the server after Call 1 succeeded gives partial labels', async () => {
    const { llm, server } = await setup({ faults: [{ fault: 'server_error', matchText: '<call1_result>' }] });
    const out = await labelSample(debugSample(), { taxonomy, llm, options });
    assert.equal(out.status, 'partial');
    assert.equal(out.failure!.code, 'retries_exhausted');
    assert.equal(out.failure!.httpStatus, 500);
    assert.ok(out.labels!.language.includes('python'));
    assert.deepEqual(out.labels!.concept, []);
    assert.equal(server.stats().byStatus['500'], 2, 'the runtime retried Call 2 (maxAttempts 2) before giving up');
  });

  it('garbage answers fail the sample with invalid_answer after maxAnswerAttempts', async () => {
    const { llm, server } = await setup({ mode: 'garbage' });
    const out = await labelSample(debugSample(), { taxonomy, llm, options: { ...options, maxAnswerAttempts: 2 } });
    assert.equal(out.status, 'failed');
    assert.equal(out.failure!.code, 'invalid_answer');
    assert.equal(server.stats().totalRequests, 2);
    assert.equal(out.monitor.llm_calls, 2);
  });

  it('a prompt over the context window fails the sample with context_length', async () => {
    const { llm, server } = await setup({ maxPromptChars: 2_000 });
    const out = await labelSample(debugSample(), { taxonomy, llm, options });
    assert.equal(out.status, 'failed');
    assert.equal(out.failure!.code, 'context_length');
    assert.equal(out.failure!.httpStatus, 400);
    assert.equal(server.stats().totalRequests, 1, 'not retried');
  });

  it('an auth error is thrown so the run stops', async () => {
    const { llm } = await setup({ apiKey: 'right-key' }, 'wrong-key');
    await assert.rejects(labelSample(debugSample(), { taxonomy, llm, options }), (err) => err instanceof LlmError && err.fatal);
  });

  it('an abort is thrown promptly, mid-request', async () => {
    const { llm } = await setup({ latencyMs: 5_000 });
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 50);
    const started = Date.now();
    await assert.rejects(
      labelSample(debugSample(), { taxonomy, llm, options, signal: ac.signal }),
      (err) => isAbortError(err) || (err instanceof LlmError && err.kind === 'aborted'),
    );
    assert.ok(Date.now() - started < 2_000);
  });
});
