import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, type Browser } from '../launchers/browser';
import { startGroupProcess, type GroupProcess } from '../launchers/processes';
import { cloneRepository, type FreshCheckout } from '../start/fresh-checkout';
import { processTree, survivors } from '../start/process-tree';
import { openFile, pressKeys, typeInEditor, waitForGhostText } from './support/editor';
import { EXTENSION_ID, screenshot } from './support/workbench';

/** The README's first command after `npm install` (which the fresh checkout reuses, see cloneRepository). */
const START_COMMAND = ['npm', 'start'];
const READY_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 20_000;

describe('npm start on a fresh checkout', () => {
  let checkout: FreshCheckout;
  let start: GroupProcess;
  let workbenchUrl: string;
  let browser: Browser | undefined;
  let page: Page;

  before(async function () {
    this.timeout(READY_TIMEOUT_MS + 60_000);
    checkout = cloneRepository();
    const [command, ...args] = START_COMMAND;
    start = startGroupProcess(command, args, { name: 'npm start', cwd: checkout.dir });
    workbenchUrl = (await start.waitForOutput(/Open in your browser:\s+(http:\/\/127\.0\.0\.1:\d+\/\S*)/, READY_TIMEOUT_MS))[1];
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') {
      console.log(`      npm start output:\n${start?.output().replace(/^/gm, '        ')}`);
      if (page) await screenshot(page, `failed-${this.currentTest.fullTitle()}`).catch(() => undefined);
      if (checkout) console.log(`      extension log:\n${extensionLogIn(checkout.dir).replace(/^/gm, '        ')}`);
    }
  });

  after(async () => {
    await browser?.close();
    await start?.stop();
    checkout?.remove();
  });

  it('prints the URL of a workbench on a copy of the sample workspace, with the extension pointed at its local server', async () => {
    const localServerUrl = start.output().match(/Local server:\s+(http:\/\/127\.0\.0\.1:\d+\/v1)/)?.[1];
    assert.ok(localServerUrl, `no local server line in:\n${start.output()}`);
    const folder = new URL(workbenchUrl).searchParams.get('folder') ?? '';
    assert.ok(fs.existsSync(path.join(folder, 'src', 'inventory.ts')), `the opened folder ${folder} lacks the sample files`);
    assert.ok(folder.startsWith(path.join(checkout.dir, '.tools')), `the opened folder ${folder} is not the checkout's own copy`);
    const settingsFile = path.join(checkout.dir, '.tools', 'start-profile', 'code-server', 'user-data', 'User', 'settings.json');
    const settings = JSON.parse(fs.readFileSync(settingsFile, 'utf8')) as Record<string, unknown>;
    assert.equal(settings['promptComplete.serverUrl'], localServerUrl);
    const models = await fetch(`${localServerUrl}/models`).then((response) => response.json()) as { data: { id: string }[] };
    assert.equal(models.data[0]?.id, 'prompt-complete-bigram');
  });

  it('shows ghost text from the local model while typing in a sample file', async () => {
    browser = await launchBrowser();
    page = await browser.context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(workbenchUrl);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator(`.statusbar-item[id^="${EXTENSION_ID}."]`).first().waitFor({ timeout: 60_000 });
    // The start profile opens the workspace's README at startup; it would take the focus from a file
    // opened before it.
    await page.locator('.tabs-container .tab', { hasText: 'README.md' }).first().waitFor({ timeout: 60_000 });
    await openFile(page, 'src/inventory.ts');
    await typeInEditor(page, '');
    await pressKeys(page, 'Control+End');
    await typeInEditor(page, 'export function ');
    const ghost = await waitForGhostText(page, 20_000);
    assert.ok(ghost.trim().length > 0, 'the ghost text is empty');
    await browser.close();
    browser = undefined;
  });

  it('stops every process it started on Ctrl+C', async () => {
    const { pids, groups } = processTree(start.pid);
    assert.ok(pids.size >= 4, `expected npm, the start script, the local server and code-server; found pids ${[...pids].join(', ')}`);
    process.kill(-start.pid, 'SIGINT'); // what a terminal's Ctrl+C does: the whole foreground group
    const exit = await Promise.race([start.exited, new Promise((resolve) => setTimeout(resolve, STOP_TIMEOUT_MS, 'still running').unref())]);
    assert.notEqual(exit, 'still running', `npm start did not exit within ${STOP_TIMEOUT_MS / 1000} s of Ctrl+C`);
    assert.match(start.output(), /Stopped: the local server and the editor are no longer running/);
    const deadline = Date.now() + STOP_TIMEOUT_MS;
    let left = survivors(pids, groups);
    while (left.length > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      left = survivors(pids, groups);
    }
    assert.deepEqual(left, [], `still running after Ctrl+C: ${left.join(', ')}`);
  });
});

/** The extension's own log in the checkout's start profile (VS Code writes it under the user-data folder). */
function extensionLogIn(checkoutDir: string): string {
  const logsDir = path.join(checkoutDir, '.tools', 'start-profile', 'code-server', 'user-data', 'logs');
  if (!fs.existsSync(logsDir)) return '(no logs folder)';
  const files = fs.readdirSync(logsDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.includes(EXTENSION_ID) && file.endsWith('.log'));
  return files.map((file) => fs.readFileSync(path.join(logsDir, file), 'utf8')).join('\n').split('\n').slice(-20).join('\n');
}
