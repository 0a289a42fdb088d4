/**
 * Which dataset files a dashboard covers: one file, a folder (recursive) or every workspace folder.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { listDatasetFiles } from '../dataset/read';
import { sidecarPaths } from '../store/paths';
import type { ScopeInfo, ScopeKind } from './model';

export interface ScopeRequest {
  kind: ScopeKind;
  /** The file, the folder, or the workspace folders (absolute paths). */
  paths: string[];
}

export interface ResolvedScope {
  info: ScopeInfo;
  /** Absolute paths, in display order. */
  files: string[];
  /** What the dashboard shows for each file: relative to the folder (prefixed by the folder's name when there are several). */
  display: string[];
}

async function hasSidecar(file: string): Promise<boolean> {
  try {
    await fs.access(sidecarPaths(file).labels);
    return true;
  } catch {
    return false;
  }
}

/**
 * Dataset files of a folder that have labels. A folder holds other JSON too (configs, manifests), and
 * reading every one of them as a dataset would be slow and noisy; when nothing is labeled yet, every dataset
 * file is taken, so the dashboard still says how many samples wait.
 */
async function labeledFilesUnder(dir: string): Promise<string[]> {
  const all = await listDatasetFiles(dir);
  const labeled: string[] = [];
  for (const f of all) if (await hasSidecar(f)) labeled.push(f);
  return labeled.length > 0 ? labeled : all;
}

const toSlash = (p: string) => p.split(path.sep).join('/');

export async function resolveScope(req: ScopeRequest): Promise<ResolvedScope> {
  if (req.paths.length === 0) throw new Error('The dashboard needs a file or a folder: open a folder first.');
  if (req.kind === 'file') {
    const file = path.resolve(req.paths[0]!);
    return { info: { kind: 'file', label: path.basename(file) }, files: [file], display: [path.basename(file)] };
  }
  const roots = req.paths.map((p) => path.resolve(p));
  const files: string[] = [];
  const display: string[] = [];
  for (const root of roots) {
    for (const f of await labeledFilesUnder(root)) {
      files.push(f);
      const rel = toSlash(path.relative(root, f));
      display.push(roots.length > 1 ? `${path.basename(root)}/${rel}` : rel);
    }
  }
  const label = req.kind === 'workspace' ? 'Workspace' : `${path.basename(roots[0]!)}/`;
  return { info: { kind: req.kind, label }, files, display };
}
