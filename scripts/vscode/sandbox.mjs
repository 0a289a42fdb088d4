// A throwaway home for one VS Code start: a copy of the fixture workspace (tests may write into it),
// a user-data-dir holding the test profile's settings, and an empty extensions dir.
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** User settings for test runs: quiet, deterministic, nothing that pops up over the editor. */
export const TEST_USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'chat.disableAIFeatures': true,
  'security.workspace.trust.startupPrompt': 'never',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

/**
 * @param {string} name used in the temp folder's name
 * @param {string} fixture folder copied as the workspace
 * @param {Record<string, unknown>} [settings] user settings
 * @returns {{ root: string, workspace: string, userDataDir: string, extensionsDir: string }}
 */
export function prepareSandbox(name, fixture, settings = TEST_USER_SETTINGS) {
  const root = mkdtempSync(join(tmpdir(), `sft-vscode-${name}-`));
  const workspace = join(root, 'workspace');
  cpSync(fixture, workspace, { recursive: true });
  const userDataDir = join(root, 'user-data');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
  const extensionsDir = join(root, 'extensions');
  mkdirSync(extensionsDir);
  return { root, workspace, userDataDir, extensionsDir };
}
