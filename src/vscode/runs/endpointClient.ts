// Turning the endpoint settings and the stored key into an LLM client: the one place that reads the key.
import * as vscode from 'vscode';
import { createLlmClient, type RuntimeLlmClient } from '../../core/llm/client';
import type { RuntimeEvent } from '../../core/llm/runtimeEvents';
import { UserFacingError, endpointOrigin } from '../endpoint';
import type { ApiKeyStore } from '../secrets';
import { fullSettingKey, type ExtensionSettings } from '../settings';

/** The configured endpoint, ready to use. The key stays inside the client. */
export interface EndpointClient {
  origin: string;
  model: string;
  /** How the model was chosen, for the log. */
  modelSource: 'setting' | 'endpoint';
  client: RuntimeLlmClient;
}

/** Attempts per request for transient failures (429, 5xx, timeouts), as the CLI does. */
const MAX_ATTEMPTS = 5;
const RETRY_AFTER_CAP_MS = 60_000;
const MODEL_LIST_TIMEOUT_MS = 10_000;

/**
 * The model the endpoint lists first, for an empty `sftLabeler.endpoint.model` ("let the endpoint pick").
 * @throws UserFacingError when the endpoint lists none or cannot be asked
 */
async function firstListedModel(baseUrl: string, apiKey: string | undefined): Promise<string> {
  const url = `${baseUrl.replace(/\/+$/, '')}/models`;
  const hint = `set ${fullSettingKey('endpointModel')} in your user settings`;
  let body: unknown;
  try {
    const response = await fetch(url, {
      headers: apiKey ? { authorization: `Bearer ${apiKey}` } : {},
      signal: AbortSignal.timeout(MODEL_LIST_TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    body = await response.json();
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new UserFacingError(`No model is set and ${endpointOrigin(baseUrl)} did not list its models (${reason}): ${hint}.`);
  }
  const first = (body as { data?: { id?: unknown }[] }).data?.[0]?.id;
  if (typeof first !== 'string' || first === '') throw new UserFacingError(`No model is set and ${endpointOrigin(baseUrl)} lists none: ${hint}.`);
  return first;
}

/**
 * A client for the configured endpoint, or undefined when none is configured (the heuristic labeler runs).
 * @param overrides request limits for one-off uses such as the connection test
 */
export async function endpointClient(
  settings: ExtensionSettings,
  apiKeys: ApiKeyStore,
  onEvent: (event: RuntimeEvent) => void,
  overrides: { maxAttempts?: number; timeoutMs?: number } = {},
): Promise<EndpointClient | undefined> {
  if (settings.endpointBaseUrl === '') return undefined;
  const origin = endpointOrigin(settings.endpointBaseUrl);
  const apiKey = await apiKeys.get(origin);
  const model = settings.endpointModel || (await firstListedModel(settings.endpointBaseUrl, apiKey));
  const client = createLlmClient({
    baseUrl: settings.endpointBaseUrl,
    apiKey,
    model,
    concurrency: settings.concurrency,
    timeoutMs: overrides.timeoutMs ?? settings.requestTimeoutSeconds * 1000,
    maxAttempts: overrides.maxAttempts ?? MAX_ATTEMPTS,
    retryAfterCapMs: RETRY_AFTER_CAP_MS,
    userAgent: `sft-labeler-vscode/${vscode.version}`,
    onEvent,
  });
  return { origin, model, modelSource: settings.endpointModel ? 'setting' : 'endpoint', client };
}
