import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join, relative, sep } from 'node:path';

/** Folders never searched for data: dependencies, version control, and our own label sidecars. */
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.sft-labels']);

/** `.json`/`.jsonl` files, except the `._name` resource-fork files macOS leaves on foreign drives. */
export function isDatasetFile(path: string): boolean {
  if (basename(path).startsWith('._')) return false;
  const ext = extname(path).toLowerCase();
  return ext === '.json' || ext === '.jsonl';
}

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) await walk(path, out);
    } else if (isDatasetFile(entry.name)) {
      // Symlinked files count; symlinked folders are not followed (no cycles, no surprises).
      if (entry.isFile() || (entry.isSymbolicLink() && (await stat(path).catch(() => undefined))?.isFile())) out.push(path);
    }
  }
}

/** Relative path with `/` separators, compared in code-unit order (as sft-label sorts): stable everywhere. */
function byRelativePath(root: string): (a: string, b: string) => number {
  const key = (path: string) => relative(root, path).split(sep).join('/');
  return (a, b) => {
    const left = key(a);
    const right = key(b);
    return left < right ? -1 : left > right ? 1 : 0;
  };
}

/**
 * Dataset files under `dirOrFile` (recursive), sorted by relative path; a file argument yields itself when
 * it is a dataset file. Paths are `dirOrFile` joined with the relative path.
 */
export async function listDatasetFiles(dirOrFile: string): Promise<string[]> {
  const info = await stat(dirOrFile);
  if (!info.isDirectory()) return isDatasetFile(dirOrFile) ? [dirOrFile] : [];
  const found: string[] = [];
  await walk(dirOrFile, found);
  return found.sort(byRelativePath(dirOrFile));
}
