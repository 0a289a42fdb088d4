// Runs one benchmark suite inside a real VS Code (code-server's extension host, web workbench in headless
// Chromium), the way run-tests.mjs runs the integration suites, on a copy of a given workspace folder.
// The suite writes its figures to the file named by SFT_BENCH_OUT. Progress goes to stderr, so the caller's
// stdout stays free for its one JSON line.
//
// Usage: node scripts/vscode/run-bench.mjs --suite <file.ts> --workspace <dir> --out <results.json>
//          [--env KEY=VALUE]... [--setting key=<json>]... [--timeout <seconds>] [--skip-build]
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { format, parseArgs } from 'node:util';
import * as esbuild from 'esbuild';
import { launchChromium, VIEWPORT } from './browser.mjs';
import { buildExtension } from './build.mjs';
import { artifactsDir, repoRoot } from './paths.mjs';
import { prepareSandbox, TEST_USER_SETTINGS } from './sandbox.mjs';
import { startCodeServer } from './server.mjs';
import { ensureVscodeRuntime } from './setup.mjs';

const SUMMARY = /^(\d+) passed, (\d+) failed/;

/** @param {string} line */
function say(line) {
  process.stderr.write(`[vscode-bench] ${line}\n`);
}

/** Bundles the mocha entry and the suite into out/integration-bench/. */
async function bundle(suite) {
  const outdir = join(repoRoot, 'out', 'integration-bench');
  rmSync(outdir, { recursive: true, force: true });
  const entries = { index: join(repoRoot, 'test', 'integration', 'index.ts'), suite: resolve(suite) };
  await esbuild.build({
    entryPoints: entries, outdir, bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: 'inline',
    external: ['vscode', 'mocha'], logLevel: 'warning',
  });
  return { entry: join(outdir, 'index.js'), suite: join(outdir, 'suite.js') };
}

/** `KEY=VALUE` pairs into an object; values of `--setting` are JSON. */
function pairs(list, parse) {
  return Object.fromEntries(list.map((item) => {
    const at = item.indexOf('=');
    if (at <= 0) throw new Error(`expected KEY=VALUE, got ${item}`);
    return [item.slice(0, at), parse(item.slice(at + 1))];
  }));
}

async function main(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      suite: { type: 'string' }, workspace: { type: 'string' }, out: { type: 'string' },
      env: { type: 'string', multiple: true, default: [] }, setting: { type: 'string', multiple: true, default: [] },
      timeout: { type: 'string', default: '1200' }, 'skip-build': { type: 'boolean', default: false },
    },
  });
  if (!values.suite || !values.workspace || !values.out) throw new Error('--suite, --workspace and --out are required');
  mkdirSync(artifactsDir, { recursive: true });
  if (!values['skip-build']) buildExtension({ production: true });
  const { entry, suite } = await bundle(values.suite);
  const runtime = ensureVscodeRuntime();
  const name = `bench-${basename(values.suite).replace(/\..*$/, '')}`;
  const sandbox = prepareSandbox(name, resolve(values.workspace), { ...TEST_USER_SETTINGS, ...pairs(values.setting, JSON.parse) });
  const server = await startCodeServer({
    runtime, userDataDir: sandbox.userDataDir, extensionsDir: sandbox.extensionsDir, workspace: sandbox.workspace,
    trusted: true, testDriver: true, logFile: join(artifactsDir, `${name}-server.log`),
    env: { SFT_TEST_FILES: JSON.stringify([suite]), SFT_BENCH_OUT: resolve(values.out), ...pairs(values.env, String) },
  });
  const browser = await launchChromium(runtime.chromiumPath);
  const lines = [];
  let exitCode = 1;
  try {
    const page = await (await browser.newContext({ viewport: VIEWPORT })).newPage();
    let finish = () => {};
    const exited = new Promise((resolveExit) => {
      finish = resolveExit;
    });
    let summary = '';
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = format(...(Array.isArray(args) ? args : [args]));
      lines.push(`[${type}] ${line}`);
      if (SUMMARY.test(line.trim())) summary = line.trim();
      if (line.startsWith('[bench]')) say(line.slice('[bench] '.length));
    });
    await page.exposeFunction('codeAutomationExit', (code) => finish(Number(code)));
    const remote = (path) => `vscode-remote://127.0.0.1:${server.port}${path}`;
    const payload = [['extensionDevelopmentPath', remote(repoRoot)], ['extensionTestsPath', remote(entry)], ['skipWelcome', 'true']];
    await page.goto(`${server.origin}/?folder=${encodeURIComponent(sandbox.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    let timer;
    const timedOut = new Promise((resolveTimeout) => {
      timer = setTimeout(() => resolveTimeout('timeout'), Number(values.timeout) * 1000);
    });
    const outcome = await Promise.race([exited, timedOut]);
    clearTimeout(timer);
    if (outcome === 'timeout') throw new Error(`the benchmark did not finish within ${values.timeout} s`);
    exitCode = outcome;
    say(`suite finished (${summary || 'no summary'}, exit code ${exitCode})`);
    if (exitCode !== 0) await page.screenshot({ path: join(artifactsDir, `${name}-failure.png`) }).catch(() => {});
  } finally {
    writeFileSync(join(artifactsDir, `${name}-workbench.log`), `${lines.join('\n')}\n`);
    await browser.close().catch(() => {});
    await server.stop();
    rmSync(sandbox.root, { recursive: true, force: true });
  }
  return exitCode;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    say(err instanceof Error ? err.stack ?? err.message : String(err));
    process.exit(1);
  },
);
