// The same integration suites in a desktop VS Code via @vscode/test-electron, for machines that have one:
// VSCODE_EXECUTABLE_PATH, or a build @vscode/test-electron already downloaded into .vscode-test/.
// Nothing is downloaded here (CI machines cannot reach Microsoft's update server). Tests that need the
// browser bridge skip themselves, since there is no runner-side browser.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { WORKSPACE_KINDS } from './build.mjs';
import { repoRoot } from './paths.mjs';
import { prepareSandbox } from './sandbox.mjs';

const SUMMARY = /^(\d+) passed, (\d+) failed(?:, (\d+) skipped)?$/m;

/** A desktop VS Code executable, or undefined when there is none (an explicit VSCODE_EXECUTABLE_PATH must exist). */
export function findDesktopVscode() {
  const fromEnv = process.env.VSCODE_EXECUTABLE_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`VSCODE_EXECUTABLE_PATH points at ${fromEnv}, which does not exist`);
    return fromEnv;
  }
  const cache = join(repoRoot, '.vscode-test');
  if (!existsSync(cache)) return undefined;
  for (const dir of readdirSync(cache).filter((d) => d.startsWith('vscode-linux-')).sort().reverse()) {
    const executable = join(cache, dir, 'code');
    if (existsSync(join(cache, dir, 'is-complete')) && existsSync(executable)) return executable;
  }
  return undefined;
}

/** Explains why `--electron` does nothing on this machine (not a failure). */
export const NO_DESKTOP_VSCODE = '[vscode-tests] skipping the @vscode/test-electron runner: no desktop VS Code found '
  + '(set VSCODE_EXECUTABLE_PATH or pre-fill .vscode-test/). The code-server runner covers the same suites.';

/**
 * Calls `fn` while copying everything written to stdout into a string (runTests pipes VS Code's output
 * there, and the summary line has to be read from it).
 * @template T @param {() => Promise<T>} fn @returns {Promise<{ value?: T, error?: unknown, output: string }>}
 */
async function captureStdout(fn) {
  let output = '';
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (chunk, ...rest) => {
    output += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return write(chunk, ...rest);
  };
  try {
    return { value: await fn(), output };
  } catch (error) {
    return { error, output };
  } finally {
    process.stdout.write = write;
  }
}

/**
 * Runs the trusted-workspace suites in a desktop VS Code instance. Untrusted suites are skipped:
 * runTests always adds `--disable-workspace-trust`.
 * @param {{ entry: string, suites: { bundle: string, kind: string }[], grep?: string }} opts
 * @returns {Promise<{ passed: number, failed: number, skipped: number, ok: boolean }>} ok: VS Code exited with 0
 */
export async function runWithElectron({ entry, suites, grep }) {
  const vscodeExecutablePath = findDesktopVscode();
  if (!vscodeExecutablePath) throw new Error('no desktop VS Code (check findDesktopVscode() first)');
  const untrusted = suites.filter((s) => s.kind === 'untrusted').length;
  if (untrusted > 0) {
    console.log(`[vscode-tests] electron: skipping ${untrusted} untrusted-workspace suite file(s): runTests always disables workspace trust`);
  }
  const files = suites.filter((s) => s.kind === 'trusted').map((s) => s.bundle);
  const sandbox = prepareSandbox('electron', WORKSPACE_KINDS.trusted.fixture);
  const { runTests } = await import('@vscode/test-electron');
  const { error, output } = await captureStdout(() => runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: entry,
    launchArgs: [sandbox.workspace, '--disable-extensions', '--user-data-dir', sandbox.userDataDir, '--extensions-dir', sandbox.extensionsDir],
    extensionTestsEnv: {
      SFT_TEST_FILES: JSON.stringify(files),
      SFT_TEST_USER_DATA_DIR: sandbox.userDataDir,
      SFT_TEST_GREP: grep ?? '',
    },
  }));
  rmSync(sandbox.root, { recursive: true, force: true });
  if (error) console.error(`[vscode-tests] electron: ${error instanceof Error ? error.message : String(error)}`);
  const match = SUMMARY.exec(output);
  if (!match) return { passed: 0, failed: 1, skipped: 0, ok: false };
  return { passed: Number(match[1]), failed: Number(match[2]), skipped: Number(match[3] ?? 0), ok: !error };
}
