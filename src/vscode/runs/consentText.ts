// The consent question's wording. Free of the `vscode` module (unit-tested in plain Node).

/** What the consent question names: where the data goes and how much of it. */
export interface ConsentRequest {
  origin: string;
  model: string;
  /** Samples that may be sent (the files' sample count; already-labeled ones are skipped later). */
  samples: number;
  /** The files, as the user knows them (`data.jsonl`, or `3 files`). */
  what: string;
}

/** Loopback hosts, where plain http:// never crosses a network. */
function isLoopback(origin: string): boolean {
  const host = new URL(origin).hostname;
  return host === 'localhost' || host === '[::1]' || /^127\./.test(host);
}

/** The modal's text; plain http to another host gets a warning line. */
export function consentMessage(request: ConsentRequest): { message: string; detail: string } {
  const message = `Send up to ${request.samples.toLocaleString('en-US')} samples from ${request.what} to ${request.origin} (model ${request.model})?`;
  const lines = [
    'Each conversation is sent to this endpoint to be labeled. You are asked once per endpoint; the answer is remembered.',
  ];
  if (new URL(request.origin).protocol === 'http:' && !isLoopback(request.origin)) {
    lines.push('Warning: this endpoint uses plain http://, so the conversations and your API key cross the network unencrypted.');
  }
  return { message, detail: lines.join('\n\n') };
}
