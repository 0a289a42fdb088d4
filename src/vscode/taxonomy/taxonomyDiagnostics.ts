// Taxonomy files checked as you type: the core's validator over the open buffers (and the saved files of
// the same taxonomy), problems published as diagnostics at their exact ranges.
import { promises as fs, statSync } from 'node:fs';
import { resolve } from 'node:path';
import * as vscode from 'vscode';
import { validateTaxonomyTexts, type TaxonomyText } from '../../core/taxonomy/validate';
import type { TaxonomyProblem, TaxonomyRange } from '../../core/taxonomy/types';
import { DIAGNOSTIC_SOURCE } from '../constants';
import { rootOfLocation, taxonomyFilesOf, taxonomyRootOf } from './taxonomyFiles';
import type { TaxonomyService } from './taxonomyService';

/** Pause after the last keystroke before validating again. */
const DEBOUNCE_MS = 300;

/** What "SFT: Validate Taxonomy" reports. */
export interface TaxonomyValidationSummary {
  location: string;
  bundled: boolean;
  files: string[];
  errors: number;
  warnings: number;
  problems: TaxonomyProblem[];
}

/** A TaxonomyRange as a VS Code Range. */
export function toRange(range: TaxonomyRange): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

/** One problem as a diagnostic: exact range, stable code, source "sft". */
function toDiagnostic(problem: TaxonomyProblem): vscode.Diagnostic {
  const severity = problem.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning;
  const diagnostic = new vscode.Diagnostic(toRange(problem.range), problem.message, severity);
  diagnostic.code = problem.code;
  diagnostic.source = DIAGNOSTIC_SOURCE;
  return diagnostic;
}

function isCandidate(document: vscode.TextDocument): boolean {
  return document.uri.scheme === 'file' && /\.ya?ml$/i.test(document.uri.fsPath);
}

/** Owns the taxonomy DiagnosticCollection and the problems behind it (for quick fixes). */
export class TaxonomyDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('sft-taxonomy');
  /** Problems by file path, as last published; the quick-fix provider reads their `fix`. */
  private readonly problemsByFile = new Map<string, TaxonomyProblem[]>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly subscriptions: vscode.Disposable[] = [this.collection];

  constructor(
    private readonly taxonomy: TaxonomyService,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** Starts following open documents and validates those already open. */
  start(): vscode.Disposable {
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document, DEBOUNCE_MS)),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
      this.taxonomy.onDidChange(() => {
        for (const d of vscode.workspace.textDocuments) this.schedule(d, DEBOUNCE_MS);
      }),
    );
    for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
    return this;
  }

  /** Problems last published for `uri` (with their fixes). */
  problemsFor(uri: vscode.Uri): readonly TaxonomyProblem[] {
    return this.problemsByFile.get(resolve(uri.fsPath)) ?? [];
  }

  /**
   * Validates the taxonomy in use (every file, open or not), publishes its problems for all its files
   * and returns a summary.
   */
  async validateInUse(): Promise<TaxonomyValidationSummary> {
    const { path, bundled } = this.taxonomy.location();
    const root = rootOfLocation(path);
    if (!root) {
      const problems = (await this.taxonomy.current()).problems;
      return { location: path, bundled, files: [], errors: problems.length, warnings: 0, problems };
    }
    const { files, problems } = await this.validateSet(root, 'all');
    return {
      location: path,
      bundled,
      files,
      errors: problems.filter((p) => p.severity === 'error').length,
      warnings: problems.filter((p) => p.severity === 'warning').length,
      problems,
    };
  }

  private schedule(document: vscode.TextDocument, delayMs: number): void {
    if (!isCandidate(document)) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.validateDocument(document).catch((err: unknown) => this.log.error(`Validating ${document.uri.fsPath} failed`, err));
      }, delayMs),
    );
  }

  private configuredFile(): string | undefined {
    const { path, bundled } = this.taxonomy.location();
    if (bundled) return undefined;
    try {
      return statSync(path).isFile() ? path : undefined;
    } catch {
      return undefined;
    }
  }

  private async validateDocument(document: vscode.TextDocument): Promise<void> {
    if (document.isClosed) return;
    const root = taxonomyRootOf(document.uri.fsPath, this.configuredFile());
    if (!root) return;
    await this.validateSet(root, 'open');
  }

  /**
   * Validates the taxonomy rooted at `root` from the open buffers (unsaved edits included) and the files on
   * disk, then publishes problems for its open files, or for all of its files.
   */
  private async validateSet(root: string, publish: 'open' | 'all'): Promise<{ files: string[]; problems: TaxonomyProblem[] }> {
    const files = await taxonomyFilesOf(root);
    const openDocs = new Map(vscode.workspace.textDocuments.filter(isCandidate).map((d) => [resolve(d.uri.fsPath), d]));
    if (publish === 'open' && !files.some((f) => openDocs.has(f))) return { files, problems: [] };
    const texts: TaxonomyText[] = [];
    for (const path of files) {
      const open = openDocs.get(path);
      if (open) {
        texts.push({ path, text: open.getText() });
        continue;
      }
      try {
        texts.push({ path, text: (await fs.readFile(path, 'utf8')).replace(/^\uFEFF/, '') });
      } catch {
        // A tag file deleted between listing and reading: validate the rest.
      }
    }
    const problems = validateTaxonomyTexts(texts);
    const byFile = new Map<string, TaxonomyProblem[]>(files.map((f) => [f, []]));
    for (const p of problems) {
      const key = resolve(p.file);
      byFile.set(key, [...(byFile.get(key) ?? []), p]);
    }
    for (const [file, list] of byFile) {
      if (publish === 'open' && !openDocs.has(file)) continue;
      this.problemsByFile.set(file, list);
      this.collection.set(vscode.Uri.file(file), list.map(toDiagnostic));
    }
    return { files, problems };
  }

  private forget(uri: vscode.Uri): void {
    if (uri.scheme !== 'file') return;
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.problemsByFile.delete(resolve(uri.fsPath));
    this.collection.delete(uri);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const d of this.subscriptions) d.dispose();
  }
}
