/**
 * Which dataset files a dashboard covers: one file, a folder (recursive) or every workspace folder.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { listDatasetFiles } from '../dataset/read';
import { SIDECAR_DIR_NAME, sidecarPaths } from '../store/paths';
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

/** Does the dataset file have a sidecar (was it ever labeled or scored by us)? */
export async function hasSidecar(file: string): Promise<boolean> {
  try {
    await fs.access(sidecarPaths(file).labels);
    return true;
  } catch {
    return false;
  }
}

/**
 * Candidate dataset files of a root. A folder the user picked: every dataset file in it. The whole workspace:
 * the files we labeled (it also holds configs, manifests and fixtures), or every dataset file when none is.
 * Candidates without samples and without a sidecar (configs) are dropped after reading (see DashboardData).
 */
async function candidatesUnder(root: string, kind: ScopeKind): Promise<string[]> {
  const all = await listDatasetFiles(root);
  if (kind !== 'workspace') return all;
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
    for (const f of await candidatesUnder(root, req.kind)) {
      files.push(f);
      const rel = toSlash(path.relative(root, f));
      display.push(roots.length > 1 ? `${path.basename(root)}/${rel}` : rel);
    }
  }
  const label = req.kind === 'workspace' ? 'Workspace' : `${path.basename(roots[0]!)}/`;
  return { info: { kind: req.kind, label }, files, display };
}

/**
 * The dataset file a sidecar log belongs to (`dir/.sft-labels/data.jsonl/labels.jsonl` → `dir/data.jsonl`),
 * or undefined for any other path. Inverse of `sidecarPaths(file).labels`.
 */
export function datasetOfSidecarLog(logPath: string): string | undefined {
  const labelsDir = path.dirname(logPath);
  const sidecarRoot = path.dirname(labelsDir);
  if (path.basename(logPath) !== 'labels.jsonl' || path.basename(sidecarRoot) !== SIDECAR_DIR_NAME) return undefined;
  return path.join(path.dirname(sidecarRoot), path.basename(labelsDir));
}
