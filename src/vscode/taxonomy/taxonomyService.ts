// The taxonomy in use: bundled, or the one `sftLabeler.taxonomyPath` names. Loaded on first use, cached
// until the setting changes or one of its files is saved.
import { isAbsolute, join, relative, resolve } from 'node:path';
import * as vscode from 'vscode';
import { PROMPT_VERSION } from '../../core/labeling/types';
import { loadTaxonomy } from '../../core/taxonomy/load';
import type { Taxonomy, TaxonomyProblem } from '../../core/taxonomy/types';
import type { CurrentLabelKey } from '../../core/views/sampleState';
import { onDidChangeSettings } from '../config';
import type { ExtensionSettings } from '../settings';

/** Where the taxonomy in use lives and what loading it gave. */
export interface TaxonomyInUse {
  /** A folder (bundled layout) or a single YAML file. */
  location: string;
  bundled: boolean;
  /** Present when it loaded without errors. */
  taxonomy?: Taxonomy;
  problems: TaxonomyProblem[];
}

/** Owner of the taxonomy in use; runs label with it, the editor compares label records against its hash. */
export class TaxonomyService implements vscode.Disposable {
  private cached: Promise<TaxonomyInUse> | undefined;
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly subscriptions: vscode.Disposable[] = [this.emitter];
  /** Fires when the taxonomy in use may have changed (setting changed, one of its files saved). */
  readonly onDidChange = this.emitter.event;

  constructor(
    private readonly bundledDir: string,
    private readonly settings: () => ExtensionSettings,
  ) {
    let configured = this.settings().taxonomyPath;
    this.subscriptions.push(
      onDidChangeSettings((next) => {
        if (next.taxonomyPath === configured) return;
        configured = next.taxonomyPath;
        this.invalidate();
      }),
      vscode.workspace.onDidSaveTextDocument((document) => {
        if (this.contains(document.uri.fsPath)) this.invalidate();
      }),
    );
  }

  /** The location in use: the setting resolved against the first workspace folder, or the bundled folder. */
  location(): { path: string; bundled: boolean } {
    const configured = this.settings().taxonomyPath;
    if (configured === '') return { path: this.bundledDir, bundled: true };
    if (isAbsolute(configured)) return { path: resolve(configured), bundled: false };
    const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file');
    return { path: folder ? join(folder.uri.fsPath, configured) : resolve(configured), bundled: false };
  }

  /** Whether `file` is inside (or is) the taxonomy location in use. */
  contains(file: string): boolean {
    const rel = relative(this.location().path, resolve(file));
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  }

  /** The taxonomy in use, loaded once per change. */
  current(): Promise<TaxonomyInUse> {
    this.cached ??= this.load();
    return this.cached;
  }

  /** What labels must match to count as current, or undefined when the taxonomy does not load. */
  async currentKey(): Promise<CurrentLabelKey | undefined> {
    const { taxonomy } = await this.current();
    return taxonomy ? { taxonomyHash: taxonomy.hash, promptVersion: PROMPT_VERSION } : undefined;
  }

  /** Forgets the loaded taxonomy; the next `current()` reads it again. */
  invalidate(): void {
    this.cached = undefined;
    this.emitter.fire();
  }

  private async load(): Promise<TaxonomyInUse> {
    const { path, bundled } = this.location();
    const result = await loadTaxonomy(path);
    return { location: path, bundled, problems: result.problems, ...(result.taxonomy ? { taxonomy: result.taxonomy } : {}) };
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }
}
