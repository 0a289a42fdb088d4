import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import {
  sampleKey,
  startTestServer,
  UNMAPPED_VALUE,
  type TestServerHandle,
  type TestServerOptions,
} from '../../../server';
import { FaultPlan, seededRandom } from '../../../server/faults';
import { parseJsonAnswer } from '../../../../src/core/llm/structured';
import { chatRequest, LanguageAnswer, languageJsonSchema } from './fixtures';

/** The parts of a completion or error body these tests read (absent parts fail the assertions that use them). */
interface ResponseBody {
  choices: Array<{ message: { content: string } }>;
  usage: { prompt_tokens: number; completion_tokens: number };
  error: { message: string; code: string };
}

/** Posts a chat request straight to the server (no client), returning status and parsed body. */
async function post(server: TestServerHandle, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as ResponseBody };
}

function chatBody(conversation: string, extra: Record<string, unknown> = {}) {
  const req = chatRequest(conversation);
  return {
    model: 'm',
    messages: req.messages,
    temperature: 0,
    response_format: { type: 'json_schema', json_schema: { name: 'call1', strict: true, schema: languageJsonSchema } },
    ...extra,
  };
}

describe('test server', () => {
  let server: TestServerHandle;
  const start = async (options: Partial<TestServerOptions> = {}) => (server = await startTestServer(options));
  afterEach(async () => server?.close());

  async function answer(conversation: string, extra: Record<string, unknown> = {}) {
    const { status, body } = await post(server, chatBody(conversation, extra));
    assert.equal(status, 200);
    const parsed = parseJsonAnswer(body.choices[0]!.message.content, LanguageAnswer);
    assert.ok(parsed.ok, parsed.ok ? '' : parsed.error);
    return parsed.value;
  }

  describe('schema-driven answers', () => {
    it('satisfies the schema and prefers enum values the conversation mentions', async () => {
      await start();
      const value = await answer('My ```python\nprint(1)``` fails; the Go port works. I want to debug it.');
      assert.deepEqual(value.language, ['python', 'go']);
      assert.equal(value.intent, 'debug');
      assert.deepEqual(value.confidence, { language: 0.9, intent: 0.9 });
      assert.deepEqual(value.unmapped, []);
    });

    it('ignores the system prompt when matching (it may list every tag)', async () => {
      await start();
      const plain = chatBody('nothing relevant here');
      const listing = chatBody('nothing relevant here');
      (listing.messages as Array<{ content: string }>)[0]!.content += ' Tags: python rust go java learn build debug';
      const first = (await post(server, plain)).body.choices[0]!.message.content;
      assert.equal((await post(server, plain)).body.choices[0]!.message.content, first, 'picks are deterministic');
      assert.equal((await post(server, listing)).body.choices[0]!.message.content, first);
    });

    it('answers LOW-CONFIDENCE prompts low when cold and higher when warm', async () => {
      await start();
      const cold = await answer('LOW-CONFIDENCE python', { temperature: 0 });
      const warm = await answer('LOW-CONFIDENCE python', { temperature: 0.7 });
      assert.deepEqual(cold.confidence, { language: 0.4, intent: 0.4 });
      assert.deepEqual(warm.confidence, { language: 0.85, intent: 0.85 });
    });

    it('fills `unmapped` only when the prompt says UNMAPPED-TAG', async () => {
      await start();
      const value = await answer('UNMAPPED-TAG please');
      assert.deepEqual(value.unmapped, [{ dimension: 'language', value: UNMAPPED_VALUE }]);
    });

    it('reads the schema from <answer_schema> when no response_format carries it', async () => {
      await start();
      const schema = {
        title: 'call2', type: 'object', required: ['n', 'flag', 'nested'],
        properties: {
          n: { type: 'integer', minimum: 3, maximum: 5 },
          flag: { type: 'boolean' },
          nested: { $ref: '#/$defs/inner' },
          maybe: { anyOf: [{ type: 'string', enum: ['rust'] }, { type: 'null' }] },
        },
        $defs: { inner: { type: 'object', properties: { tags: { type: 'array', minItems: 2, items: { enum: ['a', 'b', 'c'] } } } } },
      };
      const messages = [
        { role: 'system', content: `Answer in JSON.\n<answer_schema>\n${JSON.stringify(schema)}\n</answer_schema>` },
        { role: 'user', content: '<conversation>rust</conversation>' },
      ];
      const { body } = await post(server, { model: 'm', messages });
      const text = body.choices[0]!.message.content as string;
      assert.match(text, /^Here is the result:\n```json\n/);
      const value = JSON.parse(text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1));
      assert.ok(Number.isInteger(value.n) && value.n >= 3 && value.n <= 5);
      assert.equal(typeof value.flag, 'boolean');
      assert.equal(value.maybe, 'rust');
      assert.ok(value.nested.tags.length >= 2 && new Set(value.nested.tags).size === value.nested.tags.length);
      assert.equal(server.stats().log[0]!.schemaName, 'call2');
    });

    it('answers prose in garbage mode', async () => {
      await start({ mode: 'garbage' });
      const { body } = await post(server, chatBody('python'));
      assert.equal(parseJsonAnswer(body.choices[0]!.message.content, LanguageAnswer).ok, false);
    });

    it('reports usage of about a token per four characters', async () => {
      await start();
      const { body } = await post(server, chatBody('x'.repeat(400)));
      assert.ok(body.usage.prompt_tokens >= 100 && body.usage.prompt_tokens < 130);
      assert.equal(body.usage.completion_tokens, Math.ceil(body.choices[0]!.message.content.length / 4));
    });
  });

  describe('faults and errors', () => {
    it('fires `times`, `every` and `matchText` rules as documented', () => {
      const plan = new FaultPlan(
        [
          { fault: 'hang', matchText: 'slow' },
          { fault: 'rate_limit', times: 2 },
          { fault: 'server_error', every: 3 },
        ],
        seededRandom(1),
      );
      const fired = ['a', 'b', 'slow', 'c', 'd', 'e', 'f'].map((p) => plan.pick(p)?.fault ?? null);
      // rate_limit takes the first two non-"slow" requests; server_error sees c,d,e,f and fires on its 3rd (e).
      assert.deepEqual(fired, ['rate_limit', 'rate_limit', 'hang', null, null, 'server_error', null]);
    });

    it('makes probability faults reproducible with a seed', () => {
      const run = (seed: number) => {
        const plan = new FaultPlan([{ fault: 'server_error', probability: 0.3 }], seededRandom(seed));
        return Array.from({ length: 200 }, () => (plan.pick('x') ? 1 : 0)).join('');
      };
      assert.equal(run(7), run(7));
      assert.notEqual(run(7), run(8));
      const rate = [...run(7)].filter((c) => c === '1').length / 200;
      assert.ok(rate > 0.18 && rate < 0.42, `rate ${rate}`);
    });

    it('sends 429 with Retry-After and extra headers', async () => {
      await start({ faults: [{ fault: 'rate_limit', retryAfterSec: 2, headers: { 'x-should-retry': 'true' } }] });
      const res = await post(server, chatBody('x'));
      assert.equal(res.status, 429);
      assert.equal(res.headers.get('retry-after'), '2');
      assert.equal(res.headers.get('x-should-retry'), 'true');
      assert.deepEqual(server.stats().byFault, { rate_limit: 1 });
    });

    it('checks the API key', async () => {
      await start({ apiKey: 'k' });
      assert.equal((await post(server, chatBody('x'))).status, 401);
      assert.equal((await post(server, chatBody('x'), { authorization: 'Bearer k' })).status, 200);
    });

    it('rejects json_schema when told it is unsupported, and long prompts', async () => {
      await start({ supportsJsonSchema: false, maxPromptChars: 1000 });
      const rejected = await post(server, chatBody('x'));
      assert.equal(rejected.status, 400);
      assert.match(rejected.body.error.message, /response_format json_schema is not supported/);
      const tooLong = await post(server, chatBody('x'.repeat(2000), { response_format: { type: 'json_object' } }));
      assert.equal(tooLong.status, 400);
      assert.equal(tooLong.body.error.code, 'context_length_exceeded');
    });

    it('drops the connection mid-body', async () => {
      await start({ faults: [{ fault: 'drop' }] });
      await assert.rejects(post(server, chatBody('x')));
    });
  });

  describe('stats and control', () => {
    it('logs each request under its sample key with temperature and schema name', async () => {
      await start({ latencyMs: 20 });
      await Promise.all([post(server, chatBody('sample one')), post(server, chatBody('sample two', { temperature: 0.5 }))]);
      const stats = server.stats();
      assert.equal(stats.totalRequests, 2);
      assert.equal(stats.maxInFlight, 2);
      assert.equal(stats.inFlight, 0);
      assert.deepEqual(stats.byStatus, { 200: 2 });
      const one = stats.samples[sampleKey('sample one')]!;
      const two = stats.samples[sampleKey('sample two')]!;
      assert.deepEqual([one.length, one[0]!.temperature, one[0]!.schemaName, one[0]!.status], [1, 0, 'call1', 200]);
      assert.equal(two[0]!.temperature, 0.5);
    });

    it('exposes GET /__stats, POST /__options and POST /__reset over HTTP', async () => {
      await start();
      const origin = server.url.replace(/\/v1$/, '');
      await fetch(`${origin}/__options`, { method: 'POST', body: JSON.stringify({ faults: [{ fault: 'server_error', times: 1 }] }) });
      assert.equal((await post(server, chatBody('x'))).status, 500);
      assert.equal((await post(server, chatBody('x'))).status, 200);
      const stats = (await (await fetch(`${origin}/__stats`)).json()) as { byStatus: Record<string, number> };
      assert.deepEqual(stats.byStatus, { 200: 1, 500: 1 });
      await fetch(`${origin}/__reset`, { method: 'POST' });
      assert.equal(server.stats().totalRequests, 0);
    });

    it('closes promptly even with a hanging request open', async () => {
      await start({ faults: [{ fault: 'hang' }] });
      const pending = post(server, chatBody('x')).catch(() => 'closed');
      await new Promise((r) => setTimeout(r, 50));
      const t0 = Date.now();
      await server.close();
      assert.ok(Date.now() - t0 < 500);
      assert.equal(await pending, 'closed');
    });

    it('runs standalone and prints its URL as one JSON line', async function () {
      this.timeout(30_000);
      const root = path.resolve(__dirname, '../../../..');
      const child = spawn(process.execPath, ['--import', 'tsx', 'test/server/main.ts', '--latency-ms', '1', '--faults', '[{"fault":"server_error","times":1}]'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
      try {
        const line = await new Promise<string>((resolve, reject) => {
          createInterface({ input: child.stdout! }).once('line', resolve);
          child.once('exit', (code) => reject(new Error(`test server exited with ${code}`)));
        });
        const { url, port } = JSON.parse(line) as { url: string; port: number };
        assert.equal(url, `http://127.0.0.1:${port}/v1`);
        const first = await fetch(`${url}/chat/completions`, { method: 'POST', body: JSON.stringify(chatBody('x')) });
        assert.equal(first.status, 500);
      } finally {
        child.kill('SIGTERM');
      }
    });
  });
});
