import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { answers, type ScriptedToken } from '../support/fake-server';
import { repoRoot } from '../support/paths';
import { runCommand } from './support/commands';
import { openFile, pressKeys, readGhostBlock, typeInEditor, waitForEditorText, waitForGhostText } from './support/editor';
import { serverSettings, useFakeServer } from './support/fake-server';
import { screenshot, SUGGESTION_LIST_OFF, useWorkbench } from './support/workbench';

const ln = Math.log;
const THEMES = [
  { name: 'light', id: 'Default Light Modern' },
  { name: 'dark', id: 'Default Dark Modern' },
];

/** The rest of the loop, with the model unsure of `.price` (20%): the ghost text stops before it. */
const LOOP: ScriptedToken[] = [
  { text: ' item', logprob: ln(0.93) },
  { text: ' in', logprob: ln(0.99) },
  { text: ' items', logprob: ln(0.9) },
  { text: ':\n', logprob: ln(0.97) },
  { text: '        result', logprob: ln(0.85) },
  { text: ' +=', logprob: ln(0.9) },
  { text: ' item', logprob: ln(0.88) },
  { text: '.price', logprob: ln(0.2), top: { '.cost': ln(0.45) } },
  { text: ' *', logprob: ln(0.6) },
  { text: ' item', logprob: ln(0.9) },
  { text: '.quantity\n', logprob: ln(0.5) },
];

// A file the built-in model never trained on, with one slip.
const INVENTORY = fs.readFileSync(path.join(repoRoot, 'bench', 'typing', 'files', 'inventory.py'), 'utf8').replace('return', 'retrun');
/** Where the slip is, 1-based as Go to Line/Column takes it. */
const SLIP = (() => {
  const before = INVENTORY.slice(0, INVENTORY.indexOf('retrun'));
  return { line: before.split('\n').length, column: before.length - before.lastIndexOf('\n') };
})();

/** The whole ghost block once it reads `expected` (a block may show its first line first), or as it is at the deadline. */
async function ghostTextBecomes(page: Page, expected: string, timeoutMs = 15_000): Promise<string> {
  await waitForGhostText(page, timeoutMs);
  const deadline = Date.now() + timeoutMs;
  let ghost = await readGhostBlock(page);
  while (ghost !== expected && Date.now() < deadline) {
    await page.waitForTimeout(50);
    ghost = await readGhostBlock(page);
  }
  return ghost;
}

/** Waits until the element and everything in it have finished animating (a hover fades in). */
async function animationsFinished(locator: Locator, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const running = await locator.evaluate((element) => element.getAnimations({ subtree: true }).some((animation: { playState: string }) => animation.playState === 'running'));
    if (!running) return;
    if (Date.now() > deadline) throw new Error(`still animating after ${timeoutMs} ms`);
    await locator.page().waitForTimeout(20);
  }
}

for (const theme of THEMES) {
  describe(`Trimmed ghost text (${theme.name} theme)`, () => {
    const server = useFakeServer({ defaultAnswer: answers.tokens(LOOP) });
    const workbench = useWorkbench(() => ({
      settings: {
        'workbench.colorTheme': theme.id,
        ...serverSettings(server(), 'fake-model'),
        'promptComplete.inline.debounceMs': 0,
        ...SUGGESTION_LIST_OFF,
      },
      files: { 'cart.py': 'def total(items):\n    result = 0\n    \n    return result\n' },
    }));

    it('shows the suggestion up to the token the model doubted, and Tab takes just that', async () => {
      const { page } = workbench();
      await openFile(page, 'cart.py');
      await pressKeys(page, 'Control+Home', 'ArrowDown', 'ArrowDown', 'End');
      await typeInEditor(page, 'for');
      await server().waitForRequestWhere((request) => String(request.body?.prompt).endsWith('    for'));
      const ghost = await ghostTextBecomes(page, ' item in items:\n        result += item');
      await screenshot(page, `probabilities-trimmed-ghost-text-${theme.name}`);
      assert.equal(ghost, ' item in items:\n        result += item');
      await pressKeys(page, 'Tab');
      const text = await waitForEditorText(page, (current) => current.includes('result += item'));
      assert.equal(text.split('\n').slice(2, 4).join('\n'), '    for item in items:\n        result += item');
    });
  });

  describe(`Check Unlikely Code with the local model (${theme.name} theme)`, () => {
    const localServerUrl = process.env.PROMPT_COMPLETE_LOCAL_SERVER_URL;
    const workbench = useWorkbench(() => {
      if (!localServerUrl) throw new Error('the runner started no local server (PROMPT_COMPLETE_LOCAL_SERVER_URL is unset)');
      return {
        settings: { 'workbench.colorTheme': theme.id, 'promptComplete.serverUrl': localServerUrl, 'promptComplete.inline.enabled': false },
        files: { 'inventory.py': INVENTORY },
      };
    });

    it('marks the slip; its hover gives the probabilities and the quick fix puts the file\'s word back', async () => {
      const { page } = workbench();
      await openFile(page, 'inventory.py');
      await runCommand(page, 'Prompt Complete: Check Unlikely Code');
      await page.locator('.monaco-editor .squiggly-info').first().waitFor({ timeout: 30_000 });
      // Put the cursor inside the slip (Go to Line/Column, so nothing is selected over the underline), then show the hover there.
      await pressKeys(page, 'Control+g');
      await page.keyboard.type(`${SLIP.line}:${SLIP.column + 2}`);
      await pressKeys(page, 'Enter');
      await runCommand(page, 'Show or Focus Hover');
      const hover = page.locator('.monaco-hover').filter({ hasText: 'Likely slip' }).first();
      await hover.filter({ hasText: 'Quick Fix' }).waitFor({ timeout: 10_000 });
      await animationsFinished(hover);
      const hoverText = (await hover.textContent()) ?? '';
      await screenshot(page, `probabilities-unlikely-code-hover-${theme.name}`);
      assert.match(hoverText, /Likely slip: "retrun" occurs only here, and this file uses "return"\. ".+" has probability [<0-9.]+%; the model expected /);
      await pressKeys(page, 'Escape', 'Control+.');
      const fix = page.locator('.action-widget').getByText('Replace "retrun" with "return" (used elsewhere in this file)');
      await fix.waitFor({ timeout: 10_000 });
      await animationsFinished(page.locator('.action-widget').first());
      await screenshot(page, `probabilities-unlikely-code-quick-fix-${theme.name}`);
      // The preferred fix is the first, and selected: Enter applies it.
      await pressKeys(page, 'Enter');
      const fixed = await waitForEditorText(page, (text) => !text.includes('retrun'));
      assert.ok(fixed.includes('return self.quantity <= self.reorder_level'), fixed);
    });
  });
}
