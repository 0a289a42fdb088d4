import { strict as assert } from 'node:assert';
import { startTestServer, type TestServerHandle, type TestServerOptions } from '../../../server';
import { createLlmClient } from '../../../../src/core/llm/client';
import { parseJsonAnswer, resetResponseFormatCache } from '../../../../src/core/llm/structured';
import { LlmError } from '../../../../src/core/llm/types';
import { chatRequest, LanguageAnswer, testClient } from './fixtures';

describe('core/llm/client (against the loopback server)', () => {
  let server: TestServerHandle;
  const start = async (options: Partial<TestServerOptions> = {}) => {
    server = await startTestServer(options);
    return server;
  };
  beforeEach(() => resetResponseFormatCache());
  afterEach(async () => {
    await server?.close();
  });

  async function rejection(promise: Promise<unknown>): Promise<LlmError> {
    try {
      await promise;
    } catch (err) {
      assert.ok(err instanceof LlmError, `expected LlmError, got ${String(err)}`);
      return err;
    }
    assert.fail('expected the call to fail');
  }

  it('answers, counts tokens and sends the schema as strict json_schema', async () => {
    await start();
    const { client } = testClient(server.url);
    const result = await client.complete(chatRequest('Please fix my python script, it crashes.'));
    const parsed = parseJsonAnswer(result.text, LanguageAnswer);
    assert.ok(parsed.ok, parsed.ok ? '' : parsed.error);
    assert.deepEqual(parsed.value.language, ['python']);
    assert.equal(result.attempts, 1);
    assert.equal(result.responseFormat, 'json_schema');
    assert.equal(result.model, 'test-model');
    assert.ok(result.promptTokens > 10 && result.completionTokens > 10);
    const stats = client.stats();
    assert.equal(stats.promptTokens, result.promptTokens);
    assert.equal(stats.completionTokens, result.completionTokens);
    assert.deepEqual([stats.calls, stats.requests, stats.successes, stats.failures, stats.retries], [1, 1, 1, 0, 0]);
    const log = server.stats().log;
    assert.equal(log.length, 1);
    assert.equal(log[0]!.schemaName, 'call1');
    assert.equal(log[0]!.temperature, 0.1);
    assert.equal(log[0]!.responseFormat, 'json_schema');
    assert.equal(client.endpoint, new URL(server.url).origin);
  });

  it('honours Retry-After on 429 before retrying', async () => {
    await start({ faults: [{ fault: 'rate_limit', times: 1, retryAfterSec: 1 }] });
    const { client, events } = testClient(server.url);
    const t0 = Date.now();
    const result = await client.complete(chatRequest('hello'));
    const elapsed = Date.now() - t0;
    assert.ok(elapsed >= 1000, `waited only ${elapsed} ms`);
    assert.ok(elapsed < 3000, `waited ${elapsed} ms`);
    assert.equal(result.attempts, 2);
    const stats = client.stats();
    assert.equal(stats.rateLimited, 1);
    assert.equal(stats.errorsByStatus['429'], 1);
    assert.ok(events.some((e) => e.type === 'retry' && e.delayMs === 1000));
  });

  it('caps a huge Retry-After at retryAfterCapMs', async () => {
    await start({ faults: [{ fault: 'rate_limit', times: 1, retryAfterSec: 3600 }] });
    const { client, events } = testClient(server.url, { retryAfterCapMs: 300 });
    const t0 = Date.now();
    await client.complete(chatRequest('hello'));
    const elapsed = Date.now() - t0;
    assert.ok(elapsed >= 300 && elapsed < 2000, `elapsed ${elapsed} ms`);
    const retry = events.find((e) => e.type === 'retry');
    assert.ok(retry && /capped/.test(retry.message), retry?.message);
  });

  it('retries a 500 and then succeeds', async () => {
    await start({ faults: [{ fault: 'server_error', times: 1 }] });
    const { client } = testClient(server.url);
    const result = await client.complete(chatRequest('hello'));
    assert.equal(result.attempts, 2);
    assert.equal(client.stats().errorsByStatus['500'], 1);
    assert.equal(server.stats().totalRequests, 2);
  });

  it('gives up after maxAttempts with a readable server error', async () => {
    await start({ faults: [{ fault: 'server_error' }] });
    const { client } = testClient(server.url, { maxAttempts: 3 });
    const err = await rejection(client.complete(chatRequest('hello')));
    assert.equal(err.kind, 'server');
    assert.equal(err.details.httpStatus, 500);
    assert.equal(err.details.attempts, 3);
    assert.match(err.message, /HTTP 500 from http:\/\/127\.0\.0\.1:\d+: The server had an error.*after 3 attempts/);
    assert.equal(server.stats().totalRequests, 3);
  });

  it('does not retry when the server sends x-should-retry: false', async () => {
    await start({ faults: [{ fault: 'server_error', headers: { 'x-should-retry': 'false' } }] });
    const { client } = testClient(server.url);
    const err = await rejection(client.complete(chatRequest('hello')));
    assert.equal(err.kind, 'server');
    assert.equal(server.stats().totalRequests, 1);
  });

  it('times out a hanging request and retries it', async () => {
    await start({ faults: [{ fault: 'hang', times: 1 }] });
    const { client } = testClient(server.url, { timeoutMs: 300 });
    const t0 = Date.now();
    const result = await client.complete(chatRequest('hello'));
    assert.ok(Date.now() - t0 >= 300);
    assert.equal(result.attempts, 2);
    assert.equal(client.stats().timeouts, 1);
    assert.equal(server.stats().byFault.hang, 1);
  });

  it('times out a body that stalls after the headers (the client timeout alone would not)', async () => {
    await start({ faults: [{ fault: 'stall', times: 1 }] });
    const { client } = testClient(server.url, { timeoutMs: 300 });
    const result = await client.complete(chatRequest('hello'));
    assert.equal(result.attempts, 2);
    assert.equal(client.stats().timeouts, 1);
  });

  it('reports a timeout after every attempt hung', async () => {
    await start({ faults: [{ fault: 'hang' }] });
    const { client } = testClient(server.url, { timeoutMs: 150, maxAttempts: 2 });
    const err = await rejection(client.complete(chatRequest('hello')));
    assert.equal(err.kind, 'timeout');
    assert.match(err.message, /No answer from .* within 150 ms/);
  });

  for (const fault of ['malformed', 'no_choices', 'drop'] as const) {
    it(`retries after a ${fault} response`, async () => {
      await start({ faults: [{ fault, times: 1 }] });
      const { client } = testClient(server.url);
      const result = await client.complete(chatRequest('hello'));
      assert.equal(result.attempts, 2);
      assert.ok(parseJsonAnswer(result.text, LanguageAnswer).ok);
      assert.equal(server.stats().byFault[fault], 1);
      const key = fault === 'drop' ? 'network' : 'malformed';
      assert.equal(client.stats().errorsByStatus[key], 1);
    });
  }

  it('fails fast with a fatal auth error on 401 and never shows the key', async () => {
    await start({ apiKey: 'right-key' });
    const { client } = testClient(server.url, { apiKey: 'sk-wrong-secret-123456' });
    const err = await rejection(client.complete(chatRequest('hello')));
    assert.equal(err.kind, 'auth');
    assert.equal(err.fatal, true);
    assert.equal(err.details.httpStatus, 401);
    assert.doesNotMatch(err.message, /wrong-secret/);
    assert.match(err.message, /HTTP 401 .*Incorrect API key provided.*Check the API key/);
    assert.equal(server.stats().totalRequests, 1);
  });

  it('sends the configured key, and a placeholder when none is set', async () => {
    await start({ apiKey: 'right-key' });
    await testClient(server.url, { apiKey: 'right-key' }).client.complete(chatRequest('hello'));
    server.setOptions({ apiKey: 'sk-no-key' });
    await testClient(server.url, { apiKey: '  ' }).client.complete(chatRequest('hello'));
    assert.deepEqual(server.stats().byStatus, { 200: 2 });
  });

  it('ignores OPENAI_* environment variables', async () => {
    await start({ apiKey: 'sk-no-key' });
    const names = ['OPENAI_BASE_URL', 'OPENAI_API_KEY', 'OPENAI_CUSTOM_HEADERS'] as const;
    const saved = names.map((name) => process.env[name]);
    process.env.OPENAI_BASE_URL = 'http://127.0.0.1:9/v1';
    process.env.OPENAI_API_KEY = 'sk-from-env';
    // The client merges these into every request, after its own Authorization header.
    process.env.OPENAI_CUSTOM_HEADERS = 'Authorization: Bearer sk-from-env\nX-Team: research';
    try {
      const result = await testClient(server.url).client.complete(chatRequest('hello'));
      assert.equal(result.attempts, 1);
    } finally {
      names.forEach((name, i) => restoreEnv(name, saved[i]));
    }
  });

  it('classifies a too-long prompt as context_length without retrying', async () => {
    await start({ maxPromptChars: 200 });
    const { client } = testClient(server.url);
    const err = await rejection(client.complete(chatRequest('x'.repeat(500))));
    assert.equal(err.kind, 'context_length');
    assert.equal(err.fatal, false);
    assert.match(err.message, /too long for test-model.*maximum context length/);
    assert.equal(server.stats().totalRequests, 1);
  });

  it('reads old-vLLM flat error bodies ({ object: "error", message })', async () => {
    await start({ maxPromptChars: 200, errorStyle: 'flat' });
    const err = await rejection(testClient(server.url).client.complete(chatRequest('x'.repeat(500))));
    assert.equal(err.kind, 'context_length');
  });

  it('explains an unknown model', async () => {
    await start({ knownModels: ['llama3'] });
    const err = await rejection(testClient(server.url).client.complete(chatRequest('hello')));
    assert.equal(err.kind, 'bad_request');
    assert.match(err.message, /Model "test-model" was not found .*Check the model name/);
  });

  it('explains a wrong base URL', async () => {
    await start();
    const err = await rejection(testClient(server.url.replace(/\/v1$/, '/api')).client.complete(chatRequest('hello')));
    assert.equal(err.kind, 'bad_request');
    assert.match(err.message, /HTTP 404 .*Check the base URL/);
  });

  it('steps down to json_object when json_schema is rejected, and remembers it', async () => {
    await start({ supportsJsonSchema: false });
    const { client, events } = testClient(server.url);
    const first = await client.complete(chatRequest('python please'));
    assert.equal(first.responseFormat, 'json_object');
    assert.equal(first.attempts, 2);
    assert.equal(server.stats().totalRequests, 2);
    assert.ok(events.some((e) => e.type === 'downgrade' && e.from === 'json_schema' && e.to === 'json_object'));

    server.resetStats();
    const second = await client.complete(chatRequest('rust please'));
    assert.equal(second.responseFormat, 'json_object');
    assert.equal(second.attempts, 1);
    const log = server.stats().log;
    assert.equal(log.length, 1);
    assert.equal(log[0]!.responseFormat, 'json_object');
    assert.equal(log[0]!.schemaName, 'call1');
    assert.equal(client.stats().responseFormat, 'json_object');
    const parsed = parseJsonAnswer(second.text, LanguageAnswer);
    assert.ok(parsed.ok && parsed.value.language.includes('rust'));

    // The cache is per process: a new client for the same endpoint and model starts on the known rung.
    server.resetStats();
    await testClient(server.url).client.complete(chatRequest('go'));
    assert.equal(server.stats().totalRequests, 1);
  });

  it('falls to the prompt rung when no response_format is accepted', async () => {
    await start({ supportsJsonSchema: false, supportsJsonObject: false });
    const { client } = testClient(server.url);
    const result = await client.complete(chatRequest('java code'));
    assert.equal(result.responseFormat, 'prompt');
    assert.equal(result.attempts, 3);
    assert.match(result.text, /```json/);
    const parsed = parseJsonAnswer(result.text, LanguageAnswer);
    assert.ok(parsed.ok && parsed.value.language.includes('java'));
    assert.equal(client.stats().downgrades, 2);
  });

  it('stops within a second when aborted during a long Retry-After sleep', async () => {
    await start({ faults: [{ fault: 'rate_limit', retryAfterSec: 30 }] });
    const { client } = testClient(server.url);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const t0 = Date.now();
    const err = await rejection(client.complete(chatRequest('hello', { signal: controller.signal })));
    assert.equal(err.kind, 'aborted');
    assert.ok(Date.now() - t0 < 1200, `took ${Date.now() - t0} ms`);
    assert.equal(client.stats().aborted, 1);
  });

  it('stops within a second when aborted during a hanging request', async () => {
    await start({ faults: [{ fault: 'hang' }] });
    const { client } = testClient(server.url, { timeoutMs: 30_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const t0 = Date.now();
    const err = await rejection(client.complete(chatRequest('hello', { signal: controller.signal })));
    assert.equal(err.kind, 'aborted');
    assert.ok(Date.now() - t0 < 1200, `took ${Date.now() - t0} ms`);
    // The HTTP request itself is cancelled, not just abandoned: the server sees the connection close.
    for (let i = 0; i < 50 && server.stats().inFlight > 0; i++) await new Promise((r) => setTimeout(r, 10));
    assert.equal(server.stats().inFlight, 0);
  });

  it('stops a call still queued behind the concurrency limit when aborted', async () => {
    await start({ faults: [{ fault: 'hang', matchText: 'stuck' }] });
    const { client } = testClient(server.url, { concurrency: 1, timeoutMs: 30_000 });
    const holder = new AbortController();
    const holding = client.complete(chatRequest('stuck', { signal: holder.signal })).catch((e: unknown) => e);
    const queued = new AbortController();
    setTimeout(() => queued.abort(), 150);
    const t0 = Date.now();
    const err = await rejection(client.complete(chatRequest('waiting', { signal: queued.signal })));
    assert.equal(err.kind, 'aborted');
    assert.ok(Date.now() - t0 < 1000);
    holder.abort();
    assert.equal(((await holding) as LlmError).kind, 'aborted');
    assert.equal(server.stats().totalRequests, 1);
  });

  it('never has more requests in flight than the configured concurrency', async () => {
    await start({ latencyMs: 40 });
    const { client } = testClient(server.url, { concurrency: 3 });
    await Promise.all(Array.from({ length: 12 }, (_, i) => client.complete(chatRequest(`sample ${i}`))));
    assert.equal(server.stats().maxInFlight, 3);
    assert.equal(client.stats().concurrency.inFlight, 0);
  });

  it('halves concurrency on a 429 burst, once, and climbs back after successes', async () => {
    await start({ latencyMs: 20, faults: [{ fault: 'rate_limit', times: 8, retryAfterSec: 0.1 }] });
    const { client, events } = testClient(server.url, { concurrency: 8 });
    await Promise.all(Array.from({ length: 8 }, (_, i) => client.complete(chatRequest(`burst ${i}`))));
    const cuts = events.filter((e) => e.type === 'rate_limited');
    assert.equal(cuts.length, 1, 'requests already in flight must not cut again');
    assert.equal(cuts[0]!.type === 'rate_limited' && cuts[0]!.concurrency, 4);
    assert.match(cuts[0]!.message, /concurrency now 4/);
    for (let i = 0; i < 30 && client.stats().concurrency.current < 8; i++) await client.complete(chatRequest(`calm ${i}`));
    assert.equal(client.stats().concurrency.current, 8);
    assert.ok(events.some((e) => e.type === 'concurrency_restored' && e.concurrency === 8));
  });

  it('rejects an unusable base URL with a clear message', () => {
    const make = (baseUrl: string) => () =>
      createLlmClient({ baseUrl, model: 'm', concurrency: 1, timeoutMs: 1000, maxAttempts: 1 });
    assert.throws(make(''), /endpoint is not configured/);
    assert.throws(make('localhost:11434'), /must start with http/);
    assert.throws(make('not a url'), /not a valid URL/);
  });

  it('reports a refused connection as a network error', async () => {
    await start();
    const url = server.url;
    await server.close();
    const err = await rejection(testClient(url, { maxAttempts: 2 }).client.complete(chatRequest('hello')));
    assert.equal(err.kind, 'network');
    assert.match(err.message, /Could not reach http:\/\/127\.0\.0\.1:\d+: .*ECONNREFUSED/);
  });
});

function restoreEnv(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
