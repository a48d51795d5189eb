import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { answers, type FakeCompletionServer } from '../support/fake-server';
import { closeAllEditors, configure, openWithCursor, triggerInline, typeText } from './support/editor';
import { useFakeServerEachTest } from './support/fake-server';

/** Triggers inline completion and reports whether the server was asked within a short deadline. */
async function asksServer(server: FakeCompletionServer, editor: vscode.TextEditor, letter: string): Promise<boolean> {
  const before = server.requests.length;
  await typeText(editor, letter);
  await triggerInline();
  return server.waitForRequest(before + 1, 1500).then(() => true, () => false);
}

describe('Turning inline completion off and on', () => {
  // Registered before the server's hook, so that it runs first (mocha runs hooks in that order): a test may leave completions snoozed.
  afterEach(async () => {
    await vscode.commands.executeCommand('promptComplete.snooze', 0);
  });

  const server = useFakeServerEachTest({
    server: { defaultAnswer: answers.text('x') },
    settings: { model: 'test-model', 'inline.debounceMs': 0, 'inline.prefetch': 'off' },
  });

  it('snooze stops requests until Toggle Inline Completions resumes them', async () => {
    const editor = await openWithCursor('a|');
    await vscode.commands.executeCommand('promptComplete.snooze', 15);
    assert.equal(await asksServer(server(), editor, 'b'), false, 'snoozed: no request');
    await vscode.commands.executeCommand('promptComplete.toggleInline');
    assert.equal(await asksServer(server(), editor, 'c'), true, 'resumed');
  });

  it('Toggle Inline Completions turns the setting off, and on again', async () => {
    const editor = await openWithCursor('a|');
    await vscode.commands.executeCommand('promptComplete.toggleInline');
    assert.equal(vscode.workspace.getConfiguration('promptComplete').get('inline.enabled'), false);
    assert.equal(await asksServer(server(), editor, 'b'), false);
    await vscode.commands.executeCommand('promptComplete.toggleInline');
    assert.equal(vscode.workspace.getConfiguration('promptComplete').get('inline.enabled'), true);
    assert.equal(await asksServer(server(), editor, 'c'), true);
  });

  it('stays off in a language listed in promptComplete.inline.disabledLanguages, and on in others', async () => {
    await configure({ 'inline.disabledLanguages': ['markdown'] });
    const markdown = await openWithCursor('# Title|', 'markdown');
    assert.equal(await asksServer(server(), markdown, 's'), false);
    await closeAllEditors();
    const python = await openWithCursor('def f(|', 'python');
    assert.equal(await asksServer(server(), python, 'x'), true);
  });
});
