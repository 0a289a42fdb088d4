// Second guard (besides the ESLint rule) for the layer rule: the engine and the CLI never use the editor API.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '../..');
const EDITOR_FREE_FOLDERS = ['src/core', 'src/cli', 'src/shared'];

/** Matches `import … from 'vscode'`, `import 'vscode'`, `export … from 'vscode'`, `require('vscode')`, `import('vscode')`. */
const VSCODE_IMPORT = /(?:\bfrom\s*|\bimport\s*|\brequire\s*\(\s*|\bimport\s*\(\s*)['"]vscode['"]/;

function sourceFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.(c|m)?[jt]sx?$/.test(e.name) ? [path] : [];
  });
}

describe('architecture', () => {
  it('recognises every way of importing vscode, and not look-alikes', () => {
    for (const line of ["import * as vscode from 'vscode';", 'import type { Uri } from "vscode";', "import 'vscode';",
      "const v = require('vscode');", "await import('vscode')", "export { Uri } from 'vscode';"]) {
      assert.match(line, VSCODE_IMPORT, line);
    }
    for (const line of ["import x from 'vscode-uri';", "const s = 'vscode';", '// talks to vscode']) {
      assert.doesNotMatch(line, VSCODE_IMPORT, line);
    }
  });

  it('keeps src/core, src/cli and src/shared free of the vscode module', () => {
    const files = EDITOR_FREE_FOLDERS.flatMap((folder) => sourceFiles(join(root, folder)));
    assert.ok(files.length > 0, 'found no sources to check');
    const offenders = files.filter((file) => VSCODE_IMPORT.test(readFileSync(file, 'utf8'))).map((f) => relative(root, f));
    assert.deepEqual(offenders, []);
  });

  it('keeps the manifest-checked files of src/vscode free of the vscode module', () => {
    for (const name of ['commandIds.ts', 'settings.ts', 'constants.ts', 'endpoint.ts']) {
      assert.doesNotMatch(readFileSync(join(root, 'src/vscode', name), 'utf8'), VSCODE_IMPORT, name);
    }
  });
});
