import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { answers } from '../support/fake-server';
import { acceptInline, configure, openWithCursor, useQuickSuggestionsOff, waitFor } from './support/editor';
import { useFakeServerEachTest } from './support/fake-server';

/** Moves the cursor as a click or an arrow key would: no edit. */
function moveTo(editor: vscode.TextEditor, line: number, character: number): void {
  const position = new vscode.Position(line, character);
  editor.selection = new vscode.Selection(position, position);
}

/** The longest a cursor stop waits (after a move by keys or an extension, as here), and a margin for a loaded machine. */
const STOP_MS = 150;
const QUIET_MS = STOP_MS * 6;

describe('Asking where the cursor stops', function () {
  useQuickSuggestionsOff();

  const server = useFakeServerEachTest({
    server: { defaultAnswer: answers.text(' + 1;') },
    settings: {
      model: 'test-model',
      fim: 'suffix',
      'inline.debounceMs': 0,
      'inline.prefetch': 'off',
      'context.maxContextChars': 0,
      'inline.suggestWhereCursorStops': 'on',
    },
  });

  it('asks where the cursor stops at the end of a line after a move, and the suggestion shows with no key typed', async () => {
    const editor = await openWithCursor('let a = 1;|\nlet b = 2\nlet c = 3;\n');
    moveTo(editor, 1, 'let b = 2'.length);
    const request = await server().waitForRequestWhere((r) => r.body.prompt === 'let a = 1;\nlet b = 2');
    assert.equal(request.body.suffix, '\nlet c = 3;\n');
    const text = await acceptInline(editor);
    assert.equal(text, 'let a = 1;\nlet b = 2 + 1;\nlet c = 3;\n');
  });

  it('asks nothing where the cursor stops in the middle of a line', async () => {
    const editor = await openWithCursor('let a = 1;|\nlet b = 2;\n');
    moveTo(editor, 1, 4);
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
    assert.deepEqual(server().requests.map((r) => r.body.prompt), [], 'nothing asked where the cursor stopped mid-line');
    // The control: a stop at a line end is asked, so a quiet time this long would have seen one.
    moveTo(editor, 1, 'let b = 2;'.length);
    const first = await server().waitForRequest(1);
    assert.equal(first.body.prompt, 'let a = 1;\nlet b = 2;');
  });

  it('asks nothing with the setting off', async () => {
    await configure({ 'inline.suggestWhereCursorStops': 'off' });
    const editor = await openWithCursor('let a = 1;|\nlet b = 2\n');
    moveTo(editor, 1, 'let b = 2'.length);
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
    assert.equal(server().requests.length, 0);
    await configure({ 'inline.suggestWhereCursorStops': 'on' });
    moveTo(editor, 0, 'let a = 1;'.length);
    await waitFor(() => server().requests.length > 0, 'a request once the setting is on');
  });
});
