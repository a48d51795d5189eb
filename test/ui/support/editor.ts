import type { Page } from 'playwright-core';

const EDITOR = '.editor-instance .monaco-editor';
const QUICK_INPUT = '.quick-input-widget';

/** Opens a workspace file with Quick Open (Ctrl+P), as a person would, and waits for its editor tab. */
export async function openFile(page: Page, relativePath: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator(`${QUICK_INPUT} input`);
  await input.waitFor();
  await input.fill(relativePath);
  const fileName = relativePath.split('/').pop()!;
  await page.locator(`${QUICK_INPUT} .quick-input-list .monaco-list-row`, { hasText: fileName })
    .filter({ visible: true }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: fileName }).waitFor();
  await page.locator(`${EDITOR} .view-lines`).first().waitFor();
  await waitForIdle(page);
}

/**
 * Waits until the workbench has had an idle moment. VS Code creates some editor features, inline
 * suggestions among them, only when the browser is idle after an editor opens; keys typed before
 * that trigger no inline completion.
 */
export async function waitForIdle(page: Page, timeoutMs = 10_000): Promise<void> {
  for (let round = 0; round < 2; round++) {
    await page.evaluate((timeout) => new Promise<void>((resolve) => {
      (globalThis as unknown as { requestIdleCallback(callback: () => void, options: { timeout: number }): void })
        .requestIdleCallback(() => resolve(), { timeout });
    }), timeoutMs);
  }
}

/** Puts the keyboard focus into the active editor, leaving its cursor where it is when it has focus already. */
export async function focusEditor(page: Page): Promise<void> {
  if (await page.locator(`${EDITOR}.focused`).count() > 0) return;
  await page.locator(`${EDITOR} .view-lines`).first().click();
}

/**
 * Types text at the cursor of the active editor key by key, so the editor's features (inline
 * completion included) react as they do for a person.
 */
export async function typeInEditor(page: Page, text: string, delayMs = 20): Promise<void> {
  await focusEditor(page);
  await page.keyboard.type(text, { delay: delayMs });
}

/** Presses keys one after another, e.g. pressKeys(page, 'End', 'Enter', 'Tab'). */
export async function pressKeys(page: Page, ...keys: string[]): Promise<void> {
  for (const key of keys) await page.keyboard.press(key);
}

/**
 * The text of the visible lines of the active editor (the editor renders spaces as U+00A0). Ghost
 * text shown inside a line is part of what this reads, unless `withoutGhostText` is set.
 */
export async function readEditorText(page: Page, options: { withoutGhostText?: boolean } = {}): Promise<string> {
  const lines = await page.locator(`${EDITOR} .view-lines .view-line`).evaluateAll((elements, withoutGhostText) =>
    elements
      .map((element) => ({
        top: Number(/top:\s*(-?[\d.]+)px/.exec(element.getAttribute('style') ?? '')?.[1] ?? 0),
        text: (() => {
          if (!withoutGhostText) return element.textContent ?? '';
          const copy = element.cloneNode(true) as typeof element;
          copy.querySelectorAll('.ghost-text-decoration').forEach((ghost: { remove(): void }) => ghost.remove());
          return copy.textContent ?? '';
        })(),
      }))
      .sort((a, b) => a.top - b.top)
      .map((line) => line.text), options.withoutGhostText ?? false);
  return lines.join('\n').replace(/\u00a0/g, ' ');
}

/** Waits until the editor's text (ghost text included unless `withoutGhostText`) satisfies the predicate; returns that text. */
export async function waitForEditorText(
  page: Page,
  predicate: (text: string) => boolean,
  timeoutMs = 10_000,
  options: { withoutGhostText?: boolean } = {},
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let text = await readEditorText(page, options);
  while (!predicate(text)) {
    if (Date.now() > deadline) throw new Error(`editor text did not reach the expected state within ${timeoutMs} ms; it is:\n${text}`);
    await page.waitForTimeout(50);
    text = await readEditorText(page, options);
  }
  return text;
}

/** What VS Code renders ghost text with: inline in the cursor's line, and lines of its own below it. */
const GHOST = `${EDITOR} .ghost-text-decoration, ${EDITOR} .ghost-text`;

/**
 * Waits for inline-completion ghost text in the active editor and returns it: the part shown in the
 * cursor's line, then each line VS Code shows below it.
 */
export async function waitForGhostText(page: Page, timeoutMs = 10_000): Promise<string> {
  const ghost = page.locator(GHOST);
  await ghost.first().waitFor({ state: 'visible', timeout: timeoutMs });
  // One span per token: spans of one rendered line join as they are, lines join with newlines.
  const text = await ghost.evaluateAll((spans) => {
    const joinLines = (parts: typeof spans) => {
      const lines: string[] = [];
      let lastLine: unknown;
      for (const span of parts) {
        const line = span.closest('.view-line') ?? span.parentElement;
        if (line !== lastLine) lines.push('');
        lastLine = line;
        lines[lines.length - 1] += span.textContent ?? '';
      }
      return lines;
    };
    const inline = joinLines(spans.filter((span) => span.classList.contains('ghost-text-decoration'))).join('');
    const below = joinLines(spans.filter((span) => !span.classList.contains('ghost-text-decoration')));
    return below.length > 0 ? `${inline}\n${below.join('\n')}` : inline;
  });
  return text.replace(/\u00a0/g, ' ');
}

/** Waits until no ghost text shows in the active editor. */
export async function waitForNoGhostText(page: Page, timeoutMs = 10_000): Promise<void> {
  await page.locator(GHOST).first().waitFor({ state: 'detached', timeout: timeoutMs });
}

/**
 * The whole ghost text of a block suggestion: the part on the cursor's line plus the lines VS Code
 * shows below it (a view zone of their own), joined with newlines; '' when none shows.
 */
export async function readGhostBlock(page: Page): Promise<string> {
  const text = await page.locator(EDITOR).first().evaluate((editor) => {
    const lines: string[] = [];
    const inline = editor.querySelectorAll('.view-lines .ghost-text-decoration, .view-lines .ghost-text-decoration-preview');
    let onCursorLine = '';
    for (let i = 0; i < inline.length; i++) onCursorLine += inline.item(i).textContent ?? '';
    if (inline.length > 0) lines.push(onCursorLine);
    const below: { top: number; text: string }[] = [];
    const zone = editor.querySelectorAll('.suggest-preview-text .view-line');
    for (let i = 0; i < zone.length; i++) below.push({ top: zone.item(i).getBoundingClientRect().top, text: zone.item(i).textContent ?? '' });
    for (const line of below.sort((a, b) => a.top - b.top)) lines.push(line.text);
    return lines.join('\n');
  });
  return text.replace(/\u00a0/g, ' ');
}
