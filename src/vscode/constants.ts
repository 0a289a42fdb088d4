// Names shared across the extension shell: identifiers that must match package.json or each other.
// Free of the `vscode` module so plain-Node tests can use them.

/** `<publisher>.<name>` from package.json. */
export const EXTENSION_ID = 'sft-labeler.sft-labeler';

/** The one output channel (a LogOutputChannel: levels, timestamps, a log file). */
export const OUTPUT_CHANNEL_NAME = 'SFT Labeler';

/** Id of the one status bar item; rendered as the element id `<EXTENSION_ID>.<STATUS_BAR_ITEM_ID>`. */
export const STATUS_BAR_ITEM_ID = 'sftLabeler.status';

/** Context keys used in package.json `when` clauses. */
export const CONTEXT_KEYS = {
  /** True while an API key is stored for the configured endpoint's origin. */
  apiKeyStored: 'sftLabeler.apiKeyStored',
  /** True while a labeling run is executing or waiting (enables "SFT: Cancel Run"). */
  running: 'sftLabeler.running',
} as const;

/** globalState key: endpoint origins the user agreed to send dataset content to (asked once per origin). */
export const CONSENTED_ORIGINS_KEY = 'sftLabeler.consentedOrigins';

/** URI scheme of the read-only details documents opened from a CodeLens. */
export const DETAILS_SCHEME = 'sft-labels';

/** `source` of every diagnostic the extension publishes (shown in the Problems panel). */
export const DIAGNOSTIC_SOURCE = 'sft';

/** Prefix of SecretStorage keys; the endpoint origin follows, so a key never travels to another host. */
export const API_KEY_SECRET_PREFIX = 'sftLabeler.apiKey:';
