import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, type Browser } from '../../launchers/browser';
import {
  createProfile, installExtension, startCodeServer, type CodeServer, type VsCodeProfile,
} from '../../support/code-server';
import { repoRoot } from '../../support/paths';

/** publisher.name from package.json. */
export const EXTENSION_ID = 'prompt-complete.prompt-complete';

/** A code-server workbench open in headless Chromium, with the packaged extension installed. */
export interface Workbench {
  readonly page: Page;
  readonly server: CodeServer;
  readonly profile: VsCodeProfile;
  close(): Promise<void>;
}

export interface WorkbenchOptions {
  /** User settings on top of the test profile's base settings. */
  settings?: Record<string, unknown>;
  /** Files to create in the workspace folder, by relative path. */
  files?: Record<string, string>;
  /** The .vsix to install (default: PROMPT_COMPLETE_VSIX, else prompt-complete.vsix in the repo). */
  vsix?: string;
  /** More .vsix files to install beside it. */
  extraVsix?: string[];
  /** The installed extension's publisher.name (default: this one's); its status bar item tells it activated. */
  extensionId?: string;
  /** The browser window's size (default: Playwright's 1280x720). */
  viewport?: { width: number; height: number };
  /** How long page actions may wait (default 15 s). */
  actionTimeoutMs?: number;
  timeoutMs?: number;
}

/** Starts code-server on a fresh profile with the extension installed and opens its workbench. */
export async function openWorkbench(options: WorkbenchOptions = {}): Promise<Workbench> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const profile = createProfile(options.settings);
  for (const [file, content] of Object.entries(options.files ?? {})) {
    const target = path.join(profile.workspaceDir, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, content);
  }
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  const close = async (): Promise<void> => {
    await browser?.close();
    await server?.stop();
    profile.remove();
  };
  try {
    installExtension(profile, options.vsix ?? process.env.PROMPT_COMPLETE_VSIX ?? path.join(repoRoot, 'prompt-complete.vsix'));
    for (const vsix of options.extraVsix ?? []) installExtension(profile, vsix);
    server = await startCodeServer(profile);
    browser = await launchBrowser();
    const page = await browser.context.newPage();
    if (options.viewport) await page.setViewportSize(options.viewport);
    page.setDefaultTimeout(options.actionTimeoutMs ?? 15_000);
    await page.goto(`${server.url}/?folder=${encodeURIComponent(profile.workspaceDir)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: timeoutMs });
    // The remote extension host starts seconds after the workbench shows; the extension's status bar
    // item (its id starts with the extension id) tells that it has activated.
    await page.locator(`.statusbar-item[id^="${options.extensionId ?? EXTENSION_ID}."]`).first().waitFor({ timeout: timeoutMs })
      .catch((err: Error) => { throw new Error(`the extension did not activate (no status bar item): ${err.message}`); });
    return { page, server, profile, close };
  } catch (err) {
    await close();
    throw err;
  }
}

/**
 * Settings that keep VS Code's own suggestion list shut: it would take Tab for itself, and popping up
 * while a test types it would hide ghost text that does not extend its word.
 */
export const SUGGESTION_LIST_OFF = {
  'editor.quickSuggestions': { other: false, comments: false, strings: false },
  'editor.suggestOnTriggerCharacters': false,
};

/** Folder for screenshots (git-ignored). */
export const SCREENSHOT_DIR = path.join(repoRoot, 'test-results');

/** Saves a full-page screenshot as test-results/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name.replace(/[^\w.-]+/g, '-').slice(0, 120)}.png`);
  await page.screenshot({ path: file });
  return file;
}

/**
 * Opens one workbench for the enclosing describe block: before its tests, closed after them, with a
 * screenshot `failed-<test title>.png` of every failing test. Returns the accessor for the tests.
 *
 * @example
 * describe('Ghost text', () => {
 *   const server = useFakeServer();
 *   const workbench = useWorkbench(() => ({ settings: { 'promptComplete.serverUrl': server().baseUrl }, files: { 'a.js': '' } }));
 *   it('...', async () => { await openFile(workbench().page, 'a.js'); });
 * });
 */
export function useWorkbench(options: WorkbenchOptions | (() => WorkbenchOptions) = {}): () => Workbench {
  let workbench: Workbench | undefined;
  before(async function () {
    // A function lets options use what earlier before hooks set up (a fake server's URL, say).
    const resolved = typeof options === 'function' ? options() : options;
    this.timeout((resolved.timeoutMs ?? 60_000) + 30_000);
    // Asking where the cursor stops has its own tests; elsewhere it would add requests wherever a test
    // places the cursor and waits.
    workbench = await openWorkbench({ ...resolved, settings: { 'promptComplete.inline.suggestWhereCursorStops': 'off', ...resolved.settings } });
  });
  afterEach(async function () {
    const test = this.currentTest;
    if (workbench && test?.state === 'failed') {
      const file = await screenshot(workbench.page, `failed-${test.fullTitle()}`).catch(() => undefined);
      if (file) console.log(`      screenshot: ${path.relative(repoRoot, file)}`);
      console.log(`      extension log (last lines):\n${indent(extensionLog(workbench.profile).split('\n').slice(-15).join('\n'), 8)}`);
    }
  });
  after(async () => {
    await workbench?.close();
  });
  return () => {
    if (!workbench) throw new Error('the workbench did not open (see the before all hook)');
    return workbench;
  };
}

/** The extension's own log (its output channel, as VS Code writes it under the user-data folder). */
export function extensionLog(profile: VsCodeProfile): string {
  const logsDir = path.join(profile.userDataDir, 'logs');
  if (!fs.existsSync(logsDir)) return '(no logs folder)';
  const files = fs.readdirSync(logsDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.includes(EXTENSION_ID) && file.endsWith('.log'))
    .sort();
  if (files.length === 0) return '(the extension wrote no log)';
  return files.map((file) => fs.readFileSync(path.join(logsDir, file), 'utf8')).join('\n').trimEnd();
}

function indent(text: string, spaces: number): string {
  return text.replace(/^/gm, ' '.repeat(spaces));
}
