import * as assert from 'node:assert/strict';
import { startOracleServer, type OracleServer } from '../../bench/typing/oracle-server';
import { openFile, pressKeys, readEditorText, typeInEditor, waitForEditorText, waitForGhostText } from './support/editor';
import { serverSettings } from './support/fake-server';
import { screenshot, SUGGESTION_LIST_OFF, useWorkbench } from './support/workbench';

// With VS Code's own indentation on (editor.autoIndent full), what Tab puts in the document must be
// exactly what the ghost text showed: lines indented deeper or shallower than the editor would indent
// them stay as they are, and a suggestion keeps the spaces that finish an indent typed by hand. The
// server is the typing benchmark's oracle: it answers every prompt with how the file really goes on.

const TOTAL = 'def total(items, tax):\n    subtotal = sum(item.price\n                   for item in items)\n'
  + '    if subtotal:\n        return round(subtotal * (1 + tax),\n                     2)\n    return 0\n';
const BOARD = 'class Board:\n    def parse(self, text):\n        cells = []\n        return cells\n';

describe('Accepting a suggestion with auto-indent on', () => {
  let oracle: OracleServer;
  before(async () => {
    oracle = await startOracleServer([TOTAL, BOARD], { firstTokenMs: 20, perTokenMs: 2 });
  });
  after(async () => {
    await oracle?.close();
  });
  const workbench = useWorkbench(() => ({
    settings: {
      ...serverSettings(oracle, 'oracle'),
      'editor.autoIndent': 'full',
      'editor.autoClosingBrackets': 'languageDefined',
      'editor.insertSpaces': true,
      'editor.tabSize': 4,
      'editor.detectIndentation': false,
      // The language's own suggestion list would take Tab for itself.
      ...SUGGESTION_LIST_OFF,
    },
    files: { 'total.py': TOTAL.slice(0, TOTAL.indexOf('\n') + 1), 'board.py': BOARD.slice(0, BOARD.indexOf('        cells')) },
  }));

  it('leaves lines indented deeper and shallower than the editor would indent them as the ghost text showed them', async () => {
    const { page } = workbench();
    await openFile(page, 'total.py');
    await pressKeys(page, 'Control+End', 'ArrowUp', 'End', 'Enter');
    const typed = await waitForEditorText(page, (text) => text.startsWith('def total(items, tax):\n    '));
    assert.equal(typed.split('\n')[1], '    ', 'the editor indented the new line');
    // The block shows from its first line; Tab once its lines below the cursor have arrived.
    await page.locator('.editor-instance .monaco-editor .suggest-preview-text', { hasText: 'for item in items)' }).first().waitFor({ state: 'attached', timeout: 10_000 });
    await screenshot(page, 'ui-accept-indentation-block');
    await pressKeys(page, 'Tab');
    const text = await waitForEditorText(page, (current) => current.includes('for item in items)'));
    const accepted = text.replace(/\n+$/, '');
    assert.ok(TOTAL.startsWith(accepted), `the document reads:\n${text}`);
    assert.ok(accepted.includes('\n                   for item in items)\n    if subtotal:'), `the document reads:\n${text}`);
  });

  it('shows the spaces that finish an indent typed by hand, and Tab gives the file its own indentation', async () => {
    const { page } = workbench();
    await openFile(page, 'board.py');
    await pressKeys(page, 'Control+End');
    await typeInEditor(page, '    ', 60);
    const ghost = await waitForGhostText(page);
    assert.equal(ghost.split('\n')[0], '    cells = []');
    await pressKeys(page, 'Tab');
    const text = await waitForEditorText(page, (current) => current.includes('cells = []'));
    await screenshot(page, 'ui-accept-indentation-typed');
    assert.equal(text.split('\n')[2], '        cells = []');
    assert.ok(BOARD.startsWith((await readEditorText(page)).replace(/\n+$/, '')), 'the document is the file so far');
  });
});
