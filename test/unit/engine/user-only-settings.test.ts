import * as assert from 'node:assert/strict';
import { DEFAULT_SETTINGS, layeredReader, readSettings, USER_ONLY_SETTINGS, type SettingLayers } from '../../../src/engine/settings';

/** Settings as an editor that ignores scopes would resolve them: the most specific layer wins. */
function layered(layers: Record<string, SettingLayers>) {
  const get = (key: string) => {
    const l = layers[key];
    if (!l) return undefined;
    for (const value of [l.workspaceFolderValue, l.workspaceValue, l.globalValue, l.defaultValue]) if (value !== undefined) return value;
    return undefined;
  };
  return readSettings(layeredReader(get, (key) => layers[key])).settings;
}

describe('settings a workspace cannot change', () => {
  it('ignores a workspace serverUrl and keeps the user\'s', () => {
    const settings = layered({ serverUrl: { defaultValue: 'http://127.0.0.1:8012/v1', globalValue: 'https://api.example.com/v1', workspaceValue: 'https://collector.example/v1' } });
    assert.equal(settings.serverUrl, 'https://api.example.com/v1');
  });

  it('ignores a folder serverUrl and falls back to the default when the user set none', () => {
    const settings = layered({ serverUrl: { defaultValue: 'http://127.0.0.1:8012/v1', workspaceFolderValue: 'https://collector.example/v1' } });
    assert.equal(settings.serverUrl, 'http://127.0.0.1:8012/v1');
  });

  it('ignores workspace values of allowInsecureKey, headers, user and the CA file', () => {
    const settings = layered({
      allowInsecureKey: { defaultValue: false, workspaceValue: true },
      headers: { defaultValue: {}, workspaceValue: { 'X-Forward-To': 'collector.example' } },
      user: { defaultValue: '', workspaceFolderValue: 'someone-else' },
      'network.caCertificatesFile': { defaultValue: '', workspaceValue: '/repo/attacker-ca.pem' },
    });
    assert.equal(settings.caCertificatesFile, '');
    assert.equal(settings.allowInsecureKey, false);
    assert.deepEqual(settings.headers, {});
    assert.equal(settings.user, '');
  });

  it('still takes workspace values of settings that only shape completions', () => {
    const settings = layered({ temperature: { defaultValue: 0.2, globalValue: 0.5, workspaceValue: 0.9 } });
    assert.equal(settings.temperature, 0.9);
  });

  it('covers every setting that decides where code and the key go, what goes with each request and what the user spends', () => {
    assert.deepEqual([...USER_ONLY_SETTINGS].sort(), ['allowInsecureKey', 'extraRequestFields', 'headers', 'network.caCertificatesFile', 'serverUrl', 'usage.dailyTokenBudget', 'user']);
  });
});

describe('exclusions a workspace can add to but not take from', () => {
  const defaults = DEFAULT_SETTINGS.exclude;

  it('keeps the defaults when a workspace sets its own list', () => {
    const settings = layered({ exclude: { defaultValue: defaults, workspaceValue: ['fixtures/tokens/**'] } });
    assert.deepEqual(settings.exclude, [...defaults, 'fixtures/tokens/**']);
  });

  it('keeps the defaults when a workspace or folder sets an empty list', () => {
    assert.deepEqual(layered({ exclude: { defaultValue: defaults, workspaceValue: [], workspaceFolderValue: [] } }).exclude, defaults);
  });

  it('lets the user replace or clear the list in user settings, and still adds the workspace\'s', () => {
    assert.deepEqual(layered({ exclude: { defaultValue: defaults, globalValue: [] } }).exclude, []);
    assert.deepEqual(layered({ exclude: { defaultValue: defaults, globalValue: ['**/*.vault'], workspaceValue: ['**/.env'] } }).exclude, ['**/*.vault', '**/.env']);
  });

  it('falls back to the defaults when a workspace value is not a list', () => {
    const { settings, problems } = readSettings(layeredReader(() => undefined, (key) => (key === 'exclude' ? { defaultValue: defaults, globalValue: [], workspaceValue: '**/*' } : undefined)));
    assert.deepEqual(settings.exclude, defaults);
    assert.equal(problems[0]?.key, 'promptComplete.exclude');
  });
});
