/**
 * Request parameters some models refuse. OpenAI's reasoning models (o-series, gpt-5) answer 400 to
 * `max_tokens` ("use max_completion_tokens") and to any temperature but the default. Rather than guess
 * from the model's name (sft-label's substring test misfires on unrelated names), we adapt when the
 * server says so, and remember it per endpoint and model for the life of the process.
 */
export interface ModelQuirks {
  /** Send `max_completion_tokens` instead of `max_tokens`. */
  maxCompletionTokens: boolean;
  /** Leave `temperature` out (the model only runs at its default). */
  omitTemperature: boolean;
}

const quirksByModel = new Map<string, ModelQuirks>();

const keyOf = (baseUrl: string, model: string) => `${baseUrl}\u0000${model}`;

export function quirksFor(baseUrl: string, model: string): ModelQuirks {
  return quirksByModel.get(keyOf(baseUrl, model)) ?? { maxCompletionTokens: false, omitTemperature: false };
}

/** Forget what was learnt (settings changed). */
export function resetModelQuirks(): void {
  quirksByModel.clear();
}

/**
 * If a 400 message says a parameter we sent is unsupported, the quirks that avoid it; otherwise
 * undefined. Only returns a change (never the quirks already in effect), so a retry cannot loop.
 */
export function adaptToRejection(message: string, current: ModelQuirks): ModelQuirks | undefined {
  const text = message.toLowerCase();
  const unsupported = /unsupported|not supported|does not support|is not allowed|invalid/.test(text);
  if (!unsupported) return undefined;
  if (!current.maxCompletionTokens && text.includes('max_tokens') && text.includes('max_completion_tokens')) {
    return { ...current, maxCompletionTokens: true };
  }
  if (!current.omitTemperature && text.includes('temperature')) {
    return { ...current, omitTemperature: true };
  }
  return undefined;
}

export function rememberQuirks(baseUrl: string, model: string, quirks: ModelQuirks): void {
  quirksByModel.set(keyOf(baseUrl, model), quirks);
}
