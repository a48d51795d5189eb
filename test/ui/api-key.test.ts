import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { answers } from '../support/fake-server';
import { runCommand, setApiKeyFromPalette } from './support/commands';
import { openFile, pressKeys, typeInEditor, waitForGhostText } from './support/editor';
import { serverSettings, useFakeServer } from './support/fake-server';
import { EXTENSION_ID, extensionLog, screenshot, useWorkbench } from './support/workbench';

const KEY = 'sk-ui-test-4f9a2c7e1b';


/** Every file under `dir` whose text contains `needle`. */
function filesContaining(dir: string, needle: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((file) => path.join(dir, file))
    .filter((file) => fs.statSync(file).isFile() && fs.statSync(file).size < 10_000_000 && fs.readFileSync(file, 'latin1').includes(needle));
}

async function statusBarLabel(page: Page): Promise<string> {
  const item = page.locator(`.statusbar-item[id^="${EXTENSION_ID}."]`).first();
  return (await item.getAttribute('aria-label')) ?? (await item.textContent()) ?? '';
}

async function waitForStatus(page: Page, pattern: RegExp, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const label = await statusBarLabel(page);
    if (pattern.test(label)) return label;
    if (Date.now() > deadline) throw new Error(`status bar still reads ${JSON.stringify(label)}`);
    await page.waitForTimeout(50);
  }
}

describe('The API key', () => {
  const server = useFakeServer({ defaultAnswer: answers.text('value;') });
  const settings = () => ({
    ...serverSettings(server(), 'fake-model'),
    'promptComplete.inline.prefetch': 'off',
  });
  const workbench = useWorkbench(() => ({ settings: settings(), files: { 'a.js': 'const x = \n' } }));

  it('is asked for in a password box, and then every request carries it as a Bearer token', async () => {
    const { page } = workbench();
    await runCommand(page, 'Prompt Complete: Set API Key');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    assert.equal(await input.getAttribute('type'), 'password');
    await input.fill(KEY);
    await screenshot(page, 'ui-set-api-key');
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await page.locator('.notification-toast', { hasText: 'API key saved' }).waitFor();
    await openFile(page, 'a.js');
    await pressKeys(page, 'Control+Home', 'End');
    const before = server().requests.length;
    await typeInEditor(page, 'y');
    // Ask explicitly too (Alt+\), so a busy machine's late automatic trigger cannot fail the test.
    await pressKeys(page, 'Alt+Backslash');
    const request = await server().waitForRequest(before + 1);
    assert.equal(request.headers.authorization, `Bearer ${KEY}`);
    await waitForGhostText(page);
  });

  it('is written to no settings file and no log', () => {
    const { profile } = workbench();
    assert.match(extensionLog(profile), /inline:/, 'the log records requests');
    assert.deepEqual(filesContaining(path.join(profile.userDataDir, 'User'), KEY).filter((f) => f.endsWith('.json')), []);
    assert.deepEqual(filesContaining(path.join(profile.userDataDir, 'logs'), KEY), []);
    assert.deepEqual(filesContaining(profile.workspaceDir, KEY), []);
  });

  it('is removed by Clear API Key: requests then carry no Authorization header', async () => {
    const { page } = workbench();
    await runCommand(page, 'Prompt Complete: Clear API Key');
    // The key is gone once the command says so; a key typed at before then may still be read.
    await page.locator('.notification-toast', { hasText: 'API key removed' }).waitFor();
    const before = server().requests.length;
    let request;
    const deadline = Date.now() + 15_000;
    // Settings reload asynchronously after the file changes: type until a request arrives.
    while (!request) {
      assert.ok(Date.now() < deadline, 'no request arrived');
      await typeInEditor(page, 'q');
      request = await server().waitForRequest(before + 1, 1000).catch(() => undefined);
    }
    assert.equal(request.headers.authorization, undefined);
  });
});

describe('An API key and a server on another machine over plain http', () => {
  const server = useFakeServer({ defaultAnswer: answers.text('never') });
  // 0.0.0.0 reaches this machine, but by a name that is not a loopback address.
  const workbench = useWorkbench(() => ({
    settings: { 'promptComplete.serverUrl': server().baseUrl.replace('127.0.0.1', '0.0.0.0'), 'promptComplete.model': 'fake-model' },
    files: { 'c.js': 'let z = \n' },
  }));

  it('keeps the key: no request is sent, and the status bar says why', async () => {
    const { page } = workbench();
    await setApiKeyFromPalette(page, KEY);
    await openFile(page, 'c.js');
    await pressKeys(page, 'Control+Home', 'End');
    await typeInEditor(page, 'q');
    await pressKeys(page, 'Alt+Backslash');
    const label = await waitForStatus(page, /not sent over plain http/);
    await screenshot(page, 'ui-status-insecure-key');
    assert.match(label, /allowInsecureKey/);
    assert.deepEqual(server().requests.map((r) => r.path), [], 'nothing reached the server');
  });
});

describe('A server that refuses the key', () => {
  const server = useFakeServer({ defaultAnswer: answers.jsonError(401, 'Incorrect API key provided', 'invalid_request_error') });
  const workbench = useWorkbench(() => ({
    settings: { ...serverSettings(server(), 'fake-model'), 'promptComplete.inline.debounceMs': 0 },
    files: { 'b.js': 'let y = \n' },
  }));

  it('asks once to set the key, not at every keystroke, and shows the reason in the status bar', async () => {
    const { page } = workbench();
    await openFile(page, 'b.js');
    await pressKeys(page, 'Control+Home', 'End');
    for (const letter of 'abcde') {
      const before = server().requests.length;
      await typeInEditor(page, letter);
      await server().waitForRequest(before + 1);
    }
    const label = await waitForStatus(page, /refused the API key/);
    assert.match(label, /401/);
    await screenshot(page, 'ui-401-status-and-prompt');
    await runCommand(page, 'Notifications: Show Notifications');
    const rows = page.locator('.notifications-center .notification-list-item', { hasText: 'refused the API key' });
    await rows.first().waitFor();
    assert.equal(await rows.count(), 1, 'one notification for five refused requests');
  });
});
