// Builds what an integration run loads: the extension bundle and one bundle per integration suite.
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as esbuild from 'esbuild';
import { repoRoot } from './paths.mjs';

/** Where the integration bundles go (gitignored `out/`). */
export const testsOutDir = join(repoRoot, 'out', 'integration');
const testsSrcDir = join(repoRoot, 'test', 'integration');

/**
 * The workspace kinds a suite can ask for. A suite file named `*.untrusted.vscode.test.ts` runs in a second
 * server start that opens `fixtures/untrusted-workspace/` in Restricted Mode; the others share a trusted
 * start on `fixtures/workspace/`.
 */
export const WORKSPACE_KINDS = {
  trusted: { fixture: join(testsSrcDir, 'fixtures', 'workspace'), trusted: true },
  untrusted: { fixture: join(testsSrcDir, 'fixtures', 'untrusted-workspace'), trusted: false },
};

/** @param {string} file @returns {'trusted' | 'untrusted'} */
export function workspaceKindOf(file) {
  return file.endsWith('.untrusted.vscode.test.ts') ? 'untrusted' : 'trusted';
}

/** @param {string} dir @returns {string[]} */
function findSuites(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'fixtures' ? [] : findSuites(path);
    return entry.name.endsWith('.vscode.test.ts') ? [path] : [];
  }).sort();
}

/**
 * Runs the project's own build (`node esbuild.mjs`) with the machine's Node.
 * @param {{ production?: boolean }} [opts] production: minified, no source maps (what a VSIX ships)
 */
export function buildExtension(opts = {}) {
  const args = ['esbuild.mjs', ...(opts.production ? ['--production'] : [])];
  const res = spawnSync(process.execPath, args, { cwd: repoRoot, stdio: 'inherit' });
  if (res.status !== 0) throw new Error(`node ${args.join(' ')} failed (exit ${res.status})`);
}

/**
 * Bundles `test/integration/index.ts` (the mocha entry) and every suite into `out/integration/`.
 * @returns {Promise<{ entry: string, suites: { source: string, bundle: string, kind: 'trusted' | 'untrusted' }[] }>}
 */
export async function buildIntegrationTests() {
  const sources = findSuites(testsSrcDir);
  rmSync(testsOutDir, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: [join(testsSrcDir, 'index.ts'), ...sources],
    outbase: testsSrcDir,
    outdir: testsOutDir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    // vscode is provided by the extension host; mocha is loaded from the project's node_modules at run time.
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  const bundleOf = (source) => join(testsOutDir, relative(testsSrcDir, source).replace(/\.ts$/, '.js'));
  return {
    entry: join(testsOutDir, 'index.js'),
    suites: sources.map((source) => ({ source, bundle: bundleOf(source), kind: workspaceKindOf(source) })),
  };
}
