import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/** A fresh temp folder per test, removed afterwards. */
export function useTmpDir(): { readonly dir: string } {
  const state = { dir: '' };
  beforeEach(() => {
    state.dir = mkdtempSync(path.join(tmpdir(), 'sft-test-'));
  });
  afterEach(() => {
    rmSync(state.dir, { recursive: true, force: true });
  });
  return state;
}
