import assert from 'node:assert/strict';
import { SETTING_SPECS, fullSettingKey, normalizeSettings } from '../../../src/vscode/settings';

const from = (values: Record<string, unknown>) => normalizeSettings((key) => values[key]);

describe('normalizeSettings', () => {
  it('returns the defaults when nothing is set', () => {
    assert.deepEqual(from({}), {
      endpointBaseUrl: '', endpointModel: '', concurrency: 16, temperature: 0.1,
      requestTimeoutSeconds: 60, taxonomyPath: '', codeLensEnabled: true,
    });
  });

  it('keeps valid values and trims strings', () => {
    const settings = from({ 'endpoint.baseUrl': ' https://h.example/v1 ', 'endpoint.model': 'm', concurrency: 4, temperature: 0, 'codeLens.enabled': false });
    assert.equal(settings.endpointBaseUrl, 'https://h.example/v1');
    assert.equal(settings.endpointModel, 'm');
    assert.equal(settings.concurrency, 4);
    assert.equal(settings.temperature, 0);
    assert.equal(settings.codeLensEnabled, false);
  });

  it('clamps numbers to the declared bounds and rounds integers', () => {
    const settings = from({ concurrency: 10_000, temperature: -1, requestTimeoutSeconds: 2.6 });
    assert.equal(settings.concurrency, SETTING_SPECS.concurrency.maximum);
    assert.equal(settings.temperature, 0);
    assert.equal(settings.requestTimeoutSeconds, 3);
  });

  it('falls back to defaults for values of the wrong type', () => {
    const settings = from({ concurrency: '8', temperature: Number.NaN, 'codeLens.enabled': 'no', taxonomyPath: 3 });
    assert.equal(settings.concurrency, 16);
    assert.equal(settings.temperature, 0.1);
    assert.equal(settings.codeLensEnabled, true);
    assert.equal(settings.taxonomyPath, '');
  });

  it('names settings by their full key', () => {
    assert.equal(fullSettingKey('endpointBaseUrl'), 'sftLabeler.endpoint.baseUrl');
  });
});
