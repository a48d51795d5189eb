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

  it('stays the same when only the debounce or the switches change', () => {
    const base = readSettings(() => undefined).settings;
    assert.equal(answerFingerprint(base), answerFingerprint({ ...base, debounceMs: 10, inlineEnabled: false, prefetch: 'off', disabledLanguages: [] }));
  });
});
