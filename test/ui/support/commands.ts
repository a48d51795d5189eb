import type { Locator, Page } from 'playwright-core';

const QUICK_INPUT = '.quick-input-widget';

/**
 * The visible rows of the quick input: VS Code keeps the rows of a closed quick pick in the page,
 * hidden, until the next one renders.
 */
function visibleRows(page: Page, hasText?: string): Locator {
  return page.locator(`${QUICK_INPUT} .quick-input-list .monaco-list-row`, { hasText }).filter({ visible: true });
}

/** Runs a command from the Command Palette by its title (e.g. 'Prompt Complete: Set API Key'). */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('Control+Shift+P');
  const input = page.locator(`${QUICK_INPUT} input`);
  await input.waitFor();
  await input.fill(`>${title}`);
  const row = visibleRows(page, title).first();
  await row.waitFor();
  await row.click();
}

/** The rows of the open quick pick, as their labels read. */
export async function quickPickLabels(page: Page): Promise<string[]> {
  const rows = visibleRows(page);
  await rows.first().waitFor();
  return (await rows.locator('.label-name').allTextContents()).map((label) => label.replace(/\u00a0/g, ' ').trim());
}

/** Picks the row of the open quick pick whose label contains text. */
export async function pickQuickPickItem(page: Page, text: string): Promise<void> {
  await visibleRows(page, text).first().click();
}

/** Types into the open input box (e.g. an API key prompt), then Enter; returns the box's prompt text. */
export async function fillInputBox(page: Page, value: string): Promise<string> {
  const widget = page.locator(QUICK_INPUT);
  const input = widget.locator('input');
  await input.waitFor();
  const prompt = (await widget.locator('.quick-input-message').textContent().catch(() => '')) ?? '';
  await input.fill(value);
  await page.keyboard.press('Enter');
  await widget.waitFor({ state: 'hidden' });
  return prompt.trim();
}

/** Closes whatever quick input is open. */
export async function closeQuickInput(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.locator(QUICK_INPUT).waitFor({ state: 'hidden' });
}

/**
 * Sets the API key as a person would (Set API Key, the password box, Enter) and waits for the notice
 * that it is stored: keys typed before then may still find the old key.
 */
export async function setApiKeyFromPalette(page: Page, key: string): Promise<void> {
  await runCommand(page, 'Prompt Complete: Set API Key');
  await fillInputBox(page, key);
  await page.locator('.notification-toast', { hasText: 'API key saved' }).waitFor();
}
