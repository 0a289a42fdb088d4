// The editor side of labels: CodeLens, hovers and the details view on dataset documents, wired to the
// events that change what they show (labels, the taxonomy, runs, the CodeLens setting).
import * as vscode from 'vscode';
import { onDidChangeSettings } from '../config';
import { DETAILS_SCHEME } from '../constants';
import type { RunManager } from '../runs/runManager';
import type { BigFileNotice } from './bigFiles';
import type { ExtensionSettings } from '../settings';
import type { TaxonomyService } from '../taxonomy/taxonomyService';
import { datasetPathOf } from '../util/datasetUris';
import { LabelCodeLensProvider } from './codeLens';
import { DocumentIndex } from './documentIndex';
import { LabelHoverProvider } from './hover';
import { LabelDetailsProvider } from './labelDetails';
import type { LabelStore } from './labelStore';
import { RowLabels } from './rowLabels';

/** JSON and JSONL files on disk, whatever language mode they are shown in. */
export const DATASET_SELECTOR: vscode.DocumentSelector = [
  { scheme: 'file', pattern: '**/*.jsonl' },
  { scheme: 'file', pattern: '**/*.json' },
];

/** What the editor features are built from. */
export interface EditorFeatureDeps {
  labels: LabelStore;
  taxonomy: TaxonomyService;
  runs: RunManager;
  bigFiles: BigFileNotice;
  settings: () => ExtensionSettings;
}

/** Owner of the dataset editor features; registered once in activate(). */
export class EditorFeatures implements vscode.Disposable {
  readonly documents = new DocumentIndex();
  readonly rowLabels: RowLabels;
  readonly codeLens: LabelCodeLensProvider;
  readonly hover: LabelHoverProvider;
  readonly details: LabelDetailsProvider;
  private codeLensRegistration: vscode.Disposable | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly deps: EditorFeatureDeps) {
    this.rowLabels = new RowLabels(deps.labels, deps.taxonomy, (file) => deps.runs.isBusy(file));
    this.codeLens = new LabelCodeLensProvider(this.documents, this.rowLabels);
    this.hover = new LabelHoverProvider(this.documents, this.rowLabels);
    this.details = new LabelDetailsProvider(this.documents, this.rowLabels, deps.labels);
  }

  /** Registers the providers and starts following what changes their output. */
  register(): vscode.Disposable {
    const refresh = () => this.codeLens.refresh();
    this.subscriptions.push(
      this.documents,
      this.codeLens,
      this.details,
      vscode.languages.registerHoverProvider(DATASET_SELECTOR, this.hover),
      vscode.workspace.registerTextDocumentContentProvider(DETAILS_SCHEME, this.details),
      this.deps.labels.onDidChange(refresh),
      this.deps.taxonomy.onDidChange(refresh),
      this.deps.runs.onDidChange(refresh),
      vscode.workspace.onDidCloseTextDocument((document) => {
        const file = datasetPathOf(document.uri);
        if (file && !this.deps.runs.isBusy(file)) void this.deps.labels.release(file);
      }),
      onDidChangeSettings((settings) => this.applyCodeLensSetting(settings.codeLensEnabled)),
      vscode.window.onDidChangeVisibleTextEditors(() => this.checkHiddenLenses()),
      this.deps.labels.onDidChange(() => this.checkHiddenLenses()),
    );
    this.applyCodeLensSetting(this.deps.settings().codeLensEnabled);
    this.checkHiddenLenses();
    return this;
  }

  /** Labeled datasets on screen whose lenses VS Code hides (over 20 MB) get their one-time notice. */
  private checkHiddenLenses(): void {
    for (const editor of vscode.window.visibleTextEditors) {
      const file = datasetPathOf(editor.document.uri);
      if (!file) continue;
      this.rowLabels.isAnnotated(file).then(
        (annotated) => {
          if (annotated) this.deps.bigFiles.tellLensesHiddenOnce(editor.document, file);
        },
        () => undefined, // unreadable labels: the providers report that when asked
      );
    }
  }

  /** Registers or removes the CodeLens provider as `sftLabeler.codeLens.enabled` says. */
  private applyCodeLensSetting(enabled: boolean): void {
    if (enabled && !this.codeLensRegistration) {
      this.codeLensRegistration = vscode.languages.registerCodeLensProvider(DATASET_SELECTOR, this.codeLens);
    } else if (!enabled && this.codeLensRegistration) {
      this.codeLensRegistration.dispose();
      this.codeLensRegistration = undefined;
    }
  }

  dispose(): void {
    this.codeLensRegistration?.dispose();
    for (const d of this.subscriptions) d.dispose();
  }
}
