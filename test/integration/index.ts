// Tests entry loaded by VS Code (`extensionTestsPath`): runs the suites the runner selected with mocha in the
// extension host and prints the `N passed, N failed` line the runner and CI read.
import { ENV_GREP, ENV_TEST_FILES } from './env';

function suiteFiles(): string[] {
  const raw = process.env[ENV_TEST_FILES];
  if (!raw) throw new Error(`${ENV_TEST_FILES} is not set: start the tests with scripts/vscode/run-tests.mjs`);
  const files: unknown = JSON.parse(raw);
  if (!Array.isArray(files) || files.length === 0 || !files.every((f) => typeof f === 'string')) {
    throw new Error(`${ENV_TEST_FILES} must be a non-empty JSON array of paths, got ${raw}`);
  }
  return files as string[];
}

/** Called by VS Code once the extension host is up; rejecting makes the workbench exit with code 1. */
export function run(): Promise<void> {
  // mocha 12 is ESM-only: require() returns the class on Node 24 and a namespace on Node 20.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require('mocha') as typeof Mocha & { default?: typeof Mocha };
  const MochaClass = loaded.default ?? loaded;
  const mocha = new MochaClass({ ui: 'bdd', color: false, timeout: 60_000, grep: process.env[ENV_GREP] || undefined });
  for (const file of suiteFiles()) mocha.addFile(file);

  return new Promise((resolve, reject) => {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const runner = mocha.run(() => {
      console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
      if (failed > 0) reject(new Error(`${failed} integration test(s) failed`));
      else resolve();
    });
    runner.on('pass', () => passed++);
    runner.on('fail', () => failed++);
    runner.on('pending', () => skipped++);
  });
}
