import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIM_FAMILIES, FIM_TEMPLATE_CHOICES } from '../../src/core/fim';
import { readSettings, USER_ONLY_SETTINGS } from '../../src/engine/settings';
import { CommandIds } from '../../src/vscode/command-ids';
import { repoRoot } from '../support/paths';

const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
/** The English strings the manifest's `%key%` references name (a translation is a `package.nls.<locale>.json`). */
const nls = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.nls.json'), 'utf8')) as Record<string, string>;
/** A manifest string as VS Code shows it in English. */
const shown = (value: string) => value.replace(/^%(.+)%$/, (reference, key: string) => nls[key] ?? reference);
const declaredSettings = Object.keys(manifest.contributes.configuration.properties as Record<string, unknown>);
const declaredCommands = (manifest.contributes.commands as { command: string }[]).map((c) => c.command);

/** Settings read outside readSettings, straight from the configuration. */
const READ_ELSEWHERE: string[] = [];
/** The manifest's keys whose text VS Code shows people. */
const READ_KEYS = ['displayName', 'description', 'markdownDescription', 'enumDescriptions', 'markdownEnumDescriptions', 'deprecationMessage', 'markdownDeprecationMessage', 'title', 'shortTitle', 'category', 'label', 'altText', 'contextualTitle'];
/** Commands registered for tests and other extensions but kept out of the palette. */
const HIDDEN_COMMANDS: string[] = [CommandIds.deliverTokenProbabilitiesMessage];

