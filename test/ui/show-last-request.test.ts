import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { answers } from '../support/fake-server';
import { runCommand } from './support/commands';
import { openFile, pressKeys, typeInEditor, waitForIdle } from './support/editor';
import { serverSettings, useFakeServer } from './support/fake-server';
import { screenshot, useWorkbench } from './support/workbench';

/** The visible text of the editor in the active editor group. */
async function activeGroupText(page: Page): Promise<string> {
  const lines = await page.locator('.editor-group-container.active .monaco-editor .view-lines .view-line').evaluateAll((elements) =>
    elements
      .map((element) => ({ top: Number(/top:\s*(-?[\d.]+)px/.exec(element.getAttribute('style') ?? '')?.[1] ?? 0), text: element.textContent ?? '' }))
      .sort((a, b) => a.top - b.top)
      .map((line) => line.text));
  return lines.join('\n').replace(/\u00a0/g, ' ');
}

describe('Show Last Request', () => {
  const server = useFakeServer({ defaultAnswer: answers.text('') });
  const workbench = useWorkbench(() => ({
    settings: {
      ...serverSettings(server(), 'test-model'),
      'promptComplete.fim': 'suffix',
      'promptComplete.inline.debounceMs': 0,
      'promptComplete.headers': { 'x-team-token': 'team-secret-value' },
      'editor.quickSuggestions': { other: 'off', comments: 'off', strings: 'off' },
    },
    files: {
      'src/tax.py': 'VAT_RATE = 0.2\n\n\ndef vat(amount):\n    return amount * VAT_RATE\n',
      'src/report.py': 'from tax import vat\n\n\ndef total(amount):\n    return amount + ',
    },
    viewport: { width: 1600, height: 1000 },
  }));

  it('opens the exact last request as a read-only document that lists where each context snippet came from', async () => {
    const { page } = workbench();
    await openFile(page, 'src/tax.py');
    await openFile(page, 'src/report.py');
    await pressKeys(page, 'Control+End');
    await typeInEditor(page, 'v');
    const request = await server().waitForRequestWhere((r) => String(r.body?.prompt ?? '').includes('VAT_RATE = 0.2') && String(r.body.prompt).endsWith('amount + v'), 20_000);
    await runCommand(page, 'Prompt Complete: Show Last Request');
    await page.locator('.tabs-container .tab.active', { hasText: 'Last Request' }).waitFor();
    await waitForIdle(page);
    const text = await activeGroupText(page);
    await screenshot(page, 'ui-show-last-request');
    assert.match(text, /Prompt Complete: the last request sent/);
    assert.ok(text.includes(`To:      POST ${server().baseUrl}/completions`), text);
    assert.match(text, /x-team-token \(value not shown\)/);
    assert.doesNotMatch(text, /team-secret-value/);
    assert.match(text, /Current file: src\/report\.py \(python\)/);
    assert.match(text, /src\/tax\.py, lines 1-5: (recently viewed|open editor)/);
    assert.ok(String(request.body.prompt).startsWith('# src/tax.py\nVAT_RATE = 0.2'), 'the snippet heads the prompt sent');

    await typeInEditor(page, 'typed into it');
    assert.equal(await activeGroupText(page), text, 'the document is read-only');
  });
});
