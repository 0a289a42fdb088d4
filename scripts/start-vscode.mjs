// `npm run start:vscode`: the whole product running locally in a browser, offline. Builds the extension,
// packages it as a VSIX, installs it into code-server's own extensions folder and opens `samples/`.
// Usage: node scripts/start-vscode.mjs [--port 8139] [--skip-build]   (--skip-build reuses the last VSIX)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { cacheDir, repoRoot } from './vscode/paths.mjs';
import { freePort, installExtension, startCodeServer } from './vscode/server.mjs';
import { ensureVscodeRuntime } from './vscode/setup.mjs';

/** A fixed default port keeps the page's origin, and so the secrets the browser stores, across restarts. */
const DEFAULT_PORT = 8139;

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.SFT_VSCODE_PORT ?? String(DEFAULT_PORT) },
    'skip-build': { type: 'boolean', default: false },
  },
});

const home = join(cacheDir, 'start');
const vsix = join(home, 'sft-labeler.vsix');
const userDataDir = join(home, 'user-data');
const extensionsDir = join(home, 'extensions');
const samples = join(repoRoot, 'samples');

/**
 * First-run user settings for an offline machine: no gallery or update checks, no chat side bar, no prompt
 * about the repository above samples/. Written only when absent, so the user's own changes stay.
 */
const FIRST_RUN_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'git.openRepositoryInParentFolders': 'never',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'telemetry.telemetryLevel': 'off',
};

function seedUserSettings() {
  const file = join(userDataDir, 'User', 'settings.json');
  if (existsSync(file)) return;
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(file, `${JSON.stringify(FIRST_RUN_SETTINGS, null, 2)}\n`);
}

/** `npm run package` (production build + `vsce package`, flags kept in package.json) into our own folder. */
function packageVsix() {
  const res = spawnSync('npm', ['run', '--silent', 'package', '--', '-o', vsix], { cwd: repoRoot, stdio: 'inherit' });
  if (res.status !== 0) throw new Error(`npm run package failed (exit ${res.status})`);
}

/** The requested port if it is free, else any free one (secrets stored under the other origin then stay there). */
async function choosePort() {
  const wanted = Number(values.port);
  const probe = await import('node:net');
  const free = await new Promise((resolve) => {
    const server = probe.createServer().once('error', () => resolve(false)).listen(wanted, '127.0.0.1', () => server.close(() => resolve(true)));
  });
  if (free) return wanted;
  const other = await freePort();
  console.log(`[start:vscode] port ${wanted} is busy; using ${other}`);
  return other;
}

async function main() {
  mkdirSync(home, { recursive: true });
  mkdirSync(samples, { recursive: true });
  if (!values['skip-build']) packageVsix();
  const runtime = ensureVscodeRuntime();
  seedUserSettings();
  await installExtension(runtime, { vsix, userDataDir, extensionsDir });

  const server = await startCodeServer({
    runtime,
    userDataDir,
    extensionsDir,
    workspace: samples,
    // The folder is this project's own samples/, so it opens trusted; LLM commands would be off otherwise.
    trusted: true,
    port: await choosePort(),
    logFile: join(home, 'server.log'),
  });
  const url = `${server.origin}/?folder=${encodeURIComponent(samples)}`;
  console.log(`\n[start:vscode] SFT Labeler in VS Code ${'\u2192'} ${url}`);
  console.log(`[start:vscode] server log: ${join(home, 'server.log')}; press Ctrl+C to stop\n`);

  let stopping = false;
  const stop = () => {
    stopping = true;
    void server.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const code = await server.exited;
  if (stopping) return;
  console.error(`[start:vscode] code-server exited (code ${code}); see ${join(home, 'server.log')}`);
  process.exit(1);
}

main().catch((err) => {
  console.error(`[start:vscode] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
