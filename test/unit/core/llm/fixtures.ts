/** Shared request, schema and client setup for the LLM runtime tests (all against the real loopback server). */
import { z } from 'zod';
import { createLlmClient, type LlmClientConfig, type RuntimeLlmClient } from '../../../../src/core/llm/client';
import type { RuntimeEvent } from '../../../../src/core/llm/runtimeEvents';
import type { ChatRequest } from '../../../../src/core/llm/types';

export const LanguageAnswer = z
  .object({
    language: z.array(z.enum(['python', 'rust', 'go', 'java'])).max(3),
    intent: z.enum(['learn', 'build', 'debug']),
    confidence: z.object({ language: z.number().min(0).max(1), intent: z.number().min(0).max(1) }).strict(),
    unmapped: z.array(z.object({ dimension: z.string(), value: z.string() }).strict()),
  })
  .strict();
export type LanguageAnswer = z.infer<typeof LanguageAnswer>;

export const languageJsonSchema = z.toJSONSchema(LanguageAnswer, { target: 'draft-7' }) as Record<string, unknown>;

/** A labeling-style request: the transcript wrapped in `<conversation>` tags, as the real prompts do. */
export function chatRequest(conversation: string, extra: Partial<ChatRequest> = {}): ChatRequest {
  return {
    messages: [
      { role: 'system', content: 'You label SFT conversations.' },
      { role: 'user', content: `Label this.\n<conversation>\n${conversation}\n</conversation>` },
    ],
    temperature: 0.1,
    maxTokens: 400,
    schema: { name: 'call1', jsonSchema: languageJsonSchema },
    ...extra,
  };
}

/** A client with fast backoff so retry tests stay quick; `events` collects what it reports. */
export function testClient(
  baseUrl: string,
  overrides: Partial<LlmClientConfig> = {},
): { client: RuntimeLlmClient; events: RuntimeEvent[] } {
  const events: RuntimeEvent[] = [];
  const client = createLlmClient({
    baseUrl,
    model: 'test-model',
    concurrency: 4,
    timeoutMs: 5_000,
    maxAttempts: 4,
    retryAfterCapMs: 60_000,
    backoffBaseMs: 20,
    backoffCapMs: 100,
    onEvent: (e) => events.push(e),
    ...overrides,
  });
  return { client, events };
}
