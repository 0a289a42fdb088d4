/**
 * A scope's dashboard data held in memory: rows per file, the summary and a query engine over them.
 * A changed sidecar reloads only its file; summary and engine are rebuilt lazily from the rows.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { InputIssue } from '../model/conversation';
import { DIMENSIONS, type Dimension } from '../model/labels';
import type { Taxonomy } from '../taxonomy/types';
import { isAbortError } from '../util/abort';
import type { DashboardSummary, FileInfo, SampleRow } from './model';
import { QueryEngine } from './query';
import { Interner } from './rows';
import { scanFile, type FileScan, type ScanOptions } from './scan';
import { hasSidecar, resolveScope, type ResolvedScope, type ScopeRequest } from './scope';
import { summarize } from './summarize';

export interface DashboardDataOptions {
  /** Tag ids of the taxonomy per dimension, for pool coverage. */
  pool?: Partial<Record<Dimension, readonly string[]>>;
  signal?: AbortSignal;
  /** Called after each file is read. */
  onProgress?: (filesDone: number, filesTotal: number, samples: number) => void;
  onIssue?: (issue: InputIssue) => void;
}

/** A taxonomy's tag ids per dimension: what pool coverage compares the labels with. */
export function taxonomyPool(taxonomy: Taxonomy): Record<Dimension, readonly string[]> {
  return Object.fromEntries(DIMENSIONS.map((d) => [d, taxonomy.pool(d)])) as Record<Dimension, readonly string[]>;
}

async function fileSize(file: string): Promise<number> {
  try {
    return (await fs.stat(file)).size;
  } catch {
    return 0;
  }
}

/** A file's rows; a file deleted or unreadable since the scope was listed reads as empty, with one issue. */
async function scanOrEmpty(file: string, index: number, opts: ScanOptions): Promise<FileScan> {
  try {
    return await scanFile(file, index, opts);
  } catch (err) {
    if (isAbortError(err)) throw err;
    opts.onIssue?.({ file, line: 1, severity: 'error', code: 'unreadable', message: `cannot read the file: ${(err as Error).message}` });
    return { rows: [], issues: 1 };
  }
}

export class DashboardData {
  private readonly perFile: SampleRow[][];
  private readonly issues: number[];
  private readonly sizes: number[];
  private cachedRows: SampleRow[] | undefined;
  private cachedSummary: DashboardSummary | undefined;
  private cachedEngine: QueryEngine | undefined;
  /** Bumped on every change; lets hosts tell the webview its pages are outdated. */
  version = 0;

  private constructor(
    readonly scope: ResolvedScope,
    private readonly options: DashboardDataOptions,
    private readonly intern: Interner,
  ) {
    this.perFile = scope.files.map(() => []);
    this.issues = scope.files.map(() => 0);
    this.sizes = scope.files.map(() => 0);
  }

  /**
   * Resolves the scope and reads every file of it. In folder and workspace scopes, JSON files that turn
   * out to hold no samples and were never labeled (configs, manifests) are left out, with their issues.
   */
  static async load(request: ScopeRequest, options: DashboardDataOptions = {}): Promise<DashboardData> {
    const candidates = await resolveScope(request);
    const kept: ResolvedScope = { info: candidates.info, files: [], display: [] };
    const scans: FileScan[] = [];
    const sizes: number[] = [];
    const intern = new Interner();
    let samples = 0;
    for (let i = 0; i < candidates.files.length; i++) {
      const file = candidates.files[i]!;
      const issues: InputIssue[] = [];
      const scan = await scanOrEmpty(file, kept.files.length, { signal: options.signal, intern, onIssue: (issue) => issues.push(issue) });
      const keep = request.kind === 'file' || scan.rows.length > 0 || (await hasSidecar(file));
      if (keep) {
        kept.files.push(file);
        kept.display.push(candidates.display[i]!);
        scans.push(scan);
        sizes.push(await fileSize(file));
        samples += scan.rows.length;
        for (const issue of issues) options.onIssue?.(issue);
      }
      options.onProgress?.(i + 1, candidates.files.length, samples);
    }
    const data = new DashboardData(kept, options, intern);
    scans.forEach((scan, i) => data.store(i, scan, sizes[i]!));
    return data;
  }

  /** Index of an absolute file path in the scope, or -1 (Windows paths compare without case, as the OS does). */
  indexOf(file: string): number {
    const key = (p: string) => (process.platform === 'win32' ? path.resolve(p).toLowerCase() : path.resolve(p));
    const wanted = key(file);
    return this.scope.files.findIndex((f) => key(f) === wanted);
  }

  /** Reads one file again (it or its sidecar changed). */
  async reloadFile(index: number): Promise<void> {
    await this.readFile(index);
  }

  private async readFile(index: number): Promise<void> {
    const file = this.scope.files[index]!;
    const scan = await scanOrEmpty(file, index, { signal: this.options.signal, intern: this.intern, onIssue: this.options.onIssue });
    this.store(index, scan, await fileSize(file));
  }

  private store(index: number, scan: FileScan, size: number): void {
    this.perFile[index] = scan.rows;
    this.issues[index] = scan.issues;
    this.sizes[index] = size;
    this.cachedRows = undefined;
    this.cachedSummary = undefined;
    this.cachedEngine = undefined;
    this.version++;
  }

  rows(): SampleRow[] {
    this.cachedRows ??= this.perFile.flat();
    return this.cachedRows;
  }

  files(): FileInfo[] {
    return this.scope.files.map((_, i) => ({ path: this.scope.display[i]!, sizeBytes: this.sizes[i]! }));
  }

  summary(now?: Date): DashboardSummary {
    this.cachedSummary ??= summarize({
      scope: this.scope.info,
      files: this.files(),
      rows: this.rows(),
      pool: this.options.pool,
      inputIssues: this.issues.reduce((a, b) => a + b, 0),
      now,
    });
    return this.cachedSummary;
  }

  engine(): QueryEngine {
    this.cachedEngine ??= new QueryEngine(this.rows());
    return this.cachedEngine;
  }

  /** The row of a sample, looked up by file and id (rows move when a file is reloaded; ids do not). */
  findRow(fileIndex: number, sampleId: string): SampleRow | undefined {
    return this.perFile[fileIndex]?.find((r) => r.id === sampleId);
  }
}
