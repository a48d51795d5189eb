import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, type Browser } from '../../test/launchers/browser';
import { createProfile, installExtension, startCodeServer, type CodeServer } from '../../test/support/code-server';

/**
 * Editor settings both peers are measured with. Auto-closing, auto-indent, format-on-type and
 * IntelliSense would each insert or accept text the typist did not type, so the typist (who types
 * the true file key by key, indentation included) would have to fight the editor; with them off,
 * what reaches the document is exactly what was typed or accepted with Tab.
 */
export const TYPING_EDITOR_SETTINGS: Record<string, unknown> = {
  'editor.autoClosingBrackets': 'never',
  'editor.autoClosingQuotes': 'never',
  'editor.autoClosingComments': 'never',
  'editor.autoSurround': 'never',
  'editor.autoIndent': 'none',
  'editor.formatOnType': false,
  'editor.quickSuggestions': { other: 'off', comments: 'off', strings: 'off' },
  'editor.suggestOnTriggerCharacters': false,
  'editor.wordBasedSuggestions': 'off',
  'editor.parameterHints.enabled': false,
  'editor.acceptSuggestionOnEnter': 'off',
  'editor.tabCompletion': 'off',
  'editor.inlineSuggest.enabled': true,
  'editor.insertSpaces': true,
  'editor.detectIndentation': false,
  'editor.trimAutoWhitespace': false,
  'editor.linkedEditing': false,
  'editor.minimap.enabled': false,
  'editor.stickyScroll.enabled': false,
  'editor.occurrencesHighlight': 'off',
  'files.autoSave': 'off',
};

/** A code-server workbench in headless Chromium with one extension installed. */
export interface BenchWorkbench {
  readonly page: Page;
  close(): Promise<void>;
}

export interface BenchWorkbenchOptions {
  vsix: string;
  /** publisher.name; its status bar item tells that it has activated. */
  extensionId: string;
  settings: Record<string, unknown>;
  files: Record<string, string>;
}

/** Starts code-server on a fresh profile with the extension installed, opens the workbench, waits for activation. */
export async function openBenchWorkbench(options: BenchWorkbenchOptions): Promise<BenchWorkbench> {
  const profile = createProfile({ ...TYPING_EDITOR_SETTINGS, ...options.settings });
  for (const [file, content] of Object.entries(options.files)) {
    fs.writeFileSync(path.join(profile.workspaceDir, file), content);
  }
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  const close = async (): Promise<void> => {
    await browser?.close();
    await server?.stop();
    profile.remove();
  };
  try {
    installExtension(profile, options.vsix);
    server = await startCodeServer(profile);
    browser = await launchBrowser();
    const page = await browser.context.newPage();
    // Tall enough that a typed file stays on screen, so the rendered lines are the whole document.
    await page.setViewportSize({ width: 1400, height: 1600 });
    page.setDefaultTimeout(20_000);
    await page.goto(`${server.url}/?folder=${encodeURIComponent(profile.workspaceDir)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator(`.statusbar-item[id^="${options.extensionId}."]`).first().waitFor({ timeout: 60_000 });
    return { page, close };
  } catch (err) {
    await close();
    throw err;
  }
}
