// Environment variables through which the runner (scripts/vscode/run-tests.mjs) talks to the test entry.
// The server's environment reaches the extension host, where the tests run.

/** JSON array of absolute paths of the suite bundles this run loads. */
export const ENV_TEST_FILES = 'SFT_TEST_FILES';
/** URL of the browser action bridge; absent when no runner-side browser exists (desktop runner). */
export const ENV_BRIDGE_URL = 'SFT_TEST_BRIDGE';
/** The server's user-data-dir (settings, logs), so tests can prove a secret never reached it. */
export const ENV_USER_DATA_DIR = 'SFT_TEST_USER_DATA_DIR';
/** Optional mocha `grep` pattern. */
export const ENV_GREP = 'SFT_TEST_GREP';
