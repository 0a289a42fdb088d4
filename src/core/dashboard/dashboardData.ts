/**
 * A scope's dashboard data held in memory: rows per file, the summary and a query engine over them.
 * A changed sidecar reloads only its file; summary and engine are rebuilt lazily from the rows.
 */
import { promises as fs } from 'node:fs';
import type { InputIssue } from '../model/conversation';
import type { Dimension } from '../model/labels';
import { isAbortError } from '../util/abort';
import type { DashboardSummary, FileInfo, SampleRow } from './model';
import { QueryEngine } from './query';
import { Interner } from './rows';
import { scanFile } from './scan';
import { resolveScope, type ResolvedScope, type ScopeRequest } from './scope';
import { summarize } from './summarize';

export interface DashboardDataOptions {
  /** Tag ids of the taxonomy per dimension, for pool coverage. */
  pool?: Partial<Record<Dimension, readonly string[]>>;
  signal?: AbortSignal;
  /** Called after each file is read. */
  onProgress?: (filesDone: number, filesTotal: number, samples: number) => void;
  onIssue?: (issue: InputIssue) => void;
}

export class DashboardData {
  private readonly perFile: SampleRow[][];
  private readonly issues: number[];
  private readonly sizes: number[];
  private readonly intern = new Interner();
  private cachedRows: SampleRow[] | undefined;
  private cachedSummary: DashboardSummary | undefined;
  private cachedEngine: QueryEngine | undefined;
  /** Bumped on every change; lets hosts tell the webview its pages are outdated. */
  version = 0;

  private constructor(
    readonly scope: ResolvedScope,
    private readonly options: DashboardDataOptions,
  ) {
    this.perFile = scope.files.map(() => []);
    this.issues = scope.files.map(() => 0);
    this.sizes = scope.files.map(() => 0);
  }

  /** Resolves the scope and reads every file of it. */
  static async load(request: ScopeRequest, options: DashboardDataOptions = {}): Promise<DashboardData> {
    const data = new DashboardData(await resolveScope(request), options);
    let samples = 0;
    for (let i = 0; i < data.scope.files.length; i++) {
      await data.readFile(i);
      samples += data.perFile[i]!.length;
      options.onProgress?.(i + 1, data.scope.files.length, samples);
    }
    return data;
  }

  /** Index of an absolute file path in the scope, or -1. */
  indexOf(file: string): number {
    return this.scope.files.indexOf(file);
  }

  /** Reads one file again (its sidecar changed). */
  async reloadFile(index: number): Promise<void> {
    await this.readFile(index);
  }

  private async readFile(index: number): Promise<void> {
    const file = this.scope.files[index]!;
    try {
      const scan = await scanFile(file, index, { signal: this.options.signal, intern: this.intern, onIssue: this.options.onIssue });
      this.perFile[index] = scan.rows;
      this.issues[index] = scan.issues;
      this.sizes[index] = (await fs.stat(file)).size;
    } catch (err) {
      // A file deleted or unreadable since the scope was listed: it shows as empty with one issue.
      if (isAbortError(err)) throw err;
      this.perFile[index] = [];
      this.issues[index] = 1;
      this.options.onIssue?.({
        file,
        line: 1,
        severity: 'error',
        code: 'unreadable',
        message: `cannot read the file: ${(err as Error).message}`,
      });
    }
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
