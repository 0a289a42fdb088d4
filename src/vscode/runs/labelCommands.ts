// "SFT: Label Current File", "SFT: Label Workspace Files…" and "SFT: Cancel Run", and the queuing of a run of
// any pass over the chosen files (the score commands go through it too).
import { promises as fs } from 'node:fs';
import { basename } from 'node:path';
import * as vscode from 'vscode';
import { readDataset } from '../../core/dataset/read';
import { DEFAULT_LABEL_OPTIONS } from '../../core/labeling/types';
import type { Labeler } from '../../core/run/labelFile';
import { UserFacingError } from '../endpoint';
import type { ShellServices } from '../services';
import { commandTargets, requireDatasetPath } from '../util/datasetUris';
import { endpointClient, type EndpointClient } from './endpointClient';
import type { LabelJob } from './labelRun';
import type { RunOutcome, RunPass, ScoreJob } from './runJob';
import { showScoringNeedsEndpoint } from './scoreRun';

/** The services the run commands use. */
export type LabelServices = Pick<ShellServices, 'log' | 'apiKeys' | 'settings' | 'taxonomy' | 'runs' | 'bigFiles' | 'consent'>;

/** The notice for runs without an endpoint; the test suite looks for its wording. */
export const HEURISTIC_NOTICE =
  'SFT: no endpoint is configured, so the built-in heuristic labeler is labeling (rough labels; nothing leaves this machine). ' +
  'Configure an OpenAI-compatible endpoint to label with an LLM.';

/** Files matched by "SFT: Label Workspace Files…" (and never our own sidecars or dependencies). */
const WORKSPACE_DATASETS = '**/*.{json,jsonl}';
const WORKSPACE_EXCLUDES = '{**/node_modules/**,**/.sft-labels/**,**/.git/**,**/.vscode/**}';
const MAX_LISTED_FILES = 5000;

/** Throws the Restricted Mode message when the workspace is not trusted. */
export function requireTrust(): void {
  // Commands can be run programmatically, so the manifest's `enablement` is not enough.
  if (!vscode.workspace.isTrusted) {
    throw new UserFacingError('Labeling is off in Restricted Mode: trust this workspace first (it would send its files to your endpoint).');
  }
}

/**
 * Labels are computed from the file on disk, so unsaved edits would be ignored: save them, or label the
 * saved version, as the user prefers. Returns false when the user backs out.
 */
async function settleUnsavedEdits(files: readonly string[], verb: string): Promise<boolean> {
  const dirty = vscode.workspace.textDocuments.filter((d) => d.isDirty && d.uri.scheme === 'file' && files.includes(d.uri.fsPath));
  if (dirty.length === 0) return true;
  const names = dirty.map((d) => basename(d.uri.fsPath)).join(', ');
  const choice = await vscode.window.showWarningMessage(
    `${names} ${dirty.length === 1 ? 'has' : 'have'} unsaved changes.`,
    { modal: true, detail: `${verb} reads the file from disk, so unsaved changes are left out.` },
    `Save and ${verb}`,
    `${verb} Saved Version`,
  );
  if (choice === undefined) return false;
  if (choice === `Save and ${verb}`) await Promise.all(dirty.map((d) => d.save()));
  return true;
}

async function countSamples(files: readonly string[]): Promise<number> {
  let samples = 0;
  for (const file of files) for await (const item of readDataset(file)) samples += item.samples.length;
  return samples;
}

/**
 * The configured endpoint once the user agreed to send these files there; undefined when none is configured
 * (`configured: false`) or the user declined.
 */
async function consentedEndpoint(services: LabelServices, files: readonly string[]): Promise<{ configured: boolean; endpoint?: EndpointClient }> {
  const endpoint = await endpointClient(services.settings(), services.apiKeys, (event) => services.log.info(event.message));
  if (!endpoint) return { configured: false };
  if (endpoint.modelSource === 'endpoint') services.log.info(`No model is set; using ${endpoint.model}, the first model ${endpoint.origin} lists.`);
  const consented = await services.consent.ensure({
    origin: endpoint.origin,
    model: endpoint.model,
    samples: await countSamples(files),
    what: files.length === 1 ? basename(files[0]!) : `${files.length} files`,
  });
  if (!consented) {
    services.log.info(`Not running: sending data to ${endpoint.origin} was declined.`);
    return { configured: true };
  }
  return { configured: true, endpoint };
}

function showHeuristicNotice(): void {
  void vscode.window.showInformationMessage(HEURISTIC_NOTICE, 'Configure Endpoint').then((choice) => {
    if (choice === 'Configure Endpoint') void vscode.commands.executeCommand('workbench.action.openSettings', 'sftLabeler.endpoint');
  });
}

