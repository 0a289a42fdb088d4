import { strict as assert } from 'node:assert';
import { APIConnectionTimeoutError, APIError } from 'openai';
import { parseRetryAfterMs, retryDelayMs } from '../../../../src/core/llm/backoff';
import { classifyFailure, formatSeconds } from '../../../../src/core/llm/classify';
import { readCompletion } from '../../../../src/core/llm/completionBody';
import { normalizeErrorBody, redactSecrets, tidyServerMessage } from '../../../../src/core/llm/errorBody';

const ctx = { endpoint: 'http://h:1', model: 'm', apiKey: 'sk-secret-abcdef', timeoutMs: 1000, timedOut: false };

function httpError(status: number, message: string, headers: Record<string, string> = {}): APIError {
  return APIError.generate(status, { error: { message } }, undefined, new Headers(headers));
}

describe('core/llm error handling', () => {
  describe('classifyFailure', () => {
    const cases: Array<[number, string, string, boolean]> = [
      [400, "This model's maximum context length is 4096 tokens", 'context_length', false],
      [400, 'The response was filtered due to the prompt triggering content management policy', 'content_filter', false],
      [400, 'ResponsibleAIPolicyViolation', 'content_filter', false],
      [400, 'temperature must be between 0 and 2', 'bad_request', false],
      [401, 'Invalid token', 'auth', false],
      [402, 'Insufficient credits', 'auth', false],
      [403, 'Your API key does not have access', 'auth', false],
      [403, 'Request blocked', 'bad_request', false],
      [408, 'Request timeout', 'timeout', true],
      [409, 'Conflict', 'server', true],
      [413, 'Payload too large', 'context_length', false],
      [429, 'Slow down', 'rate_limited', true],
      [502, 'Bad gateway', 'server', true],
    ];
    for (const [status, message, kind, retryable] of cases) {
      it(`${status} "${message.slice(0, 30)}" → ${kind}${retryable ? ', retried' : ''}`, () => {
        const failure = classifyFailure(httpError(status, message), ctx);
        assert.equal(failure.kind, kind);
        assert.equal(failure.retryable, retryable);
        assert.equal(failure.httpStatus, status);
      });
    }

    it('flags overload on 429 and 503 and reads Retry-After', () => {
      const limited = classifyFailure(httpError(429, 'x', { 'retry-after': '2' }), ctx);
      assert.deepEqual([limited.overload, limited.retryAfterMs], [true, 2000]);
      assert.equal(classifyFailure(httpError(503, 'busy'), ctx).overload, true);
      assert.equal(classifyFailure(httpError(500, 'oops'), ctx).overload, false);
    });

    it('asks for a downgrade when the response_format is rejected', () => {
      const failure = classifyFailure(httpError(400, 'json_schema response_format is unsupported'), ctx);
      assert.deepEqual([failure.kind, failure.downgrade, failure.retryable], ['bad_request', true, false]);
    });

    it('lets x-should-retry override the status but not auth errors', () => {
      assert.equal(classifyFailure(httpError(500, 'x', { 'x-should-retry': 'false' }), ctx).retryable, false);
      assert.equal(classifyFailure(httpError(400, 'x', { 'x-should-retry': 'true' }), ctx).retryable, true);
      assert.equal(classifyFailure(httpError(401, 'x', { 'x-should-retry': 'true' }), ctx).retryable, false);
    });

    it('treats our timer and the client timeout as timeouts', () => {
      assert.equal(classifyFailure(new Error('aborted'), { ...ctx, timedOut: true }).kind, 'timeout');
      assert.equal(classifyFailure(new APIConnectionTimeoutError(), ctx).kind, 'timeout');
      assert.equal(classifyFailure(new SyntaxError('Unexpected end'), ctx).kind, 'malformed');
    });

    it('never puts the API key in the message', () => {
      const failure = classifyFailure(httpError(401, 'Incorrect API key provided: sk-secret-abcdef'), ctx);
      assert.doesNotMatch(failure.message, /secret/);
    });
  });

  describe('error bodies and messages', () => {
    it('normalises vLLM, FastAPI and Ollama error shapes', () => {
      const openaiShape = JSON.stringify({ error: { message: 'x' } });
      assert.equal(normalizeErrorBody(openaiShape), openaiShape);
      assert.equal(JSON.parse(normalizeErrorBody('{"object":"error","message":"too long","code":"ctx"}')).error.message, 'too long');
      assert.equal(JSON.parse(normalizeErrorBody('{"detail":[{"msg":"a"},{"msg":"b"}]}')).error.message, 'a; b');
      assert.equal(JSON.parse(normalizeErrorBody('{"error":"model not found"}')).error.message, 'model not found');
      assert.equal(normalizeErrorBody('<html>blocked</html>'), '<html>blocked</html>');
    });

    it('tidies HTML block pages and long messages', () => {
      const tidy = tidyServerMessage(`<html><style>b{}</style><body><h1>Access  denied</h1>\n${'x'.repeat(500)}</body></html>`);
      assert.ok(tidy.startsWith('Access denied x'));
      assert.ok(tidy.length <= 240 && tidy.endsWith('…'));
    });

    it('redacts keys and bearer tokens', () => {
      assert.equal(redactSecrets('key mykey123 and Bearer abc.def and sk-proj-abcdefgh', 'mykey123'), 'key *** and Bearer *** and sk-***');
    });
  });

  describe('backoff', () => {
    it('reads retry-after-ms, seconds and HTTP dates', () => {
      assert.equal(parseRetryAfterMs(new Headers({ 'retry-after-ms': '250' })), 250);
      assert.equal(parseRetryAfterMs(new Headers({ 'retry-after': '1.5' })), 1500);
      const date = parseRetryAfterMs(new Headers({ 'retry-after': new Date(Date.now() + 5000).toUTCString() }));
      assert.ok(date !== undefined && date > 3000 && date <= 5000);
      assert.equal(parseRetryAfterMs(new Headers({ 'retry-after': 'soon' })), undefined);
      assert.equal(parseRetryAfterMs(new Headers()), undefined);
    });

    it('uses full jitter under an exponential ceiling, and caps server delays', () => {
      const policy = { baseMs: 100, capMs: 1000, retryAfterCapMs: 5000 };
      for (let i = 0; i < 50; i++) {
        const first = retryDelayMs(1, policy);
        const late = retryDelayMs(10, policy);
        assert.ok(first >= 0 && first <= 100);
        assert.ok(late >= 0 && late <= 1000);
      }
      assert.equal(retryDelayMs(1, policy, 2000), 2000);
      assert.equal(retryDelayMs(1, policy, 60_000), 5000);
    });

    it('formats durations for people', () => {
      assert.deepEqual([formatSeconds(250), formatSeconds(1500), formatSeconds(60_000)], ['250 ms', '1.5 s', '60 s']);
    });
  });

  describe('readCompletion', () => {
    it('accepts a completion and reads usage', () => {
      const read = readCompletion({ choices: [{ message: { content: '{}' } }], usage: { prompt_tokens: 3, completion_tokens: 1 } }, 'e');
      assert.deepEqual(read, { ok: true, content: { text: '{}', promptTokens: 3, completionTokens: 1 } });
    });

    it('rejects bodies that are not chat completions as retryable', () => {
      for (const body of ['<html>', null, {}, { choices: [] }, { choices: [{ message: {} }] }]) {
        const read = readCompletion(body, 'e');
        assert.ok(!read.ok && read.failure.kind === 'malformed' && read.failure.retryable, JSON.stringify(body));
      }
    });

    it('reports a refusal or content-filter stop as content_filter', () => {
      const read = readCompletion({ choices: [{ message: { content: null }, finish_reason: 'content_filter' }] }, 'e');
      assert.ok(!read.ok && read.failure.kind === 'content_filter' && !read.failure.retryable);
    });

    it('treats running out of tokens before answering as an empty answer', () => {
      const read = readCompletion({ choices: [{ message: { content: null }, finish_reason: 'length' }] }, 'e');
      assert.ok(read.ok && read.content.text === '');
    });
  });
});
