/**
 * Loopback OpenAI-compatible server for unit, e2e and editor integration tests and benchmarks.
 * Answers are generated from the request's JSON schema; faults (429, 5xx, hangs, broken bodies, dropped
 * connections) are injected by rules. `GET /__stats`, `POST /__options` and `POST /__reset` give control to
 * tests running in another process.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FaultPlan, seededRandom } from './faults';
import { describeChatRequest, type ChatRequestInfo } from './requestInfo';
import { answerFromSchema } from './schemaAnswer';
import type { FaultRule, RequestLogEntry, TestServerHandle, TestServerOptions, TestServerStats } from './types';


export const DEFAULT_TEST_SERVER_OPTIONS: TestServerOptions = {
  port: 0,
  host: '127.0.0.1',
  latencyMs: 0,
  jitterMs: 0,
  faults: [],
  supportsJsonSchema: true,
  supportsJsonObject: true,
  mode: 'schema',
  errorStyle: 'openai',
  seed: 1,
};

/** What to send for one chat request, decided before the latency is applied. */
type Reply =
  | { kind: 'json'; status: number; body: unknown; headers?: Record<string, string> }
  | { kind: 'hang' }
  | { kind: 'drop' | 'stall'; body: string }
  | { kind: 'malformed' };

export async function startTestServer(options: Partial<TestServerOptions> = {}): Promise<TestServerHandle> {
  let opts: TestServerOptions = { ...DEFAULT_TEST_SERVER_OPTIONS, ...options };
  let random = seededRandom(opts.seed);
  let plan = new FaultPlan(opts.faults, random);
  let stats = emptyStats();

  const setOptions = (partial: Partial<TestServerOptions>) => {
    opts = { ...opts, ...partial };
    if (partial.seed !== undefined) random = seededRandom(opts.seed);
    if (partial.faults !== undefined || partial.seed !== undefined) plan = new FaultPlan(opts.faults, random);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: { message: `test server bug: ${String(err)}` } });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0]!;
    if (req.method === 'GET' && path === '/__stats') return sendJson(res, 200, stats);
    if (req.method === 'POST' && path === '/__options') {
      setOptions(JSON.parse((await readBody(req)) || '{}') as Partial<TestServerOptions>);
      return sendJson(res, 200, { ok: true });
    }
    if (req.method === 'POST' && path === '/__reset') {
      stats = emptyStats();
      return sendJson(res, 200, { ok: true });
    }
    if (req.method === 'GET' && (path === '/v1/models' || path === '/models')) {
      const ids = opts.knownModels ?? ['test-model'];
      return sendJson(res, 200, { object: 'list', data: ids.map((id) => ({ id, object: 'model', owned_by: 'test-server' })) });
    }
    if (req.method === 'POST' && (path === '/v1/chat/completions' || path === '/chat/completions')) return chat(req, res);
    sendJson(res, 404, errorBody(`No route for ${req.method} ${path}`, 'not_found'));
  }

  async function chat(req: IncomingMessage, res: ServerResponse): Promise<void> {
    stats.totalRequests++;
    stats.inFlight++;
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
    const counted = stats;
    res.on('close', () => counted.inFlight--);

    let body: Record<string, unknown>;
    try {
      body = JSON.parse(await readBody(req)) as Record<string, unknown>;
    } catch {
      return sendJson(res, 400, errorBody('The request body is not valid JSON.', 'invalid_request_error'));
    }
    const info = describeChatRequest(body);
    const entry: RequestLogEntry = {
      sampleKey: info.sampleKey, temperature: info.temperature, schemaName: info.schemaName,
      responseFormat: info.responseFormat, status: null, fault: null, at: Date.now(),
    };
    stats.log.push(entry);
    (stats.samples[info.sampleKey] ??= []).push(entry);

    const reply = decide(req, info, entry);
    if (entry.fault) stats.byFault[entry.fault] = (stats.byFault[entry.fault] ?? 0) + 1;
    if (reply.kind === 'hang') return;
    const delay = opts.latencyMs + (opts.jitterMs > 0 ? random() * opts.jitterMs : 0);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    if (res.destroyed) return;

    if (reply.kind === 'json') {
      entry.status = reply.status;
      stats.byStatus[reply.status] = (stats.byStatus[reply.status] ?? 0) + 1;
      return sendJson(res, reply.status, reply.body, reply.headers);
    }
    if (reply.kind === 'malformed') {
      entry.status = 200;
      stats.byStatus[200] = (stats.byStatus[200] ?? 0) + 1;
      const truncated = '{"id":"chatcmpl-broken","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"{\\"lang';
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(truncated) });
      return void res.end(truncated);
    }
    // drop and stall: promise a full body and send half; drop then cuts the connection, stall just stops.
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(reply.body) });
    const half = reply.body.slice(0, Math.floor(reply.body.length / 2));
    res.write(half, () => {
      if (reply.kind === 'drop') res.socket?.destroy();
    });
  }

  function decide(req: IncomingMessage, info: ChatRequestInfo, entry: RequestLogEntry): Reply {
    if (opts.apiKey !== undefined && req.headers.authorization !== `Bearer ${opts.apiKey}`) {
      const sent = (req.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
      // Echoes the key like some real providers do, so clients must redact it.
      return { kind: 'json', status: 401, body: errorBody(`Incorrect API key provided: ${sent || '(none)'}.`, 'invalid_api_key') };
    }
    if (opts.knownModels && !opts.knownModels.includes(info.model)) {
      return { kind: 'json', status: 404, body: errorBody(`The model '${info.model}' does not exist.`, 'model_not_found') };
    }
    if (opts.reasoningModel && info.usesMaxTokens) {
      const message = "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.";
      return { kind: 'json', status: 400, body: errorBody(message, 'unsupported_parameter') };
    }
    if (opts.reasoningModel && info.temperature !== null && info.temperature !== 1) {
      const message = `Unsupported value: 'temperature' does not support ${info.temperature} with this model. Only the default (1) value is supported.`;
      return { kind: 'json', status: 400, body: errorBody(message, 'unsupported_value') };
    }
    const rule = plan.pick(info.promptText);
    if (rule) {
      entry.fault = rule.fault;
      return faultReply(rule, info);
    }
    if (info.responseFormat === 'json_schema' && !opts.supportsJsonSchema) {
      return { kind: 'json', status: 400, body: errorBody('response_format json_schema is not supported by this server.', 'invalid_request_error') };
    }
    if (info.responseFormat === 'json_object' && !opts.supportsJsonObject) {
      return { kind: 'json', status: 400, body: errorBody('response_format json_object is not supported by this server.', 'invalid_request_error') };
    }
    if (opts.maxPromptChars !== undefined && info.promptText.length > opts.maxPromptChars) {
      const limit = Math.ceil(opts.maxPromptChars / 4);
      const used = Math.ceil(info.promptText.length / 4);
      const message = `This model's maximum context length is ${limit} tokens. However, your messages resulted in ${used} tokens. Please reduce the length of the messages.`;
      return { kind: 'json', status: 400, body: errorBody(message, 'context_length_exceeded') };
    }
    return { kind: 'json', status: 200, body: completion(info, opts.mode === 'garbage' ? proseAnswer() : answerText(info)) };
  }

  function faultReply(rule: FaultRule, info: ChatRequestInfo): Reply {
    const headers = { ...(rule.headers ?? {}) };
    switch (rule.fault) {
      case 'rate_limit':
        headers['retry-after'] = String(rule.retryAfterSec ?? 1);
        return { kind: 'json', status: 429, body: errorBody('Rate limit reached for requests. Please try again later.', 'rate_limit_exceeded', 'requests'), headers };
      case 'server_error':
        return { kind: 'json', status: 500, body: errorBody('The server had an error while processing your request.', 'server_error', 'server_error'), headers };
      case 'unavailable':
        if (rule.retryAfterSec !== undefined) headers['retry-after'] = String(rule.retryAfterSec);
        return { kind: 'json', status: 503, body: errorBody('The engine is currently overloaded, please try again later.', 'overloaded', 'server_error'), headers };
      case 'hang':
        return { kind: 'hang' };
      case 'malformed':
        return { kind: 'malformed' };
      case 'no_choices':
        return { kind: 'json', status: 200, body: { ...completion(info, ''), choices: [] }, headers };
      case 'drop':
      case 'stall':
        return { kind: rule.fault, body: JSON.stringify(completion(info, answerText(info))) };
      case 'garbage':
        return { kind: 'json', status: 200, body: completion(info, proseAnswer()), headers };
    }
  }

  function errorBody(message: string, code: string, type = 'invalid_request_error'): unknown {
    return opts.errorStyle === 'flat'
      ? { object: 'error', message, type, param: null, code }
      : { error: { message, type, param: null, code } };
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://${opts.host}:${port}/v1`,
    port,
    stats: () => structuredClone(stats),
    setOptions,
    resetStats: () => {
      stats = emptyStats();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Hanging requests and keep-alive sockets would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}

/** The JSON answer for the request's schema; fenced with a lead-in sentence when no response_format was sent. */
function answerText(info: ChatRequestInfo): string {
  const value = info.schema
    ? answerFromSchema(info.schema, { promptText: info.promptText, conversationText: info.conversationText, temperature: info.temperature })
    : { answer: 'written by the test server' };
  const json = JSON.stringify(value);
  return info.responseFormat === 'none' ? `Here is the result:\n\`\`\`json\n${json}\n\`\`\`` : json;
}

function proseAnswer(): string {
  return 'This conversation looks like a programming question. Let me know if you need anything else!';
}

function completion(info: ChatRequestInfo, content: string) {
  const promptTokens = Math.ceil(info.promptText.length / 4);
  const completionTokens = Math.ceil(content.length / 4);
  return {
    id: `chatcmpl-test-${Math.random().toString(36).slice(2, 10)}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: info.model || 'test-model',
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
  };
}

function emptyStats(): TestServerStats {
  return { totalRequests: 0, byStatus: {}, byFault: {}, inFlight: 0, maxInFlight: 0, samples: {}, log: [] };
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
