// Small helpers shared by the integration suites.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID } from '../../src/vscode/constants';
import type { SftLabelerTestApi } from '../../src/vscode/testApi';

/** The extension under test. */
export function extension(): vscode.Extension<SftLabelerTestApi | undefined> {
  const ext = vscode.extensions.getExtension<SftLabelerTestApi | undefined>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
  return ext;
}

/** Activates the extension (a no-op when active) and returns its test API. */
export async function testApi(): Promise<SftLabelerTestApi> {
  const api = await extension().activate();
  assert.ok(api, 'activate() returned no test API: is the extension running in ExtensionMode.Test?');
  return api;
}

/** Polls `probe` until it returns a truthy value (returned) or the timeout passes (throws `message`). */
export async function waitFor<T>(probe: () => T | Promise<T>, message: string, timeoutMs = 10_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value) return value as NonNullable<T>;
    } catch (err) {
      last = err;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out after ${timeoutMs} ms: ${message}${last instanceof Error ? ` (last error: ${last.message})` : ''}`);
}

/** The first workspace folder's URI joined with `path`. */
export function workspaceUri(path: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace has no folder open');
  return vscode.Uri.joinPath(folder.uri, path);
}

/** Every regular file under `dir` (recursively), skipping files larger than `maxBytes`. */
export function filesUnder(dir: string, maxBytes = 20 * 1024 * 1024): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path, maxBytes);
    return entry.isFile() && statSync(path).size <= maxBytes ? [path] : [];
  });
}

/** Files under `dir` whose bytes contain `needle`. */
export function filesContaining(dir: string, needle: string): string[] {
  const bytes = Buffer.from(needle, 'utf8');
  return filesUnder(dir).filter((file) => readFileSync(file).includes(bytes));
}