/** What runs each file: the labeler (Pass 1) and the scoring client (Pass 2), as the pass needs them. */
interface Runners {
  labeler?: { labeler: Labeler; name: string };
  scorer?: { client: ScoreJob['client']; name: string };
}

/**
 * Picks the runners for `pass`: labeling falls back to the heuristic labeler without an endpoint; scoring
 * has no offline fallback, so it says so instead. Undefined when nothing should run.
 */
async function chooseRunners(services: LabelServices, files: readonly string[], pass: RunPass): Promise<Runners | undefined> {
  const { configured, endpoint } = await consentedEndpoint(services, files);
  if (!configured) {
    if (pass !== 'label') {
      showScoringNeedsEndpoint();
      return undefined;
    }
    showHeuristicNotice();
    return { labeler: { labeler: { kind: 'heuristic' }, name: 'the built-in heuristic labeler' } };
  }
  if (!endpoint) return undefined;
  const name = `${endpoint.model} at ${endpoint.origin}`;
  const runners: Runners = {};
  if (pass !== 'score') runners.labeler = { labeler: { kind: 'llm', client: endpoint.client, options: { ...DEFAULT_LABEL_OPTIONS, temperature: services.settings().temperature } }, name };
  if (pass !== 'label') runners.scorer = { client: endpoint.client, name };
  return runners;
}

/**
 * Queues a run of `pass` for each dataset and resolves once all of them have ended (so a caller of the
 * command can wait for the outcome; the UI does not block on it).
 */
export async function runPassOnUris(services: LabelServices, uris: readonly vscode.Uri[], pass: RunPass): Promise<RunOutcome[]> {
  requireTrust();
  const verb = pass === 'label' ? 'Label' : 'Score';
  if (uris.length === 0) throw new UserFacingError(`Open a .json or .jsonl dataset, or pick one in the Explorer, to ${verb.toLowerCase()} it.`);
  const files = [...new Set(uris.map(requireDatasetPath))];
  for (const file of files) {
    const info = await fs.stat(file).catch(() => undefined);
    if (!info?.isFile()) throw new UserFacingError(`${file} does not exist.`);
  }
  // Scoring without an endpoint cannot happen: say so before asking anything else.
  if (pass !== 'label' && services.settings().endpointBaseUrl === '') {
    showScoringNeedsEndpoint();
    return [];
  }
  if (!(await settleUnsavedEdits(files, verb))) return [];
  let taxonomy: LabelJob['taxonomy'] | undefined;
  if (pass !== 'score') {
    const inUse = await services.taxonomy.current();
    if (!inUse.taxonomy) {
      const errors = inUse.problems.filter((p) => p.severity === 'error').length;
      throw new UserFacingError(`The taxonomy at ${inUse.location} has ${errors} error(s); run "SFT: Validate Taxonomy" to see them.`);
    }
    taxonomy = inUse.taxonomy;
  }
  const runners = await chooseRunners(services, files, pass);
  if (!runners) return [];
  const concurrency = services.settings().concurrency;
  const runs = files.map((file) => {
    void services.bigFiles.tellOnce(file);
    const label = (): LabelJob => ({ file, taxonomy: taxonomy!, labeler: runners.labeler!.labeler, labelerName: runners.labeler!.name, concurrency });
    const score = (): ScoreJob => ({ file, client: runners.scorer!.client, scorerName: runners.scorer!.name, concurrency });
    const job = pass === 'label' ? { pass, file, label: label() } : pass === 'score' ? { pass, file, score: score() } : { pass, file, label: label(), score: score() };
    return services.runs.start(job).outcome;
  });
  return Promise.all(runs);
}

/** Labels each dataset (Pass 1 only). */
export function labelUris(services: LabelServices, uris: readonly vscode.Uri[]): Promise<RunOutcome[]> {
  return runPassOnUris(services, uris, 'label');
}

/** "SFT: Label Current File": the Explorer selection, the editor's file, or the URI passed by a caller. */
export function labelCurrentFile(services: LabelServices, args: readonly unknown[]): Promise<RunOutcome[]> {
  return labelUris(services, commandTargets(args));
}

/** "SFT: Label Workspace Files…": pick any number of the workspace's JSON/JSONL files. */
export async function labelWorkspaceFiles(services: LabelServices): Promise<RunOutcome[]> {
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

/** "SFT: Cancel Run": the run (labeling or scoring) of the given file, or every running and waiting run. */
export function cancelRun(services: Pick<ShellServices, 'runs'>, args: readonly unknown[]): number {
  const [first] = args;
  const file = first instanceof vscode.Uri ? first.fsPath : typeof first === 'string' ? first : undefined;
  const count = services.runs.cancel(file);
  if (count === 0) void vscode.window.showInformationMessage('SFT: no labeling or scoring run to cancel.');
  return count;
}
