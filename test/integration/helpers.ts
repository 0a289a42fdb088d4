// Small helpers shared by the integration suites.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
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

/** Sets (or with `undefined` removes) a user-level `sftLabeler.*` setting and waits until the extension sees it. */
export async function setUserSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('sftLabeler').update(key, value, vscode.ConfigurationTarget.Global);
}

/** The label records of a dataset's sidecar, newest last (read straight from the log file). */
export function sidecarRecords(datasetFile: string): { sampleId: string; status: string; labeler: string; labels?: Record<string, unknown>; locator: { rowIndex: number; turnIndex: number } }[] {
  const log = join(dirname(datasetFile), '.sft-labels', basename(datasetFile), 'labels.jsonl');
  let text: string;
  try {
    text = readFileSync(log, 'utf8');
  } catch {
    return [];
  }
  return text.split('\n').filter(Boolean).map((line) => JSON.parse(line));
}

/** CodeLenses of a document with their titles resolved (`resolveCount` lenses, default all). */
export async function resolvedLenses(uri: vscode.Uri, resolveCount = 1000): Promise<vscode.CodeLens[]> {
  return (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, resolveCount)) ?? [];
}

/** Our lenses only (other extensions may add theirs), sorted by line. */
export async function labelLenses(uri: vscode.Uri): Promise<{ line: number; title: string }[]> {
  const lenses = await resolvedLenses(uri);
  return lenses
    .filter((l) => l.command?.command === 'sftLabeler.showLabelDetails')
    .map((l) => ({ line: l.range.start.line, title: l.command?.title ?? '' }))
    .sort((a, b) => a.line - b.line);
}

/** The Markdown text of the hovers at a position. */
export async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n---\n');
}
