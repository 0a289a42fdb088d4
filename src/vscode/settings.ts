// The extension's settings as data: keys, defaults and bounds, plus the pure normalization of raw values.
// Deliberately free of the `vscode` module so the manifest unit test can compare it with package.json.

/** Section under which every setting lives (`sftLabeler.<key>`). */
export const SETTINGS_SECTION = 'sftLabeler';

/** What the normalized settings look like; `config.ts` produces one snapshot of this per read. */
export interface ExtensionSettings {
  /** Base URL of the OpenAI-compatible endpoint, or '' when none is set (the embedded heuristic labeler is used). */
  endpointBaseUrl: string;
  /** Model name sent to the endpoint; '' lets the endpoint choose. */
  endpointModel: string;
  /** Requests in flight at once. */
  concurrency: number;
  /** Sampling temperature. */
  temperature: number;
  /** Timeout of one HTTP request, in seconds. */
  requestTimeoutSeconds: number;
  /** Taxonomy folder or file; '' means the bundled taxonomy. */
  taxonomyPath: string;
  /** Whether label CodeLenses are shown above conversations. */
  codeLensEnabled: boolean;
}

type StringSpec = { key: string; kind: 'string'; default: string };
type BooleanSpec = { key: string; kind: 'boolean'; default: boolean };
type NumberSpec = { key: string; kind: 'number' | 'integer'; default: number; minimum: number; maximum: number };
/** How one setting is read: its key under the section, its JSON type, default and bounds. */
export type SettingSpec = StringSpec | BooleanSpec | NumberSpec;

/**
 * Every setting the extension reads. Adding a setting: add a field to `ExtensionSettings`, an entry here,
 * and its declaration in package.json `contributes.configuration` (the manifest test checks both agree).
 */
export const SETTING_SPECS = {
  endpointBaseUrl: { key: 'endpoint.baseUrl', kind: 'string', default: '' },
  endpointModel: { key: 'endpoint.model', kind: 'string', default: '' },
  concurrency: { key: 'concurrency', kind: 'integer', default: 16, minimum: 1, maximum: 512 },
  temperature: { key: 'temperature', kind: 'number', default: 0.1, minimum: 0, maximum: 2 },
  requestTimeoutSeconds: { key: 'requestTimeoutSeconds', kind: 'integer', default: 60, minimum: 1, maximum: 3600 },
  taxonomyPath: { key: 'taxonomyPath', kind: 'string', default: '' },
  codeLensEnabled: { key: 'codeLens.enabled', kind: 'boolean', default: true },
} as const satisfies { [K in keyof ExtensionSettings]: SettingSpec };

/** Full key (`sftLabeler.endpoint.baseUrl`) of a setting, for messages and `affectsConfiguration`. */
export function fullSettingKey(name: keyof ExtensionSettings): string {
  return `${SETTINGS_SECTION}.${SETTING_SPECS[name].key}`;
}

/** Settings that decide where data and the API key are sent: only user settings may set them. */
export const ENDPOINT_SETTINGS = ['endpointBaseUrl', 'endpointModel'] as const satisfies readonly (keyof ExtensionSettings)[];

function normalizeValue(spec: SettingSpec, raw: unknown): string | number | boolean {
  switch (spec.kind) {
    case 'string':
      return typeof raw === 'string' ? raw.trim() : spec.default;
    case 'boolean':
      return typeof raw === 'boolean' ? raw : spec.default;
    case 'number':
    case 'integer': {
      // settings.json is hand-edited: out-of-range or mistyped numbers fall back or clamp instead of failing a run.
      if (typeof raw !== 'number' || !Number.isFinite(raw)) return spec.default;
      const value = spec.kind === 'integer' ? Math.round(raw) : raw;
      return Math.min(spec.maximum, Math.max(spec.minimum, value));
    }
  }
}

/**
 * Builds a settings snapshot from a raw lookup (`key` is relative to the section). Values of the wrong type
 * fall back to the default; numbers are clamped to their declared bounds.
 */
export function normalizeSettings(lookup: (key: string) => unknown): ExtensionSettings {
  const entries = Object.entries(SETTING_SPECS).map(([name, spec]) => [name, normalizeValue(spec, lookup(spec.key))]);
  return Object.fromEntries(entries) as unknown as ExtensionSettings;
}
