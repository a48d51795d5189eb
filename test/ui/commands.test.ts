import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { answers } from '../support/fake-server';
import { closeQuickInput, pickQuickPickItem, quickPickLabels, runCommand } from './support/commands';
import { openFile, pressKeys, readEditorText, waitForEditorText } from './support/editor';
import { serverSettings, useFakeServer } from './support/fake-server';
import { EXTENSION_ID, screenshot, useWorkbench } from './support/workbench';

async function clickStatusBarItem(page: Page): Promise<void> {
  await page.locator(`.statusbar-item[id^="${EXTENSION_ID}."]`).first().click();
}

describe('Commands from the palette and the status bar', () => {
  const server = useFakeServer({ models: ['small-coder', 'large-coder'], defaultAnswer: answers.text('done') });
  const settings = () => ({
    'promptComplete.serverUrl': server().baseUrl,
    'promptComplete.inline.enabled': false,
  });
  const workbench = useWorkbench(() => ({
    settings: settings(),
    files: { 'notes.md': 'The plan:\n' },
  }));

  it('Select Model lists the server\'s models and the next request uses the one chosen', async () => {
    const { page } = workbench();
    await runCommand(page, 'Prompt Complete: Select Model');
    const labels = await quickPickLabels(page);
    await screenshot(page, 'ui-select-model');
    assert.ok(labels.includes('small-coder') && labels.includes('large-coder'), labels.join(', '));
    await pickQuickPickItem(page, 'large-coder');
    await openFile(page, 'notes.md');
    await pressKeys(page, 'Control+End');
    const before = server().requests.filter((r) => r.path === '/v1/completions').length;
    server().script(answers.text(' step one'));
    await runCommand(page, 'Prompt Complete: Complete Selection');
    await waitForEditorText(page, (text) => text.includes('step one'));
    await page.locator('.notification-toast', { hasText: 'completing' }).waitFor({ state: 'detached', timeout: 5000 })
      .catch(async (err: Error) => { await screenshot(page, 'ui-progress-stuck'); throw new Error(`the progress notification stayed: ${err.message}`); });
    const completions = server().requests.filter((r) => r.path === '/v1/completions');
    assert.equal(completions.length, before + 1);
    assert.equal(completions[completions.length - 1].body.model, 'large-coder');
  });

  it('the status bar item opens a menu with the actions', async () => {
    const { page } = workbench();
    await clickStatusBarItem(page);
    const labels = await quickPickLabels(page);
    await screenshot(page, 'ui-status-menu');
    await closeQuickInput(page);
    for (const action of ['Snooze…', 'Set API Key…', 'Select Model…', 'Show Log']) {
      assert.ok(labels.some((label) => label.includes(action)), `${action} in ${labels.join(' | ')}`);
    }
  });

  it('Complete Selection can be cancelled from its notification: what arrived stays, the request stops', async () => {
    const { page } = workbench();
    await openFile(page, 'notes.md');
    await pressKeys(page, 'Control+End');
    const start = await readEditorText(page);
    const words = Array.from({ length: 60 }, (_, i) => ` word${i}`).join('');
    server().script(answers.text(words, { chunkDelayMs: 150 }));
    const before = server().requests.length;
    await runCommand(page, 'Prompt Complete: Complete Selection');
    const request = await server().waitForRequest(before + 1);
    await waitForEditorText(page, (text) => text.includes('word2'));
    const cancel = page.locator('.notification-toast', { hasText: 'completing' }).locator('.monaco-button', { hasText: 'Cancel' });
    await screenshot(page, 'ui-complete-selection-streaming');
    await cancel.click();
    assert.equal(await request.ended, 'aborted', 'the connection closed');
    const text = await readEditorText(page);
    assert.ok(text.startsWith(start.trimEnd()), 'the original text is intact');
    assert.match(text, /word2/);
    assert.doesNotMatch(text, /word59/);
  });
});

describe('Complete Selection with several candidates', () => {
  const server = useFakeServer({ models: ['small-coder'] });
  const candidatesWorkbench = useWorkbench(() => ({
    settings: {
      ...serverSettings(server(), 'small-coder'),
      'promptComplete.n': 3,
      'promptComplete.inline.enabled': false,
    },
    files: { 'notes.md': 'The plan:\n' },
  }));

  it('with n > 1, Complete Selection offers the candidates in a list and inserts the one chosen', async () => {
    const { page } = candidatesWorkbench();
    server().script(answers.choices([' alpha plan', ' beta plan', ' gamma plan']));
    await openFile(page, 'notes.md');
    await pressKeys(page, 'Control+End');
    await runCommand(page, 'Prompt Complete: Complete Selection');
    const labels = await quickPickLabels(page);
    await screenshot(page, 'ui-complete-selection-candidates');
    assert.deepEqual(labels.map((label) => label.replace(/^\d+\. /, '')), ['alpha plan', 'beta plan', 'gamma plan']);
    await pickQuickPickItem(page, 'beta plan');
    const text = await waitForEditorText(page, (current) => current.includes('beta plan'));
    assert.doesNotMatch(text, /alpha plan|gamma plan/);
  });
});
