/** Shared fixtures for the dataset tests: temp files, and reading a whole file into arrays. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readDataset, type DatasetItem, type ReadDatasetOptions } from '../../../../src/core/dataset/read';
import type { SourceLocation } from '../../../../src/core/model/conversation';
import { RecordScanner, type ContainerHint, type ScanEvent } from '../../../../src/core/dataset/scan';

/** A temp folder per test file, removed after the suite. */
export function tempDir(): { path: (name: string) => string; write: (name: string, content: string | Buffer) => string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'sft-dataset-'));
  return {
    path: (name) => join(dir, name),
    write: (name, content) => {
      const file = join(dir, name);
      writeFileSync(file, content);
      return file;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export async function readAll(file: string, options?: ReadDatasetOptions): Promise<DatasetItem[]> {
  const items: DatasetItem[] = [];
  for await (const item of readDataset(file, options)) items.push(item);
  return items;
}

/** Scans `bytes` fed in pieces of `chunk` bytes (0 = all at once). */
export function scanInChunks(bytes: Buffer, hint: ContainerHint, chunk = 0): ScanEvent[] {
  const scanner = new RecordScanner(hint);
  const events: ScanEvent[] = [];
  const size = chunk > 0 ? chunk : Math.max(1, bytes.length);
  for (let i = 0; i < bytes.length; i += size) events.push(...scanner.push(bytes.subarray(i, i + size)));
  events.push(...scanner.end());
  return events;
}

/** A source location for calling the normaliser directly. */
export function at(line = 1, file = 'rows.jsonl'): SourceLocation {
  return { file, line, endLine: line, byteStart: 0, byteEnd: 0, rowIndex: 0 };
}
