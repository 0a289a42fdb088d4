// Imported first by extension.ts: the time its bundle started evaluating, so the activation time the
// extension reports includes loading its dependencies (zod, openai, yaml…), not only the activate() call.

/** `performance.now()` when the extension's modules started to evaluate. */
export const loadStartedAt = performance.now();
