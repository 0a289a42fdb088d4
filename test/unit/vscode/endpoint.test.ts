import assert from 'node:assert/strict';
import { UserFacingError, endpointOrigin } from '../../../src/vscode/endpoint';

describe('endpointOrigin', () => {
  it('reduces a base URL to scheme, host and port', () => {
    assert.equal(endpointOrigin('https://api.example.com/v1/'), 'https://api.example.com');
    assert.equal(endpointOrigin('http://127.0.0.1:8000/v1'), 'http://127.0.0.1:8000');
  });

  it('drops credentials embedded in the URL', () => {
    assert.equal(endpointOrigin('https://user:secret@api.example.com/v1'), 'https://api.example.com');
  });

  it('rejects text that is not a URL, naming the setting', () => {
    assert.throws(() => endpointOrigin('api.example.com'), (err: unknown) =>
      err instanceof UserFacingError && err.message.includes('sftLabeler.endpoint.baseUrl'));
  });

  it('rejects schemes other than http and https', () => {
    assert.throws(() => endpointOrigin('file:///etc/passwd'), UserFacingError);
  });
});
