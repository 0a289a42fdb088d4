/**
 * The contract between the LLM runtime and the passes that use it.
 * Passes build messages and a JSON schema; the runtime owns HTTP, retries, concurrency and the
 * structured-output ladder. Parsing the answer's JSON is the caller's job (see `structured.ts`).
 */

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** How the answer's shape was requested: the rungs of the structured-output ladder. */
export type ResponseFormatRung = 'json_schema' | 'json_object' | 'prompt';

export interface ChatRequest {
  messages: ChatMessage[];
  temperature: number;
  maxTokens: number;
  /** Shape of the expected answer. The ladder sends it as `json_schema`, or describes it in the prompt. */
  schema: { name: string; jsonSchema: Record<string, unknown> };
  signal?: AbortSignal;
}

export interface ChatResult {
  text: string;
  promptTokens: number;
  completionTokens: number;
  /** Sum of HTTP latencies of every attempt. */
  latencyMs: number;
  /** HTTP attempts it took (1 = first try). */
  attempts: number;
  responseFormat: ResponseFormatRung;
  model: string;
}

export interface LlmClient {
  readonly model: string;
  /** Origin of the endpoint (`https://host:port`), for messages and consent; never includes the key. */
  readonly endpoint: string;
  complete(req: ChatRequest): Promise<ChatResult>;
}

export type LlmErrorKind =
  /** 401/402/403 with an auth or billing cause: the whole run stops at once. */
  | 'auth'
  /** The prompt does not fit the model's context: this sample fails, others go on. */
  | 'context_length'
  /** The provider's content filter refused the prompt: this sample fails, others go on. */
  | 'content_filter'
  /** Any other 4xx the server will answer the same way again. */
  | 'bad_request'
  /** 429 after all retries. */
  | 'rate_limited'
  /** 5xx after all retries. */
  | 'server'
  | 'timeout'
  | 'network'
  /** 2xx with a body that is not a chat completion. */
  | 'malformed'
  | 'aborted';

export class LlmError extends Error {
  override readonly name = 'LlmError';
  constructor(
    readonly kind: LlmErrorKind,
    message: string,
    readonly details: { httpStatus?: number; attempts?: number; latencyMs?: number } = {},
  ) {
    super(message);
  }
  /** Errors that must stop the whole run rather than fail one sample. */
  get fatal(): boolean {
    return this.kind === 'auth';
  }
}
