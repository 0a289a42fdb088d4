// The wording of the consent question and of the taxonomy validation summary.
import assert from 'node:assert/strict';
import { consentMessage } from '../../../src/vscode/runs/consentText';
import { validationMessage } from '../../../src/vscode/taxonomy/validationMessage';

describe('vscode messages', () => {
  it('names the origin, the model and how many samples may be sent', () => {
    const { message, detail } = consentMessage({ origin: 'https://llm.example', model: 'gpt-x', samples: 12_345, what: 'data.jsonl' });
    assert.equal(message, 'Send up to 12,345 samples from data.jsonl to https://llm.example (model gpt-x)?');
    assert.match(detail, /asked once per endpoint/);
    assert.ok(!detail.includes('unencrypted'));
  });

  it('warns about plain http to another host, not to this machine', () => {
    const remote = consentMessage({ origin: 'http://10.0.0.5:8000', model: 'm', samples: 1, what: 'a.json' });
    assert.match(remote.detail, /plain http:\/\/.*unencrypted/);
    for (const origin of ['http://127.0.0.1:4000', 'http://localhost:11434', 'http://[::1]:8000']) {
      assert.ok(!consentMessage({ origin, model: 'm', samples: 1, what: 'a.json' }).detail.includes('unencrypted'), origin);
    }
  });

  it('sums a taxonomy validation up', () => {
    const base = { location: '/w/tax', bundled: false, files: ['a', 'b'], problems: [] };
    assert.equal(validationMessage({ ...base, errors: 0, warnings: 0 }), 'SFT: The taxonomy at /w/tax has no problems (2 files checked).');
    assert.equal(validationMessage({ ...base, bundled: true, errors: 1, warnings: 2 }), 'SFT: The bundled taxonomy has 1 error and 2 warnings; see the Problems panel.');
  });
});
