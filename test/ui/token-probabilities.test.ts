import * as assert from 'node:assert/strict';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { answers } from '../support/fake-server';
import { runCommand } from './support/commands';
import { openFile, pressKeys, waitForEditorText } from './support/editor';
import { serverSettings, useFakeServer } from './support/fake-server';
import { webviewFrame } from './support/webview';
import { screenshot, useWorkbench } from './support/workbench';

const ln = Math.log;
const LINE = 'The quick brown fox';

/** Presses a key and waits until `focused` (a locator ending in `:focus`) finds the element that should then have the focus. */
async function pressAndExpectFocus(page: Page, key: string, focused: Locator): Promise<void> {
  await page.keyboard.press(key);
  await focused.waitFor({ timeout: 5000 })
    .catch(() => { throw new Error(`after ${key}, the keyboard focus is not on ${focused}`); });
}

/** The token spans of the view, as [text, probability label] pairs. */
async function tokensShown(view: FrameLocator): Promise<string[][]> {
  return view.locator('.tokens .token').evaluateAll((spans) =>
    spans.map((span) => [span.textContent ?? '', span.getAttribute('data-probability') ?? '']));
}

describe('Token Probabilities by keyboard', () => {
  const server = useFakeServer();
  const workbench = useWorkbench(() => ({
    settings: {
      ...serverSettings(server(), 'fake-model'),
      'promptComplete.logprobs': 2,
      'promptComplete.inline.enabled': false,
    },
    files: { 'story.md': `# Story\n\n${LINE}\n` },
  }));

  it('shows each token with its probability, and a keyboard user can branch from an alternative and put it in the editor', async () => {
    const { page } = workbench();
    await openFile(page, 'story.md');
    await pressKeys(page, 'Control+Home', 'ArrowDown', 'ArrowDown', 'Home', 'Shift+End');
    server().script(answers.tokens([
      { text: ' jumps', logprob: ln(0.9) },
      { text: ' over', logprob: ln(0.6), top: { ' under': ln(0.3), ' past': ln(0.05) } },
      { text: ' the', logprob: ln(0.2), top: { ' a': ln(0.5) } },
      { text: ' dog', logprob: ln(0.75) },
    ]));
    await runCommand(page, 'Prompt Complete: Complete Selection');
    await waitForEditorText(page, (text) => text.includes(`${LINE} jumps over the dog`));

    await runCommand(page, 'Prompt Complete: Show Token Probabilities');
    const view = webviewFrame(page);
    await view.locator('.tokens .token').first().waitFor({ timeout: 20_000 });
    assert.deepEqual(await tokensShown(view), [[' jumps', '90%'], [' over', '60%'], [' the', '20%'], [' dog', '75%']]);
    assert.match(await view.locator('#confidence').textContent() ?? '', /61%/, 'the mean of 90, 60, 20 and 75%');
    await screenshot(page, 'ui-token-probabilities');

    // Keyboard only from here: into the token strip, to ' over', its alternatives, ' under'.
    await view.locator('.token[data-index="0"]').focus();
    await pressAndExpectFocus(page, 'ArrowRight', view.locator('.token[data-index="1"]:focus'));
    const under = view.locator('#details .alternative:focus', { hasText: 'under' });
    const past = view.locator('#details .alternative:focus', { hasText: 'past' });
    await pressAndExpectFocus(page, 'Enter', under);
    const percents = await view.locator('#details .percent').allTextContents();
    assert.deepEqual(percents.map((p) => p.trim()), ['60% ✓', '30%', '5.0%']);
    await pressAndExpectFocus(page, 'ArrowDown', past);
    await pressAndExpectFocus(page, 'ArrowUp', under);
    await screenshot(page, 'ui-token-probabilities-alternatives');

    const before = server().requests.length;
    server().script(answers.tokens([
      { text: ' the', logprob: ln(0.8) },
      { text: ' fence', logprob: ln(0.5) },
    ]));
    await page.keyboard.press('Enter');
    const branchRequest = await server().waitForRequestWhere((r) => r.index > before && r.path.endsWith('/completions'));
    assert.ok(String(branchRequest.body.prompt).endsWith(`${LINE} jumps under`),
      `the branch prompt ends with the text before the token and the alternative: ${JSON.stringify(branchRequest.body.prompt)}`);

    const branchText = view.locator('#branch-text');
    await branchText.filter({ hasText: 'under the fence' }).waitFor();
    assert.equal(await branchText.textContent(), ' jumps under the fence');
    const insert = view.locator('#branch .branch-actions button');
    await insert.and(view.locator('button:enabled')).waitFor();
    assert.match(await insert.textContent() ?? '', /Replace the completion from this token on in story\.md/);
    await screenshot(page, 'ui-token-probabilities-branch');

    // The branch that has just arrived takes the focus, so Enter inserts it.
    await view.locator('#branch .branch-actions button:focus').waitFor({ timeout: 5000 })
      .catch(() => { throw new Error('the focus did not move to the branch\'s button when the branch arrived'); });
    await page.keyboard.press('Enter');
    const text = await waitForEditorText(page, (current) => current.includes('under the fence'));
    assert.ok(text.includes(`${LINE} jumps under the fence`), text);
    assert.doesNotMatch(text, /over|dog/);
    await insert.filter({ hasText: 'Inserted' }).waitFor();
    await view.locator('#branch :focus').waitFor({ timeout: 5000 })
      .catch(() => { throw new Error('after Insert the keyboard focus left the branch'); });
    await screenshot(page, 'ui-token-probabilities-inserted');
  });
});
