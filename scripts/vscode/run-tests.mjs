// Runs the integration suites (test/integration/**/*.vscode.test.ts) in a real VS Code, offline:
// code-server's server + extension host, its web workbench in headless Chromium driven by playwright-core.
// One server start per workspace kind (trusted, untrusted); the totals are summed into one
// `N passed, N failed` line. `--electron` runs the same suites in a desktop VS Code via @vscode/test-electron.
//
// Usage: node scripts/vscode/run-tests.mjs [--electron] [--grep <pattern>] [--timeout <seconds>] [--skip-build]
//   --skip-build  use the dist/extension.js already built (the test bundles are always rebuilt)
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, parseArgs } from 'node:util';
import { startBridge } from './bridge.mjs';
import { launchChromium, VIEWPORT } from './browser.mjs';
import { buildExtension, buildIntegrationTests, WORKSPACE_KINDS } from './build.mjs';
import { findDesktopVscode, NO_DESKTOP_VSCODE, runWithElectron } from './electron.mjs';
import { artifactsDir, repoRoot } from './paths.mjs';
import { prepareSandbox } from './sandbox.mjs';
import { startCodeServer } from './server.mjs';
import { ensureVscodeRuntime } from './setup.mjs';

const SUMMARY = /^(\d+) passed, (\d+) failed(?:, (\d+) skipped)?$/;

/**
 * Workbench chatter that says nothing about our tests (offline gallery and telemetry lookups, connection
 * setup): kept in `<run>-workbench.log`, not echoed to the console.
 */
const NOISE = [
  /ENOTFOUND/, /^Resolv(ing|ed) connection token/, /^Creating a socket/, /^\[reconnection-grace-time\]/,
  /^Updating additional builtin extensions cache/, /^\[Service Worker\]/, /^\[AgentHost/, /^\[AccountPolicyGate\]/,
  /^\[lifecycle\] Long running operations during shutdown/, /^\[RemoteAgentHostProtocol\] Reconnecting/,
];

/** Stops whatever is running (servers, browser) when the runner is interrupted. */
const cleanups = new Set();
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    void Promise.allSettled([...cleanups].map((cleanup) => cleanup())).then(() => process.exit(130));
  });
}

/** @param {string} line */
function say(line) {
  console.log(`[vscode-tests] ${line}`);
}

/**
 * One server start running the given suites in one workspace.
 * @param {object} opts
 * @param {string} opts.name
 * @param {{ fixture: string, trusted: boolean }} opts.kind
 * @param {string[]} opts.files suite bundles
 * @param {string} opts.entry tests entry bundle
 * @param {import('playwright-core').Browser} opts.browser
 * @param {ReturnType<typeof ensureVscodeRuntime>} opts.runtime
 * @param {{ page: import('playwright-core').Page | undefined }} opts.current page the bridge acts on
 * @param {string} opts.bridgeUrl
 * @param {number} opts.deadline epoch ms after which the run is abandoned
 * @param {string | undefined} opts.grep
 * @returns {Promise<{ passed: number, failed: number, skipped: number, exitCode: number | undefined, reason?: string }>}
 */
