import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { OwnTriggers } from '../../src/vscode/own-triggers';
import { closeAllEditors, configure, openWithCursor, resetSettings, waitFor } from './support/editor';

// The extension's own asks for suggestions (a cursor stop, the rest of a block) go through VS Code's
// trigger command, which reaches providers as an explicit call on whatever editor has the focus. A
// provider of this test's own records how OwnTriggers tells those calls apart.
describe('The extension\'s own asks for inline suggestions', () => {
  let triggers: OwnTriggers;
  let calls: string[];
  let registration: vscode.Disposable;

  beforeEach(async () => {
    // The extension's own provider stays out of the way.
    await configure({ 'inline.enabled': false });
    triggers = new OwnTriggers();
    calls = [];
    registration = vscode.languages.registerInlineCompletionItemProvider({ pattern: '**' }, {
      provideInlineCompletionItems(document, position, context) {
        const explicit = context.triggerKind === vscode.InlineCompletionTriggerKind.Invoke;
        calls.push(explicit ? triggers.explicitCall(document, position) ?? 'user' : 'automatic');
        return [];
      },
    });
  });

  afterEach(async () => {
    registration.dispose();
    await closeAllEditors();
    await resetSettings();
  });

  it('tells the provider that a call is the cursor stop it asked for at that spot', async () => {
    const editor = await openWithCursor('let a = |');
    triggers.trigger('cursorStop', editor.document, editor.selection.active);
    assert.deepEqual(await waitFor(() => calls.length > 0 && calls, 'a provider call'), ['cursorStop']);
  });

  it('calls an ask that ran where the cursor no longer is a stray, and a later ask by the user the user\'s', async () => {
    const editor = await openWithCursor('let a = 1;|\nlet b = 2;\n');
    const meant = editor.selection.active;
    editor.selection = new vscode.Selection(1, 0, 1, 0);
    await waitFor(() => editor.selection.active.line === 1, 'the cursor on the second line');
    triggers.trigger('refresh', editor.document, meant);
    assert.deepEqual(await waitFor(() => calls.length > 0 && calls, 'a provider call'), ['stray']);
    // Back at the spot the ask was meant for: once its command has run, the ask is over, and a trigger
    // there now is the user's.
    editor.selection = new vscode.Selection(meant, meant);
    await waitFor(() => editor.selection.active.isEqual(meant), 'the cursor back where the ask was meant');
    await vscode.commands.executeCommand('editor.action.inlineSuggest.trigger');
    await waitFor(() => calls.length > 1, 'a second provider call');
    assert.equal(calls.at(-1), 'user');
  });
});
