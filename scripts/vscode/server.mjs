// Starting and stopping code-server (VS Code's server + web workbench) on loopback, with Node 24.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createServer } from 'node:net';

/** A free TCP port on 127.0.0.1 (the OS picks it; the tiny window before the server binds it is acceptable). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (probe.address());
      probe.close(() => resolve(port));
    });
  });
}

/**
 * @typedef {object} ServerOptions
 * @property {{ node24Bin: string, codeServerEntry: string }} runtime from `ensureVscodeRuntime()`
 * @property {string} userDataDir settings, logs and the secrets' key half live here
 * @property {string} extensionsDir installed extensions (`--install-extension` targets it too)
 * @property {string} [workspace] folder to open (omit with `installOnly`)
 * @property {boolean} [trusted] true adds `--disable-workspace-trust`; false opens folders in Restricted Mode
 * @property {boolean} [testDriver] enable the smoke-test driver that honours `?payload=` (extension tests)
 * @property {Record<string, string>} [env] extra environment; the extension host inherits it
 * @property {string} logFile where the server's stdout and stderr go
 * @property {number} [port]
 * @property {number} [readyTimeoutMs]
 */

/**
 * Starts code-server in its own process group and resolves once it listens.
 * @param {ServerOptions} opts
 * @returns {Promise<{ port: number, origin: string, exited: Promise<number | null>, stop: () => Promise<void> }>}
 */
export async function startCodeServer(opts) {
  const port = opts.port ?? (await freePort());
  const args = [
    opts.runtime.codeServerEntry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--user-data-dir', opts.userDataDir,
    '--extensions-dir', opts.extensionsDir,
  ];
  if (opts.trusted !== false) args.push('--disable-workspace-trust');
  if (opts.testDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  if (opts.workspace) args.push(opts.workspace);

  const log = createWriteStream(opts.logFile, { flags: 'a' });
  const child = spawn(opts.runtime.node24Bin, args, {
    detached: true, // own process group: stop() kills the extension host and watchers along with the server
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...opts.env },
  });
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const signalGroup = (signal) => {
      try {
        process.kill(-(/** @type {number} */ (child.pid)), signal);
      } catch {
        // the group is already gone
      }
    };
    signalGroup('SIGTERM');
    const timer = setTimeout(() => signalGroup('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
    signalGroup('SIGKILL'); // stragglers that ignored SIGTERM after the leader exited
    log.end();
  };

  await new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`code-server did not start within ${opts.readyTimeoutMs ?? 60000} ms (log: ${opts.logFile})`));
    }, opts.readyTimeoutMs ?? 60000);
    const onData = (chunk) => {
      log.write(chunk);
      seen = (seen + chunk.toString()).slice(-4096);
      if (seen.includes('HTTP server listening on')) {
        clearTimeout(timer);
        resolve(undefined);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited with code ${code} before listening (log: ${opts.logFile})`));
    });
  });
  // Keep draining the pipes into the log so the server never blocks on a full pipe.
  return { port, origin: `http://127.0.0.1:${port}`, exited, stop };
}

/**
 * Runs code-server once to install a VSIX into an extensions folder.
 * @param {{ node24Bin: string, codeServerEntry: string }} runtime
 * @param {{ vsix: string, userDataDir: string, extensionsDir: string }} opts
 */
export function installExtension(runtime, opts) {
  return new Promise((resolve, reject) => {
    const child = spawn(runtime.node24Bin, [
      runtime.codeServerEntry, '--user-data-dir', opts.userDataDir, '--extensions-dir', opts.extensionsDir,
      '--install-extension', opts.vsix, '--force',
    ], { stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? resolve(undefined) : reject(new Error(`installing ${opts.vsix} failed (exit ${code})`))));
  });
}
