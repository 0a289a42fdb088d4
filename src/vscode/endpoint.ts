// Parsing the configured endpoint URL. Free of the `vscode` module (unit-tested in plain Node).
import { fullSettingKey } from './settings';

/** A problem the user can fix (bad setting, missing key): shown as a warning, without a stack trace. */
export class UserFacingError extends Error {
  override readonly name = 'UserFacingError';
}

/**
 * The origin (`https://host:port`) of an endpoint base URL: API keys are stored per origin, so pointing the
 * endpoint at another host never sends it a key meant for the first one.
 * @throws UserFacingError when the URL is not an absolute http(s) URL
 */
export function endpointOrigin(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new UserFacingError(`${fullSettingKey('endpointBaseUrl')} is not a valid URL: "${baseUrl}".`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UserFacingError(`${fullSettingKey('endpointBaseUrl')} must start with https:// or http:// (got "${url.protocol}").`);
  }
  return url.origin;
}
