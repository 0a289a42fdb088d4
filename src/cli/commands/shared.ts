import { promises as fs } from 'node:fs';
import { listDatasetFiles } from '../../core/dataset/read';
import type { InputIssue } from '../../core/model/conversation';
import { UsageError } from '../args';

/** Expand the paths given on the command line into dataset files, failing clearly on a missing path. */
export async function datasetFilesOf(paths: string[]): Promise<string[]> {
  if (paths.length === 0) throw new UsageError('Give at least one dataset file or folder.');
  const files: string[] = [];
  for (const p of paths) {
    try {
      await fs.stat(p);
    } catch {
      throw new UsageError(`No such file or folder: ${p}`);
    }
    files.push(...(await listDatasetFiles(p)));
  }
  if (files.length === 0) throw new UsageError(`No .json or .jsonl files in ${paths.join(', ')}`);
  return [...new Set(files)];
}

export function formatIssue(i: InputIssue): string {
  return `${i.file}:${i.line}${i.column ? `:${i.column}` : ''}: ${i.severity}: ${i.message}`;
}
