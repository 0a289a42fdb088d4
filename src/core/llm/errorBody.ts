/**
 * Error bodies from OpenAI-compatible servers come in several shapes; the openai client only reads
 * `{ error: { message } }`. These helpers make every server's message reach our classifier and the user,
 * short and without secrets.
 */

type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/**
 * Wraps `fetch` so error responses carry an OpenAI-shaped body. Without it, vLLM's flat
 * `{ "object": "error", "message": … }`, FastAPI's `{ "detail": … }` and Ollama's `{ "error": "…" }` would reach
 * the client as "400 status code (no body)" or a quoted string, and context-length errors would go unrecognised.
 */
export function errorNormalizingFetch(base: Fetch = globalThis.fetch): Fetch {
  return async (input, init) => {
    const response = await base(input, init);
    if (response.status < 400) return response;
    const text = await response.text();
    const headers = new Headers(response.headers);
    headers.delete('content-length');
    headers.delete('content-encoding');
    const body = normalizeErrorBody(text);
    if (body !== text) headers.set('content-type', 'application/json');
    return new Response(body, { status: response.status, statusText: response.statusText, headers });
  };
}

/** Rewrites known non-OpenAI error JSON into `{ "error": { "message": … } }`; other text is returned unchanged. */
export function normalizeErrorBody(text: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return text;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return text;
  const body = parsed as Record<string, unknown>;
  const error = body.error;
  if (error && typeof error === 'object' && typeof (error as Record<string, unknown>).message === 'string') return text;
  const message =
    (typeof error === 'string' && error) ||
    (typeof body.message === 'string' && body.message) ||
    detailText(body.detail);
  if (!message) return text;
  const code = typeof body.code === 'string' ? body.code : null;
  const type = typeof body.type === 'string' ? body.type : undefined;
  return JSON.stringify({ error: { message, type, code } });
}

/** FastAPI puts a string or a list of `{ loc, msg }` validation items in `detail`. */
function detailText(detail: unknown): string | undefined {
  if (typeof detail === 'string') return detail;
  if (Array.isArray(detail)) {
    const parts = detail
      .map((item) => (item && typeof item === 'object' ? (item as Record<string, unknown>).msg : undefined))
      .filter((msg): msg is string => typeof msg === 'string');
    return parts.length ? parts.join('; ') : undefined;
  }
  return undefined;
}

const SERVER_MESSAGE_MAX_CHARS = 240;

/**
 * A server message fit for a log line or notification: HTML stripped (proxies answer with block pages),
 * whitespace collapsed, clipped, and any credential removed.
 */
export function tidyServerMessage(raw: string, apiKey?: string): string {
  let text = raw
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  text = redactSecrets(text, apiKey);
  return text.length > SERVER_MESSAGE_MAX_CHARS ? `${text.slice(0, SERVER_MESSAGE_MAX_CHARS - 1)}…` : text;
}

/** Removes the configured key and anything shaped like a bearer token or `sk-` key. */
export function redactSecrets(text: string, apiKey?: string): string {
  let out = text;
  if (apiKey && apiKey.length >= 4) out = out.split(apiKey).join('***');
  return out.replace(/Bearer\s+[^\s"',]+/gi, 'Bearer ***').replace(/\bsk-[A-Za-z0-9_*.-]{6,}/g, 'sk-***');
}
