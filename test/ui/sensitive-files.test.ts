import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { answers } from '../support/fake-server';
import { openFile, typeInEditor } from './support/editor';
import { serverSettings, useFakeServer } from './support/fake-server';
import { EXTENSION_ID, screenshot, useWorkbench } from './support/workbench';

/** Waits until the status bar item's accessible label (its tooltip) matches `pattern`; returns it. */
async function statusLabel(page: Page, pattern: RegExp, timeoutMs = 10_000): Promise<string> {
  const item = page.locator(`.statusbar-item[id^="${EXTENSION_ID}."]`).first();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const label = (await item.getAttribute('aria-label')) ?? '';
    if (pattern.test(label)) return label;
    if (Date.now() > deadline) throw new Error(`the status bar reads ${JSON.stringify(label)}`);
    await page.waitForTimeout(50);
  }
}

describe('A sensitive file in the editor', () => {
  const server = useFakeServer({ defaultAnswer: answers.text('value') });
  const workbench = useWorkbench(() => ({
    settings: { ...serverSettings(server(), 'test-model'), 'promptComplete.inline.debounceMs': 0 },
    files: { '.env': 'API_KEY=\n', 'app.js': 'const x = \n' },
  }));

  it('shows in the status bar that nothing of it is sent, and why; typing in it sends nothing', async () => {
    const { page } = workbench();
    await openFile(page, '.env');
    const label = await statusLabel(page, /off for this file/);
    await screenshot(page, 'ui-sensitive-file-status');
    assert.match(label, /matches \*\*\/\.env \(promptComplete\.exclude\)/);
    await typeInEditor(page, 'abc');
    await openFile(page, 'app.js');
    await statusLabel(page, /ready/);
    assert.equal(server().requests.filter((request) => request.path === '/v1/completions').length, 0, 'a request was sent while typing in .env');
  });
});
