import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { answers, type FakeCompletionServer } from '../support/fake-server';
import { closeQuickInput, pickQuickPickItem, quickPickLabels, runCommand, setApiKeyFromPalette } from './support/commands';
import { openFile, pressKeys, readEditorText, typeInEditor, waitForEditorText, waitForGhostText, waitForNoGhostText } from './support/editor';
import { serverSettings, useFakeServer } from './support/fake-server';
import { EXTENSION_ID, screenshot, SUGGESTION_LIST_OFF, useWorkbench } from './support/workbench';

const EDITOR_GHOST = '.editor-instance .monaco-editor .ghost-text-decoration, .editor-instance .monaco-editor .ghost-text';

/**
 * Counts the painted frames without ghost text from now on (sampled every animation frame), so a
 * suggestion that disappears and comes back, even for one frame, is seen. Returns how to stop and read it.
 */
async function watchGhostFrames(page: Page): Promise<() => Promise<{ frames: number; framesWithout: number }>> {
  await page.evaluate((selector) => {
    // Runs in the page: the browser's globals, typed here by what is used of them.
    const page = globalThis as unknown as {
      document: { querySelector(selector: string): unknown };
      requestAnimationFrame(callback: () => void): void;
      ghostWatch: { frames: number; framesWithout: number; running: boolean };
    };
    const state = { frames: 0, framesWithout: 0, running: true };
    page.ghostWatch = state;
    const sample = () => {
      if (!state.running) return;
      state.frames++;
      if (!page.document.querySelector(selector)) state.framesWithout++;
      page.requestAnimationFrame(sample);
    };
    page.requestAnimationFrame(sample);
  }, EDITOR_GHOST);
  return () => page.evaluate(() => {
    const state = (globalThis as unknown as { ghostWatch: { frames: number; framesWithout: number; running: boolean } }).ghostWatch;
    state.running = false;
    return { frames: state.frames, framesWithout: state.framesWithout };
  });
}

/** Waits until the ghost text reads `expected` (VS Code updates it a moment after an accept). */
async function waitForGhost(page: Page, expected: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let ghost = '';
  while (Date.now() < deadline) {
    ghost = await waitForGhostText(page, timeoutMs).catch(() => '');
    if (ghost === expected) return;
    await page.waitForTimeout(20);
  }
  throw new Error(`ghost text reads ${JSON.stringify(ghost)}, expected ${JSON.stringify(expected)}`);
}

/** Waits until the document (the editor's text without ghost text) satisfies `predicate`. */
const waitForDocument = (page: Page, predicate: (text: string) => boolean) => waitForEditorText(page, predicate, 10_000, { withoutGhostText: true });

const completionsOf = (server: FakeCompletionServer) => server.requests.filter((r) => r.path === '/v1/completions');

