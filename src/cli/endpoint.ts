import { createLlmClient, type RuntimeLlmClient } from '../core/llm/client';
/**
 * Where the CLI sends requests. Flags win over the environment; sft-label's `LITELLM_BASE`/`LITELLM_KEY`
 * are honoured so existing setups work unchanged. The key is never taken from a flag (shell history).
 */
export interface EndpointConfig {
  baseUrl: string;
  apiKey?: string;
  model: string;
}

export const DEFAULT_MODEL = 'gpt-4o-mini';

export function resolveEndpoint(
  flags: { baseUrl?: string; model?: string },
  env: NodeJS.ProcessEnv = process.env,
): EndpointConfig | undefined {
  const baseUrl = flags.baseUrl ?? env.SFT_LABELER_BASE_URL ?? env.LITELLM_BASE;
  if (!baseUrl) return undefined;
  const parsed = safeUrl(baseUrl);
  if (!parsed || !/^https?:$/.test(parsed.protocol)) {
    throw new Error(`Endpoint base URL is not an http(s) URL: ${baseUrl}`);
  }
  return {
    baseUrl,
    apiKey: env.SFT_LABELER_API_KEY ?? env.LITELLM_KEY,
    model: flags.model ?? env.SFT_LABELER_MODEL ?? DEFAULT_MODEL,
  };
}

function safeUrl(s: string): URL | undefined {
  try {
    return new URL(s);
  } catch {
    return undefined;
  }
}

/** The LLM client every CLI command uses: our retry policy, runtime events printed unless `quiet`. */
export function cliClient(
  endpoint: EndpointConfig,
  opts: { concurrency: number; timeoutSeconds: number; quiet?: boolean },
): RuntimeLlmClient {
  return createLlmClient({
    baseUrl: endpoint.baseUrl,
    apiKey: endpoint.apiKey,
    model: endpoint.model,
    concurrency: opts.concurrency,
    timeoutMs: opts.timeoutSeconds * 1000,
    maxAttempts: 5,
    retryAfterCapMs: 60_000,
    onEvent: (e) => {
      if (!opts.quiet) console.error(`  ${e.message}`);
    },
  });
}
