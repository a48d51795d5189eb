import * as assert from 'node:assert/strict';
import { answers } from '../support/fake-server';
import { openFile, pressKeys, waitForEditorText, waitForGhostText } from './support/editor';
import { serverSettings, useFakeServer } from './support/fake-server';
import { screenshot, useWorkbench } from './support/workbench';

describe('A suggestion where the cursor stops', () => {
  const server = useFakeServer({ defaultAnswer: answers.text("'localhost';") });
  const workbench = useWorkbench(() => ({
    settings: {
      ...serverSettings(server(), 'fake-model'),
      'promptComplete.inline.suggestWhereCursorStops': 'on',
      'promptComplete.inline.prefetch': 'off',
      'promptComplete.context.maxContextChars': 0,
      'editor.quickSuggestions': { other: false, comments: false, strings: false },
    },
    files: { 'src/config.js': 'const port = 8080;\nconst host = \nexport { port, host };\n' },
  }));

  it('shows after Go to Line puts the cursor at a line end, with no key typed, and Tab inserts it', async () => {
    const { page } = workbench();
    await openFile(page, 'src/config.js');
    const before = server().requests.length;
    await pressKeys(page, 'Control+G');
    await page.keyboard.type('2:14');
    await pressKeys(page, 'Enter');
    const ghost = await waitForGhostText(page);
    assert.equal(ghost, "'localhost';");
    const asked = server().requests.slice(before).map((r) => r.body.prompt);
    assert.deepEqual(asked, ['const port = 8080;\nconst host = '], 'one request, for the spot the cursor stopped at');
    await screenshot(page, 'ui-cursor-stop-ghost');
    await pressKeys(page, 'Tab');
    await waitForEditorText(page, (text) => text.includes("const host = 'localhost';"), 10_000, { withoutGhostText: true });
  });
});