describe('Accepting part of a suggestion with the keys', () => {
  const server = useFakeServer();
  const workbench = useWorkbench(() => ({
    settings: {
      ...serverSettings(server(), 'fake-model'),
      'promptComplete.inline.debounceMs': 0,
      'promptComplete.inline.prefetch': 'off',
      ...SUGGESTION_LIST_OFF,
    },
    files: { 'src/words.js': 'const greeting = \n', 'src/lines.js': 'function setup() {\n  \n}\n' },
  }));

  it('Ctrl+Right accepts the next word, and the rest shows at once from the same answer', async () => {
    const { page } = workbench();
    await openFile(page, 'src/words.js');
    await pressKeys(page, 'Control+Home', 'End');
    server().script(answers.text('hello(world, again);'));
    const before = completionsOf(server()).length;
    await pressKeys(page, 'Alt+Backslash');
    await waitForGhost(page, 'hello(world, again);');
    const stopWatching = await watchGhostFrames(page);
    await pressKeys(page, 'Control+ArrowRight');
    await waitForDocument(page, (text) => text.startsWith('const greeting = hello\n'));
    await waitForGhost(page, '(world, again);');
    await pressKeys(page, 'Control+ArrowRight', 'Control+ArrowRight');
    const text = await waitForDocument(page, (current) => /^const greeting = hello\(world/.test(current));
    const accepted = text.split('\n')[0]!.slice('const greeting = '.length);
    await waitForGhost(page, 'hello(world, again);'.slice(accepted.length));
    const { frames, framesWithout } = await stopWatching();
    await screenshot(page, 'ui-accept-next-word');
    assert.ok(frames > 0, 'frames were sampled');
    assert.equal(framesWithout, 0, `the suggestion disappeared for ${framesWithout} of ${frames} frames`);
    assert.equal(completionsOf(server()).length, before + 1, 'no new request after the partial accepts');
    await pressKeys(page, 'Tab');
    await waitForDocument(page, (current) => current.startsWith('const greeting = hello(world, again);\n'));
  });

  it('Ctrl+Down accepts the next line, and the lines below show at once from the same answer', async () => {
    const { page } = workbench();
    await openFile(page, 'src/lines.js');
    await pressKeys(page, 'Control+Home', 'ArrowDown', 'End');
    server().script(answers.text('nit();\n  load();\n  run();'));
    const before = completionsOf(server()).length;
    await typeInEditor(page, 'i');
    // A streamed block may show from its first line while the rest arrives; the rest then shows by itself.
    await (await server().waitForRequest(before + 1)).ended;
    await waitForGhost(page, 'nit();\n  load();\n  run();');
    const stopWatching = await watchGhostFrames(page);
    await pressKeys(page, 'Control+ArrowDown');
    await waitForDocument(page, (text) => text.startsWith('function setup() {\n  init();\n'));
    await waitForGhost(page, '  load();\n  run();');
    await pressKeys(page, 'Control+ArrowDown');
    await waitForDocument(page, (text) => text.startsWith('function setup() {\n  init();\n  load();\n'));
    await waitForGhost(page, '  run();');
    const { frames, framesWithout } = await stopWatching();
    await screenshot(page, 'ui-accept-next-line');
    assert.equal(framesWithout, 0, `the suggestion disappeared for ${framesWithout} of ${frames} frames`);
    assert.equal(completionsOf(server()).length, before + 1, 'no new request after the partial accepts');
    await pressKeys(page, 'Tab');
    const text = await waitForDocument(page, (current) => current.includes('  run();'));
    assert.equal(text.split('\n').slice(0, 5).join('\n'), 'function setup() {\n  init();\n  load();\n  run();\n}');
  });
});

describe('Manual mode with the keys', () => {
  const server = useFakeServer({ defaultAnswer: answers.text('8080;') });
  const workbench = useWorkbench(() => ({
    settings: {
      ...serverSettings(server(), 'fake-model'),
      'promptComplete.inline.trigger': 'manual',
      'promptComplete.inline.debounceMs': 0,
      // The test pins the exact prompt; context from the workspace (the file's path) has its own tests.
      'promptComplete.context.maxContextChars': 0,
      ...SUGGESTION_LIST_OFF,
    },
    files: { 'src/server.js': 'const port = \n' },
  }));

  it('typing sends nothing; Alt+\\ asks, and Tab inserts the suggestion', async () => {
    const { page } = workbench();
    await openFile(page, 'src/server.js');
    await pressKeys(page, 'Control+Home', 'End');
    await typeInEditor(page, 'p');
    await pressKeys(page, 'Backspace');
    await typeInEditor(page, ' ');
    assert.equal(await server().waitForRequest(1, 2000).then(() => 'asked', () => 'nothing sent'), 'nothing sent');
    await waitForNoGhostText(page, 1000);
    await pressKeys(page, 'Alt+Backslash');
    const request = await server().waitForRequest(1);
    assert.equal(request.body.prompt, 'const port =  ');
    assert.equal(await waitForGhostText(page), '8080;');
    await screenshot(page, 'ui-manual-mode-asked');
    await pressKeys(page, 'Tab');
    await waitForEditorText(page, (text) => text.startsWith('const port =  8080;\n'));
    assert.equal(server().requests.filter((r) => r.path === '/v1/completions').length, 1);
  });
});

describe('Token usage in the status bar and its menu', () => {
  const server = useFakeServer();
  const workbench = useWorkbench(() => ({
    settings: {
      ...serverSettings(server(), 'qwen2.5-coder:1.5b-base'),
      'promptComplete.n': 2,
      'promptComplete.inline.debounceMs': 0,
      'promptComplete.inline.prefetch': 'off',
      'promptComplete.usage.dailyTokenBudget': 50_000,
      ...SUGGESTION_LIST_OFF,
    },
    files: { 'notes.md': 'The plan:\n', 'src/app.js': 'const port = \n' },
  }));

  /** The status bar item's tooltip (its accessible label carries the same text). */
  async function statusBarLabel(page: Page): Promise<string> {
    const item = page.locator(`.statusbar-item[id^="${EXTENSION_ID}."]`).first();
    return (await item.getAttribute('aria-label')) ?? '';
  }

  async function menuLabels(page: Page): Promise<string[]> {
    await page.locator(`.statusbar-item[id^="${EXTENSION_ID}."]`).first().click();
    return quickPickLabels(page);
  }

  it('counts a streamed suggestion and a whole (JSON) answer, in the tooltip and the menu', async () => {
    const { page } = workbench();
    server().script(answers.choices(['8080;', '3000;'], { usage: { promptTokens: 1200, completionTokens: 34 } }));
    await openFile(page, 'src/app.js');
    await pressKeys(page, 'Control+Home', 'End', 'Alt+Backslash');
    await waitForGhostText(page);
    assert.equal(completionsOf(server())[0]?.body.stream_options?.include_usage, true, 'the stream asked for its count');
    const deadline = Date.now() + 10_000;
    while (!(await statusBarLabel(page)).includes('Tokens today: 1,234 (1,200 prompt, 34 completion) of 50k budget')) {
      assert.ok(Date.now() < deadline, `the tooltip reads ${JSON.stringify(await statusBarLabel(page))}`);
      await page.waitForTimeout(50);
    }

    server().script(answers.choices([' build', ' ship'], { usage: { promptTokens: 500, completionTokens: 66 } }));
    await openFile(page, 'notes.md');
    await pressKeys(page, 'Control+End');
    await runCommand(page, 'Prompt Complete: Complete Selection');
    await quickPickLabels(page);
    await pickQuickPickItem(page, 'ship');
    await waitForEditorText(page, (text) => text.includes('ship'));
    assert.equal(completionsOf(server())[1]?.body.stream, undefined, 'n > 1 asks for whole answers');

    const labels = await menuLabels(page);
    await screenshot(page, 'ui-status-menu-usage');
    await closeQuickInput(page);
    assert.ok(labels.includes('Tokens today: 1,800 (1,700 prompt, 100 completion) of 50k'), labels.join(' | '));
    assert.ok(labels.includes('Template: Qwen2.5-Coder'), labels.join(' | '));
    assert.match(await statusBarLabel(page), /this session: 1,800 \(1,700 prompt, 100 completion\)/);
    assert.match(await readEditorText(page), /ship/);
  });
});

describe('Extra request fields that would carry the API key', () => {
  const KEY = 'sk-ui-extra-7d3e9b21';
  const server = useFakeServer({ defaultAnswer: answers.text('never;') });
  const workbench = useWorkbench(() => ({
    settings: {
      ...serverSettings(server(), 'fake-model'),
      'promptComplete.inline.debounceMs': 0,
      // A user's mistake: the key pasted into a field some gateway reads.
      'promptComplete.extraRequestFields': { cache_prompt: true, metadata: { token: KEY } },
    },
    files: { 'a.js': 'const x = \n' },
  }));

  it('are refused at request time: nothing is sent, and the status bar names the setting without the key', async () => {
    const { page } = workbench();
    await setApiKeyFromPalette(page, KEY);
    await openFile(page, 'a.js');
    await pressKeys(page, 'Control+Home', 'End');
    await typeInEditor(page, 'y');
    await pressKeys(page, 'Alt+Backslash');
    const item = page.locator(`.statusbar-item[id^="${EXTENSION_ID}."]`).first();
    const deadline = Date.now() + 10_000;
    let label = '';
    while (!/extraRequestFields must not contain the API key/.test(label)) {
      assert.ok(Date.now() < deadline, `the status bar reads ${JSON.stringify(label)}`);
      await page.waitForTimeout(50);
      label = (await item.getAttribute('aria-label')) ?? '';
    }
    await screenshot(page, 'ui-extra-fields-key-refused');
    assert.doesNotMatch(label, new RegExp(KEY));
    assert.deepEqual(completionsOf(server()), [], 'no completion request left the editor');
  });
});

