// package.json must agree with the code: the command table, the settings the config adapter reads, trust.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
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

  it('lets the commands that send data to an endpoint run only in a trusted workspace', () => {
    for (const id of [COMMAND_IDS.labelFile, COMMAND_IDS.labelWorkspaceFiles, COMMAND_IDS.scoreFile, COMMAND_IDS.labelAndScoreFile, COMMAND_IDS.testConnection]) {
      const declared = commands.find((c) => c.command === id) as ContributedCommand & { enablement?: string };
      assert.match(declared.enablement ?? '', /\bisWorkspaceTrusted\b/, `${id} enablement`);
    }
  });

  it('offers the dataset commands in the Explorer and the editor title for .json/.jsonl files only', () => {
    const menus = manifest.contributes.menus as Record<string, { command: string; when?: string }[]>;
    const entries = [...menus['explorer/context']!, ...menus['editor/title']!];
    for (const id of [COMMAND_IDS.labelFile, COMMAND_IDS.scoreFile, COMMAND_IDS.labelAndScoreFile]) {
      assert.ok(menus['explorer/context']!.some((e) => e.command === id), `${id} is missing from the Explorer menu`);
    }
    for (const id of [COMMAND_IDS.labelFile, COMMAND_IDS.labelAndScoreFile]) {
      assert.ok(menus['editor/title']!.some((e) => e.command === id), `${id} is missing from the editor title`);
    }
    for (const entry of entries) {
      const regex = /resourceExtname =~ \/(.+)\/(\w*)/.exec(entry.when ?? '');
      assert.ok(regex, `${entry.command} has no file-type condition`);
      const pattern = new RegExp(regex[1]!, regex[2]);
      const matches = (extname: string) => pattern.test(extname);
      assert.ok(matches('.jsonl') && matches('.json') && matches('.JSONL'), `${entry.command}: ${entry.when}`);
      assert.ok(!matches('.yaml') && !matches('.jsonc') && !matches('.json5'), `${entry.command}: ${entry.when}`);
    }
  });

  it('offers the run commands in the command palette only for .json/.jsonl files', () => {
    const palette = manifest.contributes.menus.commandPalette as { command: string; when?: string }[];
    for (const id of [COMMAND_IDS.labelFile, COMMAND_IDS.scoreFile, COMMAND_IDS.labelAndScoreFile]) {
      assert.equal(palette.find((e) => e.command === id)?.when, 'resourceExtname =~ /^\\.jsonl?$/i', `${id} palette when`);
    }
  });

  it('hides the command a CodeLens runs from the command palette', () => {
    const palette = manifest.contributes.menus.commandPalette as { command: string; when?: string }[];
    assert.equal(palette.find((e) => e.command === COMMAND_IDS.showLabelDetails)?.when, 'false');
  });

  it('points yamlValidation at the bundled taxonomy schema', () => {
    const [entry] = manifest.contributes.yamlValidation as { fileMatch: string[]; url: string }[];
    assert.ok(entry && entry.fileMatch.includes('taxonomy.yaml'));
    const schemaFile = join(__dirname, '../../..', entry.url);
    assert.ok(existsSync(schemaFile), `${entry.url} does not exist`);
    assert.equal(JSON.parse(readFileSync(schemaFile, 'utf8')).title, 'SFT Labeler taxonomy file');
  });
});
