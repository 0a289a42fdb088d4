// "SFT: Label Current File", "SFT: Label Workspace Files…" and "SFT: Cancel Run".
import { promises as fs } from 'node:fs';
import { basename } from 'node:path';
import * as vscode from 'vscode';
import { readDataset } from '../../core/dataset/read';
import { DEFAULT_LABEL_OPTIONS } from '../../core/labeling/types';
import type { Labeler } from '../../core/run/labelFile';
import { UserFacingError } from '../endpoint';
import type { ShellServices } from '../services';
import { commandTargets, requireDatasetPath } from '../util/datasetUris';
import { endpointClient } from './endpointClient';
import type { LabelRunOutcome } from './labelRun';

type LabelServices = Pick<ShellServices, 'log' | 'apiKeys' | 'settings' | 'taxonomy' | 'runs' | 'bigFiles' | 'consent'>;

/** The notice for runs without an endpoint; the test suite looks for its wording. */
export const HEURISTIC_NOTICE =
  'SFT: no endpoint is configured, so the built-in heuristic labeler is labeling (rough labels; nothing leaves this machine). ' +
  'Configure an OpenAI-compatible endpoint to label with an LLM.';

/** Files matched by "SFT: Label Workspace Files…" (and never our own sidecars or dependencies). */
const WORKSPACE_DATASETS = '**/*.{json,jsonl}';
const WORKSPACE_EXCLUDES = '{**/node_modules/**,**/.sft-labels/**,**/.git/**,**/.vscode/**}';
const MAX_LISTED_FILES = 5000;

function requireTrust(): void {
  // Commands can be run programmatically, so the manifest's `enablement` is not enough.
  if (!vscode.workspace.isTrusted) {
    throw new UserFacingError('Labeling is off in Restricted Mode: trust this workspace first (it would send its files to your endpoint).');
  }
}

/**
 * Labels are computed from the file on disk, so unsaved edits would be ignored: save them, or label the
 * saved version, as the user prefers. Returns false when the user backs out.
 */
async function settleUnsavedEdits(files: readonly string[]): Promise<boolean> {
  const dirty = vscode.workspace.textDocuments.filter((d) => d.isDirty && d.uri.scheme === 'file' && files.includes(d.uri.fsPath));
  if (dirty.length === 0) return true;
  const names = dirty.map((d) => basename(d.uri.fsPath)).join(', ');
  const choice = await vscode.window.showWarningMessage(
    `${names} ${dirty.length === 1 ? 'has' : 'have'} unsaved changes.`,
    { modal: true, detail: 'Labeling reads the file from disk, so unsaved changes are not labeled.' },
    'Save and Label',
    'Label Saved Version',
  );
  if (choice === undefined) return false;
  if (choice === 'Save and Label') await Promise.all(dirty.map((d) => d.save()));
  return true;
}

async function countSamples(files: readonly string[]): Promise<number> {
  let samples = 0;
  for (const file of files) for await (const item of readDataset(file)) samples += item.samples.length;
  return samples;
}

/** The labeler for this invocation: the configured endpoint (with consent), or the heuristic one. */
async function chooseLabeler(services: LabelServices, files: readonly string[]): Promise<{ labeler: Labeler; name: string } | undefined> {
  const settings = services.settings();
  const endpoint = await endpointClient(settings, services.apiKeys, (event) => services.log.info(event.message));
  if (!endpoint) {
    void vscode.window.showInformationMessage(HEURISTIC_NOTICE, 'Configure Endpoint').then((choice) => {
      if (choice === 'Configure Endpoint') void vscode.commands.executeCommand('workbench.action.openSettings', 'sftLabeler.endpoint');
    });
    return { labeler: { kind: 'heuristic' }, name: 'the built-in heuristic labeler' };
  }
  if (endpoint.modelSource === 'endpoint') services.log.info(`No model is set; using ${endpoint.model}, the first model ${endpoint.origin} lists.`);
  const consented = await services.consent.ensure({
    origin: endpoint.origin,
    model: endpoint.model,
    samples: await countSamples(files),
    what: files.length === 1 ? basename(files[0]!) : `${files.length} files`,
  });
  if (!consented) {
    services.log.info(`Not labeling: sending data to ${endpoint.origin} was declined.`);
    return undefined;
  }
  return {
    labeler: { kind: 'llm', client: endpoint.client, options: { ...DEFAULT_LABEL_OPTIONS } },
    name: `${endpoint.model} at ${endpoint.origin}`,
  };
}

/**
 * Queues a run for each dataset and resolves once all of them have ended (so a caller of the command can
 * wait for the outcome; the UI does not block on it).
 */
export async function labelUris(services: LabelServices, uris: readonly vscode.Uri[]): Promise<LabelRunOutcome[]> {
  requireTrust();
  if (uris.length === 0) throw new UserFacingError('Open a .json or .jsonl dataset, or pick one in the Explorer, to label it.');
  const files = [...new Set(uris.map(requireDatasetPath))];
  for (const file of files) {
    const info = await fs.stat(file).catch(() => undefined);
    if (!info?.isFile()) throw new UserFacingError(`${file} does not exist.`);
  }
  if (!(await settleUnsavedEdits(files))) return [];
  const inUse = await services.taxonomy.current();
  if (!inUse.taxonomy) {
    const errors = inUse.problems.filter((p) => p.severity === 'error').length;
    throw new UserFacingError(`The taxonomy at ${inUse.location} has ${errors} error(s); run "SFT: Validate Taxonomy" to see them.`);
  }
  const choice = await chooseLabeler(services, files);
  if (!choice) return [];
  const runs = files.map((file) => {
    void services.bigFiles.tellOnce(file);
    return services.runs.start({
      file,
      taxonomy: inUse.taxonomy!,
      labeler: choice.labeler,
      labelerName: choice.name,
      concurrency: services.settings().concurrency,
    }).outcome;
  });
  return Promise.all(runs);
}

/** "SFT: Label Current File": the Explorer selection, the editor's file, or the URI passed by a caller. */
export function labelCurrentFile(services: LabelServices, args: readonly unknown[]): Promise<LabelRunOutcome[]> {
  return labelUris(services, commandTargets(args));
}

/** "SFT: Label Workspace Files…": pick any number of the workspace's JSON/JSONL files. */
export async function labelWorkspaceFiles(services: LabelServices): Promise<LabelRunOutcome[]> {
  requireTrust();
  const found = await vscode.workspace.findFiles(WORKSPACE_DATASETS, WORKSPACE_EXCLUDES, MAX_LISTED_FILES);
  const local = found.filter((uri) => uri.scheme === 'file').sort((a, b) => a.fsPath.localeCompare(b.fsPath));
  if (local.length === 0) throw new UserFacingError('This workspace has no .json or .jsonl files.');
  const items = local.map((uri) => ({
    label: basename(uri.fsPath),
    description: vscode.workspace.asRelativePath(uri, true),
    uri,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: 'SFT: Label Workspace Files',
    placeHolder: 'Pick the datasets to label',
    canPickMany: true,
    matchOnDescription: true,
  });
  if (!picked || picked.length === 0) return [];
  return labelUris(services, picked.map((item) => item.uri));
}

/** "SFT: Cancel Run": the run of the given file, or every running and waiting run. */
export function cancelRun(services: Pick<ShellServices, 'runs'>, args: readonly unknown[]): number {
  const [first] = args;
  const file = first instanceof vscode.Uri ? first.fsPath : typeof first === 'string' ? first : undefined;
  const count = services.runs.cancel(file);
  if (count === 0) void vscode.window.showInformationMessage('SFT: no labeling run to cancel.');
  return count;
}