async function runSuites(opts) {
  const sandbox = prepareSandbox(opts.name, opts.kind.fixture);
  const serverLog = join(artifactsDir, `${opts.name}-server.log`);
  const browserLog = join(artifactsDir, `${opts.name}-browser.log`);
  const workbenchLog = join(artifactsDir, `${opts.name}-workbench.log`);
  const workbenchLines = [];
  rmSync(serverLog, { force: true });
  say(`${opts.name}: ${opts.files.length} suite file(s), workspace ${sandbox.workspace} (${opts.kind.trusted ? 'trusted' : 'Restricted Mode'})`);

  const server = await startCodeServer({
    runtime: opts.runtime,
    userDataDir: sandbox.userDataDir,
    extensionsDir: sandbox.extensionsDir,
    workspace: sandbox.workspace,
    trusted: opts.kind.trusted,
    testDriver: true,
    logFile: serverLog,
    env: { // names as in test/integration/env.ts
      SFT_TEST_FILES: JSON.stringify(opts.files),
      SFT_TEST_BRIDGE: opts.bridgeUrl,
      SFT_TEST_USER_DATA_DIR: sandbox.userDataDir,
      SFT_TEST_GREP: opts.grep ?? '',
    },
  });
  cleanups.add(server.stop);
  const context = await opts.browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  opts.current.page = page;
  const browserLines = [];
  page.on('console', (msg) => browserLines.push(`[${msg.type()}] ${msg.text()}`));
  page.on('pageerror', (err) => browserLines.push(`[pageerror] ${err.message}`));

  const counts = { passed: 0, failed: 0, skipped: 0, seen: false };
  /** @type {(code: number) => void} */
  let finish = () => {};
  const exitCode = new Promise((resolve) => {
    finish = resolve;
  });
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const line = format(...(Array.isArray(args) ? args : [args]));
    const match = SUMMARY.exec(line.trim());
    if (match) {
      counts.passed = Number(match[1]);
      counts.failed = Number(match[2]);
      counts.skipped = Number(match[3] ?? 0);
      counts.seen = true;
    }
    workbenchLines.push(`[${type}] ${line}`);
    const noisy = NOISE.some((re) => re.test(line.split('\n', 1)[0]));
    if (!noisy) (type === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
  });
  await page.exposeFunction('codeAutomationExit', (code) => finish(Number(code)));

  const ext = (path) => `vscode-remote://127.0.0.1:${server.port}${path}`;
  const payload = [
    ['extensionDevelopmentPath', ext(repoRoot)],
    ['extensionTestsPath', ext(opts.entry)],
    ['skipWelcome', 'true'],
  ];
  const url = `${server.origin}/?folder=${encodeURIComponent(sandbox.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

  /** @type {{ passed: number, failed: number, skipped: number, exitCode: number | undefined, reason?: string }} */
  let result;
  try {
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    const remaining = Math.max(0, opts.deadline - Date.now());
    let timer;
    const outcome = await Promise.race([
      exitCode.then((code) => ({ code })),
      server.exited.then((code) => ({ reason: `code-server exited early (code ${code})` })),
      new Promise((resolve) => {
        timer = setTimeout(() => resolve({ reason: `timed out after ${Math.round(remaining / 1000)} s` }), remaining);
      }),
    ]);
    clearTimeout(timer);
    if ('code' in outcome) {
      result = { ...counts, exitCode: outcome.code };
      if (!counts.seen) result.reason = 'the tests entry printed no summary line';
    } else {
      result = { ...counts, exitCode: undefined, reason: outcome.reason };
    }
  } catch (err) {
    result = { ...counts, exitCode: undefined, reason: err instanceof Error ? err.message : String(err) };
  }

  const failedRun = result.exitCode !== 0 || result.failed > 0 || result.reason !== undefined;
  if (failedRun) {
    const shot = join(artifactsDir, `${opts.name}-failure.png`);
    await page.screenshot({ path: shot }).then(() => say(`${opts.name}: failure screenshot ${shot}`), () => {});
    // The profile's logs (extension host, exthost activation reasons, our output channel) outlive the sandbox.
    const logsCopy = join(artifactsDir, `${opts.name}-logs`);
    try {
      cpSync(join(sandbox.userDataDir, 'logs'), logsCopy, { recursive: true });
      say(`${opts.name}: server log ${serverLog}, VS Code logs ${logsCopy}`);
    } catch {
      say(`${opts.name}: server log ${serverLog}`);
    }
  }
  writeFileSync(browserLog, `${browserLines.join('\n')}\n`);
  writeFileSync(workbenchLog, `${workbenchLines.join('\n')}\n`);
  opts.current.page = undefined;
  await context.close().catch(() => {});
  await server.stop();
  cleanups.delete(server.stop);
  rmSync(sandbox.root, { recursive: true, force: true });
  return result;
}

/**
 * Writes the totals as JSON to the file named by SFT_TEST_COUNTS, for scripts/test.sh to sum with the
 * unit suite's counts.
 * @param {{ passed: number, failed: number, skipped: number }} totals
 */
function writeCounts(totals) {
  const file = process.env.SFT_TEST_COUNTS;
  if (file) writeFileSync(file, `${JSON.stringify(totals)}\n`);
}

/** @param {string[]} argv */
async function main(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      electron: { type: 'boolean', default: false },
      'skip-build': { type: 'boolean', default: false },
      grep: { type: 'string' },
      timeout: { type: 'string', default: process.env.SFT_VSCODE_TEST_TIMEOUT ?? '900' },
    },
  });
  if (values.electron && !findDesktopVscode()) {
    console.log(NO_DESKTOP_VSCODE);
    return 0;
  }
  const started = Date.now();
  const deadline = started + Number(values.timeout) * 1000;
  // Stale failure screenshots from an earlier run would mislead whoever looks at the folder.
  rmSync(artifactsDir, { recursive: true, force: true });
  mkdirSync(artifactsDir, { recursive: true });

  if (!values['skip-build']) buildExtension();
  const { entry, suites } = await buildIntegrationTests();
  if (suites.length === 0) throw new Error('no test/integration/**/*.vscode.test.ts suites found');

  if (values.electron) return report(await runWithElectron({ entry, suites, grep: values.grep }), started);

  const runtime = ensureVscodeRuntime();
  const current = { page: undefined };
  const bridge = await startBridge({ currentPage: () => current.page, artifactsDir, log: (line) => say(line) });
  const browser = await launchChromium(runtime.chromiumPath);
  const closeBrowser = () => browser.close().catch(() => {});
  cleanups.add(closeBrowser);
  const totals = { passed: 0, failed: 0, skipped: 0 };
  let ok = true;
  try {
    for (const [name, kind] of Object.entries(WORKSPACE_KINDS)) {
      const files = suites.filter((s) => s.kind === name).map((s) => s.bundle);
      if (files.length === 0) continue;
      if (Date.now() >= deadline) {
        ok = false;
        totals.failed += 1;
        say(`${name}: not started, the overall timeout (${values.timeout} s) has passed`);
        continue;
      }
      const runStarted = Date.now();
      const result = await runSuites({ name, kind, files, entry, browser, runtime, current, bridgeUrl: bridge.url, deadline, grep: values.grep });
      totals.passed += result.passed;
      totals.failed += result.failed;
      totals.skipped += result.skipped;
      const seconds = ((Date.now() - runStarted) / 1000).toFixed(1);
      if (result.reason !== undefined || result.exitCode !== 0) {
        ok = false;
        if (result.failed === 0) totals.failed += 1; // a run that crashed or hung counts as a failure
        say(`${name}: FAILED (${result.reason ?? `exit code ${result.exitCode}`}) after ${seconds} s`);
      } else {
        say(`${name}: exit code 0 after ${seconds} s`);
      }
    }
  } finally {
    await closeBrowser();
    await bridge.close();
  }
  return report({ ...totals, ok }, started);
}

/**
 * Prints the closing `N passed, N failed` line, writes the counts file and returns the exit code.
 * @param {{ passed: number, failed: number, skipped: number, ok: boolean }} totals @param {number} started
 */
function report(totals, started) {
  say(`total ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots and logs in ${artifactsDir}`);
  console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped > 0 ? `, ${totals.skipped} skipped` : ''}`);
  writeCounts(totals);
  return totals.ok && totals.failed === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(`[vscode-tests] ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    process.exit(1);
  },
);
