// package.json must agree with the code: the command table, the settings the config adapter reads, trust.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMAND_IDS } from '../../../src/vscode/commandIds';
import { ENDPOINT_SETTINGS, SETTING_SPECS, SETTINGS_SECTION, fullSettingKey } from '../../../src/vscode/settings';
import { EXTENSION_ID } from '../../../src/vscode/constants';

interface ContributedCommand { command: string; title?: string; category?: string }
interface ContributedSetting {
  type?: string; default?: unknown; minimum?: number; maximum?: number; scope?: string;
  markdownDescription?: string; description?: string; order?: number;
}

const manifest = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8'));
const commands: ContributedCommand[] = manifest.contributes.commands;
const properties: Record<string, ContributedSetting> = manifest.contributes.configuration.properties;
const sorted = (values: Iterable<string>) => [...values].sort();

describe('package.json manifest', () => {
  it('declares the extension id the code uses', () => {
    assert.equal(`${manifest.publisher}.${manifest.name}`, EXTENSION_ID);
  });

  it('contributes exactly the commands of the command table', () => {
    assert.deepEqual(sorted(commands.map((c) => c.command)), sorted(Object.values(COMMAND_IDS)));
    assert.equal(new Set(commands.map((c) => c.command)).size, commands.length, 'a command is declared twice');
  });

  it('gives every command the category "SFT" and a title', () => {
    for (const c of commands) {
      assert.equal(c.category, 'SFT', `${c.command} category`);
      assert.ok(c.title && c.title.trim().length > 0, `${c.command} has no title`);
    }
  });

  it('refers only to contributed commands in menus', () => {
    const ids = new Set(commands.map((c) => c.command));
    for (const [menu, entries] of Object.entries(manifest.contributes.menus ?? {}) as [string, { command: string }[]][]) {
      for (const entry of entries) assert.ok(ids.has(entry.command), `${menu} names unknown command ${entry.command}`);
    }
  });

  it('declares every setting the config adapter reads, and nothing else', () => {
    const read = Object.values(SETTING_SPECS).map((s) => `${SETTINGS_SECTION}.${s.key}`);
    assert.deepEqual(sorted(Object.keys(properties)), sorted(read));
  });

  it('declares each setting with the type, default and bounds the adapter assumes', () => {
    for (const spec of Object.values(SETTING_SPECS)) {
      const key = `${SETTINGS_SECTION}.${spec.key}`;
      const declared = properties[key];
      assert.equal(declared.type, spec.kind, `${key} type`);
      assert.deepEqual(declared.default, spec.default, `${key} default`);
      if (spec.kind === 'number' || spec.kind === 'integer') {
        assert.equal(declared.minimum, spec.minimum, `${key} minimum`);
        assert.equal(declared.maximum, spec.maximum, `${key} maximum`);
      }
      assert.ok((declared.markdownDescription ?? declared.description ?? '').length > 20, `${key} needs a description`);
      assert.ok(declared.scope, `${key} needs an explicit scope`);
      assert.equal(typeof declared.order, 'number', `${key} needs an order`);
    }
  });

  it('keeps endpoint settings out of workspace control', () => {
    const endpointKeys = ENDPOINT_SETTINGS.map(fullSettingKey);
    const trust = manifest.capabilities.untrustedWorkspaces;
    assert.equal(trust.supported, 'limited', 'restrictedConfigurations only apply with "limited"');
    assert.deepEqual(sorted(trust.restrictedConfigurations), sorted(endpointKeys));
    for (const key of endpointKeys) assert.equal(properties[key].scope, 'application', `${key} scope`);
  });

  it('uses only narrow activation events', () => {
    for (const event of manifest.activationEvents as string[]) {
      assert.ok(event !== '*' && !event.startsWith('onCommand:'), `redundant or eager activation event ${event}`);
    }
  });
});
