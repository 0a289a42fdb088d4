// "SFT: Set API Key" / "SFT: Clear API Key" through the real UI: the password box, SecretStorage keyed by
// endpoint origin, and the key never reaching settings, logs or any file of the profile.
import * as assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { COMMAND_IDS } from '../../src/vscode/commandIds';
import { API_KEY_SECRET_PREFIX, OUTPUT_CHANNEL_NAME } from '../../src/vscode/constants';
import { hasBridge, workbench } from './bridge';
import { ENV_USER_DATA_DIR } from './env';
import { extension, filesContaining, filesUnder, testApi, waitFor, workspaceUri } from './helpers';

const ENDPOINT = 'https://llm.test.example/v1/';
const ORIGIN = 'https://llm.test.example';
const OTHER_ENDPOINT = 'https://other.test.example/v1';
const OTHER_ORIGIN = 'https://other.test.example';
const PASSWORD_BOX = '.quick-input-widget input[type="password"]';

function setBaseUrl(value: string | undefined): Thenable<void> {
  return vscode.workspace.getConfiguration('sftLabeler').update('endpoint.baseUrl', value, vscode.ConfigurationTarget.Global);
}

/** Runs a command that opens the password box, types `key` into it like a person, and presses Enter (or Escape). */
async function answerPasswordBox(key: string | undefined, screenshot?: string): Promise<void> {
  const done = vscode.commands.executeCommand(COMMAND_IDS.setApiKey);
  await workbench.waitFor(PASSWORD_BOX);
  if (key === undefined) {
    await workbench.press('Escape', { selector: PASSWORD_BOX });
  } else {
    await workbench.type(PASSWORD_BOX, key);
    if (screenshot) await workbench.screenshot(screenshot);
    await workbench.press('Enter', { selector: PASSWORD_BOX });
  }
  await done;
}

/** The labels shown by the command palette for `SFT:` commands. */
async function paletteEntries(): Promise<string> {
  await vscode.commands.executeCommand('workbench.action.quickOpen', '>SFT: ');
  await workbench.waitFor('.quick-input-list .monaco-list-row[aria-label*="Show Labels Output"]');
  const text = await workbench.text('.quick-input-list');
  await workbench.press('Escape');
  return text;
}

function userDataDir(): string {
  const dir = process.env[ENV_USER_DATA_DIR];
  assert.ok(dir, `${ENV_USER_DATA_DIR} is not set`);
  return dir;
}

describe('API key commands', function () {
  const apiKey = `sk-test-${randomUUID()}`;
  /** SecretStorage keys changed during the suite, in order. */
  const changes: string[] = [];
  let subscription: vscode.Disposable | undefined;

  before(async function () {
    if (!hasBridge()) this.skip(); // typing into the password box needs the runner's browser
    subscription = (await testApi()).secrets.onDidChange((event) => changes.push(event.key));
  });

  after(async () => {
    subscription?.dispose();
    await setBaseUrl(undefined);
  });

  it('explain that an endpoint is needed, and store nothing, while none is configured', async () => {
    const api = await testApi();
    await setBaseUrl(undefined);
    await vscode.commands.executeCommand(COMMAND_IDS.setApiKey);
    assert.equal(await workbench.count(PASSWORD_BOX), 0, 'the password box opened without an endpoint');
    assert.deepEqual(changes, [], 'a secret was written');
    assert.equal(await api.secrets.get(`${API_KEY_SECRET_PREFIX}${ORIGIN}`), undefined);
  });

  it('store the typed key for the endpoint origin only', async () => {
    const api = await testApi();
    await setBaseUrl(ENDPOINT);
    await waitFor(() => api.settings().endpointBaseUrl === ENDPOINT, 'the endpoint setting to apply');
    await answerPasswordBox(apiKey, 'set-api-key-password-box');
    assert.equal(await api.secrets.get(`${API_KEY_SECRET_PREFIX}${ORIGIN}`), apiKey);
    assert.equal(await api.secrets.get(`${API_KEY_SECRET_PREFIX}${OTHER_ORIGIN}`), undefined);
    await waitFor(() => changes.length > 0, 'the SecretStorage change event');
    assert.deepEqual(changes, [`${API_KEY_SECRET_PREFIX}${ORIGIN}`]);
  });

  it('keep the key out of every sftLabeler setting', () => {
    const configuration = vscode.workspace.getConfiguration('sftLabeler');
    const keys = Object.keys(extension().packageJSON.contributes.configuration.properties as object);
    assert.ok(keys.length >= 7);
    for (const full of keys) {
      const inspected = configuration.inspect(full.slice('sftLabeler.'.length));
      assert.ok(inspected, `${full} is not a known setting`);
      assert.ok(!JSON.stringify(inspected).includes(apiKey), `${full} holds the API key`);
    }
  });

  it('log the origin but never the key, and leave the key in no file of the profile or workspace', async () => {
    const dir = userDataDir();
    const logFile = await waitFor(() => filesUnder(dir).find((file) => file.includes(OUTPUT_CHANNEL_NAME)
      && readFileSync(file, 'utf8').includes(`API key stored for ${ORIGIN}`)), 'the output channel log file to record the stored key');
    assert.ok(!readFileSync(logFile, 'utf8').includes(apiKey));
    assert.deepEqual(filesContaining(dir, apiKey), []);
    assert.deepEqual(filesContaining(workspaceUri('.').fsPath, apiKey), []);
  });

  it('offer "Clear API Key" in the command palette only while a key is stored', async () => {
    assert.match(await paletteEntries(), /Clear API Key/);
    await setBaseUrl(OTHER_ENDPOINT); // another origin: no key stored for it
    await waitFor(async () => !(await paletteEntries()).includes('Clear API Key'), 'Clear API Key to leave the palette');
    await setBaseUrl(ENDPOINT);
    await waitFor(async () => (await paletteEntries()).includes('Clear API Key'), 'Clear API Key to come back');
  });

  it('keep the stored key when the password box is cancelled', async () => {
    const api = await testApi();
    await answerPasswordBox(undefined);
    assert.equal(await api.secrets.get(`${API_KEY_SECRET_PREFIX}${ORIGIN}`), apiKey);
  });

  it('clear only the key of the configured origin', async () => {
    const api = await testApi();
    await setBaseUrl(OTHER_ENDPOINT);
    await waitFor(() => api.settings().endpointBaseUrl === OTHER_ENDPOINT, 'the other endpoint to apply');
    await vscode.commands.executeCommand(COMMAND_IDS.clearApiKey);
    assert.equal(await api.secrets.get(`${API_KEY_SECRET_PREFIX}${ORIGIN}`), apiKey, 'cleared the key of another origin');

    await setBaseUrl(ENDPOINT);
    await waitFor(() => api.settings().endpointBaseUrl === ENDPOINT, 'the endpoint to apply again');
    await vscode.commands.executeCommand(COMMAND_IDS.clearApiKey);
    assert.equal(await api.secrets.get(`${API_KEY_SECRET_PREFIX}${ORIGIN}`), undefined);
    await waitFor(() => changes.length === 2, 'the second SecretStorage change event');
    assert.deepEqual(changes, [`${API_KEY_SECRET_PREFIX}${ORIGIN}`, `${API_KEY_SECRET_PREFIX}${ORIGIN}`]);
  });
});
