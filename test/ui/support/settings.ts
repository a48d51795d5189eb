import type { Page } from 'playwright-core';
import { runCommand } from './commands';

/**
 * Replaces the user settings through the Settings (JSON) editor, as a person would, and saves them.
 * VS Code applies a saved settings file at once, where a file written behind its back may wait for a
 * file watcher.
 */
export async function editUserSettings(page: Page, settings: Record<string, unknown>): Promise<void> {
  await runCommand(page, 'Preferences: Open User Settings (JSON)');
  const editor = page.locator('.editor-instance .monaco-editor .view-lines').first();
  await page.locator('.tab.active', { hasText: 'settings.json' }).waitFor();
  await editor.click();
  await page.keyboard.press('Control+A');
  // insertText commits the text as one input, so auto-closing brackets and quotes do not double it.
  await page.keyboard.insertText(JSON.stringify(settings, null, 2));
  await page.keyboard.press('Control+S');
  await page.locator('.tab.active.dirty').waitFor({ state: 'detached' });
  await runCommand(page, 'View: Close Editor');
}
