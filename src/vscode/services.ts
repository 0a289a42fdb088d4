// What command handlers and controllers get from the composition root. One object, built once in activate().
import type * as vscode from 'vscode';
import type { DashboardFeature } from './dashboard/registerDashboard';
import type { BigFileNotice } from './editor/bigFiles';
import type { EditorFeatures } from './editor/editorFeatures';
import type { LabelStore } from './editor/labelStore';
import type { EndpointConsent } from './runs/consent';
import type { RunManager } from './runs/runManager';
import type { ExtensionSettings } from './settings';
import type { ApiKeyStore } from './secrets';
import type { RunStatusBar } from './statusBar';
import type { TaxonomyDiagnostics } from './taxonomy/taxonomyDiagnostics';
import type { TaxonomyService } from './taxonomy/taxonomyService';

/** The shell's services. Features take this (or a narrower `Pick<>`) instead of reaching for globals. */
export interface ShellServices {
  readonly context: vscode.ExtensionContext;
  /** The one output channel; never log API keys or full conversations above trace level. */
  readonly log: vscode.LogOutputChannel;
  readonly apiKeys: ApiKeyStore;
  readonly statusBar: RunStatusBar;
  /** A fresh snapshot of the settings (cheap: call it at the start of each command or run). */
  readonly settings: () => ExtensionSettings;
  /** The taxonomy in use (bundled or `sftLabeler.taxonomyPath`). */
  readonly taxonomy: TaxonomyService;
  /** Diagnostics and quick-fix data of open taxonomy files. */
  readonly taxonomyDiagnostics: TaxonomyDiagnostics;
  /** Read-only views of the label sidecars. */
  readonly labels: LabelStore;
  /** The once-per-origin question before dataset content is sent to an endpoint. */
  readonly consent: EndpointConsent;
  /** Labeling runs: queue, progress, cancel. */
  readonly runs: RunManager;
  /** The once-per-file notice for datasets too large for inline annotations. */
  readonly bigFiles: BigFileNotice;
  /** CodeLens, hovers and label details on dataset documents. */
  readonly editor: EditorFeatures;
  /** The statistics dashboard panels (file, folder or workspace scope) and their HTML export. */
  readonly dashboard: DashboardFeature;
}