describe('package.json manifest', () => {
  it('declares every setting the extension reads, so no typo is silently ignored', () => {
    const read: string[] = [];
    readSettings((key) => {
      read.push(`promptComplete.${key}`);
      return undefined;
    });
    assert.deepEqual(read.filter((key) => !declaredSettings.includes(key)), []);
    assert.deepEqual(declaredSettings.filter((key) => !read.includes(key) && !READ_ELSEWHERE.includes(key)), [], 'declared but never read');
  });

  it('offers exactly the fill-in-the-middle choices the code knows (auto, every family, custom), each described, and the settings accept each', () => {
    const schema = manifest.contributes.configuration.properties['promptComplete.fimTemplate'] as { enum: string[]; enumDescriptions: string[] };
    assert.deepEqual(schema.enum, [...FIM_TEMPLATE_CHOICES]);
    assert.equal(schema.enumDescriptions.length, FIM_TEMPLATE_CHOICES.length);
    for (const family of FIM_FAMILIES) assert.ok(schema.enum.includes(family), family);
    const custom = { prefix: '<P>', suffix: '<S>' };
    for (const choice of FIM_TEMPLATE_CHOICES) {
      const { settings, problems } = readSettings((key) => (key === 'fimTemplate' ? choice : key === 'fimCustomTemplate' ? custom : undefined));
      assert.deepEqual(problems, []);
      assert.equal(settings.fimTemplate, choice);
    }
  });

  it('documents every setting with a description, a type and a default', () => {
    for (const [key, schema] of Object.entries(manifest.contributes.configuration.properties as Record<string, Record<string, unknown>>)) {
      assert.ok(schema.markdownDescription || schema.description, `${key} has no description`);
      assert.ok(schema.type, `${key} has no type`);
      assert.ok('default' in schema, `${key} has no default`);
    }
  });

  it('gives every setting a deliberate scope', () => {
    for (const [key, schema] of Object.entries(manifest.contributes.configuration.properties as Record<string, Record<string, unknown>>)) {
      assert.ok(typeof schema.scope === 'string', `${key} has no scope`);
    }
  });

  it('lets only the user\'s own settings decide where code and the key go', () => {
    const properties = manifest.contributes.configuration.properties as Record<string, { scope?: string }>;
    for (const key of USER_ONLY_SETTINGS) {
      assert.equal(properties[`promptComplete.${key}`]?.scope, 'application', `promptComplete.${key}`);
    }
    const restricted: string[] = manifest.capabilities.untrustedWorkspaces.restrictedConfigurations;
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    for (const key of USER_ONLY_SETTINGS) assert.ok(restricted.includes(`promptComplete.${key}`), `promptComplete.${key} is not restricted in untrusted workspaces`);
    assert.deepEqual(restricted.filter((key) => !(key in properties)), [], 'restricts settings that do not exist');
  });

  it('contributes exactly the commands the extension registers, each with a title in the Prompt Complete category', () => {
    const registered = Object.values(CommandIds).filter((id) => !HIDDEN_COMMANDS.includes(id));
    assert.deepEqual([...declaredCommands].sort(), [...registered].sort());
    for (const command of manifest.contributes.commands as { title: string; category: string }[]) {
      assert.equal(shown(command.category), 'Prompt Complete');
      assert.ok(shown(command.title));
    }
  });

  it('takes every text people read from package.nls.json, and every string there is used', () => {
    const references = new Set<string>();
    const visit = (value: unknown, where: string): void => {
      if (typeof value === 'string') {
        const reference = /^%(.+)%$/.exec(value);
        if (reference) references.add(reference[1]!);
      } else if (Array.isArray(value)) value.forEach((item, i) => visit(item, `${where}[${i}]`));
      else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) visit(item, `${where}.${key}`);
    };
    visit(manifest, 'package.json');
    assert.deepEqual([...references].filter((key) => !(key in nls)), [], 'referenced but missing from package.nls.json');
    assert.deepEqual(Object.keys(nls).filter((key) => !references.has(key)), [], 'in package.nls.json but never referenced');
    const properties = manifest.contributes.configuration.properties as Record<string, { markdownDescription?: string; enumDescriptions?: string[] }>;
    for (const [key, schema] of Object.entries(properties)) {
      assert.match(schema.markdownDescription ?? '', /^%.+%$/, `${key}'s description is not in package.nls.json`);
      for (const description of schema.enumDescriptions ?? []) assert.match(description, /^%.+%$/, `${key}'s choices are not in package.nls.json`);
    }
    for (const command of manifest.contributes.commands as { title: string }[]) assert.match(command.title, /^%.+%$/);
    assert.match(manifest.displayName, /^%.+%$/);
    assert.match(manifest.description, /^%.+%$/);
    // Anywhere in the manifest (the Restricted Mode description, walkthroughs, views…), VS Code shows these.
    const literal: string[] = [];
    const find = (value: unknown, key: string, where: string): void => {
      if (typeof value === 'string') {
        if (READ_KEYS.includes(key) && !/^%.+%$/.test(value)) literal.push(where);
      } else if (Array.isArray(value)) value.forEach((item, i) => find(item, key, `${where}[${i}]`));
      else if (value && typeof value === 'object') for (const [name, item] of Object.entries(value)) find(item, name, `${where}.${name}`);
    };
    find(manifest, '', 'package.json');
    assert.deepEqual(literal, [], 'not in package.nls.json');
  });

  it('binds Alt+\\ to ask for a suggestion in a writable editor (VS Code has no key for it by default)', () => {
    const bindings = manifest.contributes.keybindings as { command: string; key: string; mac?: string; when: string }[];
    const trigger = bindings.find((b) => b.command === 'editor.action.inlineSuggest.trigger');
    assert.equal(trigger?.key, 'alt+\\');
    assert.match(trigger.when, /editorTextFocus/);
    assert.match(trigger.when, /!editorReadonly/);
  });

  it('binds accepting the next word and the next line only while a suggestion shows in a writable editor', () => {
    const bindings = manifest.contributes.keybindings as { command: string; key: string; mac?: string; when: string }[];
    for (const command of ['editor.action.inlineSuggest.acceptNextWord', 'editor.action.inlineSuggest.acceptNextLine']) {
      const binding = bindings.find((b) => b.command === command);
      assert.ok(binding, `${command} has a key`);
      assert.ok(binding.mac, `${command} has a macOS key`);
      assert.match(binding.when, /\binlineSuggestionVisible\b/);
      assert.match(binding.when, /!editorReadonly/);
    }
  });

  it('targets the VS Code version the tests run, with matching type definitions', () => {
    assert.equal(manifest.engines.vscode, '^1.100.0');
    assert.match(manifest.devDependencies['@types/vscode'], /1\.100\./);
  });
});
