import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { answers } from '../support/fake-server';
import { useFakeServerEachTest } from './support/fake-server';

async function openWithSelection(text: string, selected: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ content: text, language: 'markdown' });
  const editor = await vscode.window.showTextDocument(document);
  const start = text.indexOf(selected);
  editor.selection = new vscode.Selection(document.positionAt(start), document.positionAt(start + selected.length));
  return editor;
}

describe('Complete Selection', () => {
  const server = useFakeServerEachTest({
    // These tests pin the exact prompt; context from other files has its own suite.
    settings: { model: 'test-model', fim: 'suffix', 'inline.enabled': false, 'context.maxContextChars': 0 },
  });

  it('sends the selection as prompt and the text after it as suffix, and streams the answer in right after the selection', async () => {
    server().script(answers.text(' jumps over the lazy dog.', { chunkDelayMs: 5 }));
    const editor = await openWithSelection('Intro.\nThe quick brown fox\nEnd.', 'The quick brown fox');
    await vscode.commands.executeCommand('promptComplete.completeSelection');
    const request = await server().waitForRequest(1);
    assert.equal(request.body.prompt, 'The quick brown fox');
    assert.equal(request.body.suffix, '\nEnd.');
    assert.equal(request.body.stream, true);
    assert.equal(editor.document.getText(), 'Intro.\nThe quick brown fox jumps over the lazy dog.\nEnd.');
    assert.ok(editor.selection.isEmpty, 'the selection does not stretch over the inserted text');
    assert.equal(editor.document.offsetAt(editor.selection.active), 'Intro.\nThe quick brown fox jumps over the lazy dog.'.length, 'the cursor is after it');
  });

  it('is undone in one step', async () => {
    server().script(answers.text(' one two three four five six', { chunkDelayMs: 5 }));
    const editor = await openWithSelection('Count: zero', 'zero');
    await vscode.commands.executeCommand('promptComplete.completeSelection');
    assert.equal(editor.document.getText(), 'Count: zero one two three four five six');
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), 'Count: zero');
  });

  it('completes from the text before the cursor when nothing is selected', async () => {
    server().script(answers.text(' world'));
    const document = await vscode.workspace.openTextDocument({ content: 'hello\nrest', language: 'plaintext' });
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(0, 5, 0, 5);
    await vscode.commands.executeCommand('promptComplete.completeSelection');
    const request = await server().waitForRequest(1);
    assert.equal(request.body.prompt, 'hello');
    assert.equal(request.body.suffix, '\nrest');
    assert.equal(editor.document.getText(), 'hello world\nrest');
  });

  it('stops a model that repeats one line over and over, keeping that line once, in one undo step', async () => {
    server().script(answers.text('\n  step();\n  }\n  }\n  }\n  }\n  }\n  }\n  }\n  }\n', { chunkDelayMs: 5 }));
    const editor = await openWithSelection('run {', 'run {');
    await vscode.commands.executeCommand('promptComplete.completeSelection');
    assert.equal(editor.document.getText(), 'run {\n  step();\n  }\n');
    assert.equal((await server().waitForRequest(1)).body.stream, true);
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), 'run {');
  });

  it('removes what it inserted when the stream is cut before it ends', async () => {
    server().script(answers.text(' alpha beta gamma delta epsilon', { cutAfterChunks: 3, chunkDelayMs: 30 }));
    const editor = await openWithSelection('Letters:', 'Letters:');
    const seenDuringStream: string[] = [];
    const watch = vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document === editor.document) seenDuringStream.push(event.document.getText());
    });
    await vscode.commands.executeCommand('promptComplete.completeSelection');
    watch.dispose();
    assert.ok(seenDuringStream.some((text) => text.startsWith('Letters: alpha')), 'text was streamed in before the cut');
    assert.equal(editor.document.getText(), 'Letters:');
    assert.equal(server().requests.length, 1, 'a stream that already delivered text is not silently retried');
  });

  it('leaves the document untouched when the server fails', async () => {
    server().script(answers.jsonError(400, 'This model\'s maximum context length is 2048 tokens'));
    const editor = await openWithSelection('Keep me', 'Keep me');
    await vscode.commands.executeCommand('promptComplete.completeSelection');
    assert.ok(server().requests.length >= 1);
    assert.equal(editor.document.getText(), 'Keep me');
  });
});
