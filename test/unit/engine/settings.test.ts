import * as assert from 'node:assert/strict';
import { answerFingerprint, DEFAULT_SETTINGS, readSettings } from '../../../src/engine/settings';

function read(values: Record<string, unknown>) {
  return readSettings((key) => values[key]);
}

describe('settings', () => {
  it('uses the defaults when nothing is set', () => {
    const { settings, problems } = read({});
    assert.deepEqual(settings, DEFAULT_SETTINGS);
    assert.deepEqual(problems, []);
  });

  it('agrees with the defaults that package.json declares', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const manifest = require('../../../../package.json');
    const properties = manifest.contributes.configuration.properties as Record<string, { default: unknown }>;
    const { settings } = readSettings((key) => properties[`promptComplete.${key}`]?.default);
    assert.deepEqual(settings, DEFAULT_SETTINGS);
  });

  it('keeps valid values', () => {
    const { settings, problems } = read({ serverUrl: 'https://api.example.com/v1/', maxTokens: 128, temperature: 0, n: 3, fim: 'template', fimTemplate: 'deepseek', stop: ['\n\n'] });
    assert.deepEqual(problems, []);
    assert.equal(settings.serverUrl, 'https://api.example.com/v1');
    assert.equal(settings.maxTokens, 128);
    assert.equal(settings.temperature, 0);
    assert.equal(settings.n, 3);
    assert.equal(settings.fim, 'template');
    assert.equal(settings.fimTemplate, 'deepseek');
    assert.deepEqual(settings.stop, ['\n\n']);
  });

  const invalid: [string, unknown][] = [
    ['serverUrl', 'not a url'],
    ['serverUrl', 'ftp://example.com/v1'],
    ['serverUrl', 'https://user:secret@example.com/v1'],
    ['maxTokens', -5],
    ['maxTokens', 2.5],
    ['maxTokens', '64'],
    ['temperature', 3],
    ['topP', Number.NaN],
    ['n', 0],
    ['stop', ['a', 'b', 'c', 'd', 'e']],
    ['stop', 'x'],
    ['fim', 'sometimes'],
    ['fimTemplate', 'gpt'],
    ['inline.enabled', 'yes'],
    ['headers', { Authorization: 'Bearer x' }],
    ['headers', { 'bad name': 'v' }],
    ['headers', { 'X-Ok': 'line\r\nInjected: 1' }],
    ['context.maxPrefixChars', 5],
    ['inline.trigger', 'sometimes'],
    ['usage.dailyTokenBudget', -1],
    ['usage.dailyTokenBudget', 1.5],
    ['extraRequestFields', ['cache_prompt']],
    ['extraRequestFields', { max_tokens: 9999 }],
    ['extraRequestFields', { api_key: 'sk-x' }],
    ['fimCustomTemplate', { prefix: '<P>' }],
    ['fimCustomTemplate', { prefix: '<P>', suffix: '<S>', stop: ['a', 'b', 'c', 'd', 'e'] }],
    ['fimCustomTemplate', { prefix: '<P>', suffix: '<S>', order: 'middle-first' }],
    ['fimCustomTemplate', { prefix: '<P>', suffix: '<S>', prefx: 'typo' }],
    ['fimCustomTemplate', 'not an object'],
  ];
  for (const [key, value] of invalid) {
    it(`falls back to the default and says why for ${key} = ${JSON.stringify(value)}`, () => {
      const { settings, problems } = read({ [key]: value });
      assert.equal(problems.length, 1);
      assert.equal(problems[0].key, `promptComplete.${key}`);
      assert.match(problems[0].message, /using/);
      assert.deepEqual(settings, DEFAULT_SETTINGS);
    });
  }

  it('reads a custom template with its defaults for middle, order and stop', () => {
    const { settings, problems } = read({ fimTemplate: 'custom', fimCustomTemplate: { prefix: '<P>', suffix: '<S>' } });
    assert.deepEqual(problems, []);
    assert.equal(settings.fimTemplate, 'custom');
    assert.deepEqual(settings.fimCustomTemplate, { prefix: '<P>', suffix: '<S>', middle: '', order: 'prefix-first', stop: [] });
  });

  it('falls back to auto and says why when fimTemplate is custom but no custom template is set', () => {
    const { settings, problems } = read({ fimTemplate: 'custom' });
    assert.equal(settings.fimTemplate, 'auto');
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /fimCustomTemplate/);
  });

  it('keeps valid extra request fields, manual trigger and a daily budget', () => {
    const { settings, problems } = read({ extraRequestFields: { cache_prompt: true }, 'inline.trigger': 'manual', 'usage.dailyTokenBudget': 50000 });
    assert.deepEqual(problems, []);
    assert.deepEqual(settings.extraRequestFields, { cache_prompt: true });
    assert.equal(settings.inlineTrigger, 'manual');
    assert.equal(settings.dailyTokenBudget, 50000);
  });

  it('never repeats a rejected header value in its message', () => {
    const { problems } = read({ headers: { Authorization: 'Bearer sk-secret-value' } });
    assert.doesNotMatch(problems[0].message, /sk-secret-value/);
  });
});

describe('answer fingerprint', () => {
  it('changes when a setting that shapes answers changes', () => {
    const base = readSettings(() => undefined).settings;
    assert.notEqual(answerFingerprint(base), answerFingerprint({ ...base, model: 'other' }));
    assert.notEqual(answerFingerprint(base), answerFingerprint({ ...base, temperature: 0.9 }));
    assert.notEqual(answerFingerprint(base), answerFingerprint({ ...base, serverUrl: 'https://elsewhere/v1' }));
  });

  it('changes when the custom template or the extra request fields change', () => {
    const base = readSettings(() => undefined).settings;
    assert.notEqual(answerFingerprint(base), answerFingerprint({ ...base, extraRequestFields: { top_k: 1 } }));
    assert.notEqual(answerFingerprint(base), answerFingerprint({ ...base, fimCustomTemplate: { prefix: 'a', suffix: 'b', middle: '', order: 'prefix-first', stop: [] } }));
  });

  it('stays the same when only the debounce or the switches change', () => {
    const base = readSettings(() => undefined).settings;
    assert.equal(answerFingerprint(base), answerFingerprint({ ...base, debounceMs: 10, inlineEnabled: false, inlineTrigger: 'manual', dailyTokenBudget: 5, prefetch: 'off', disabledLanguages: [] }));
  });
});
