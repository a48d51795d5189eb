import * as vscode from 'vscode';

/** Polls `condition` until it returns a truthy value, failing with `what` after the deadline. */
export async function waitFor<T>(condition: () => T | Promise<T>, what: string, timeoutMs = 10_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Sets `promptComplete.*` settings for a test (user scope). */
export async function configure(values: Record<string, unknown>): Promise<void> {
  const config = vscode.workspace.getConfiguration('promptComplete');
  for (const [key, value] of Object.entries({ ...TEST_DEFAULTS, ...values })) await config.update(key, value, vscode.ConfigurationTarget.Global);
}

/**
 * Settings every configure() call writes unless it names them. Asking where the cursor stops has its
 * own tests; elsewhere it would add requests wherever a test places the cursor and waits.
 */
const TEST_DEFAULTS: Record<string, unknown> = { 'inline.suggestWhereCursorStops': 'off' };

/**
 * Turns VS Code's word suggestions (`editor.quickSuggestions`) off for the tests of the enclosing
 * describe block, and back to the default after them: popping up while a test types, they would hide
 * ghost text that does not extend them.
 */
export function useQuickSuggestionsOff(): void {
  before(async () => {
    await vscode.workspace.getConfiguration('editor').update('quickSuggestions', { other: 'off', comments: 'off', strings: 'off' }, vscode.ConfigurationTarget.Global);
  });
  after(async () => {
    await vscode.workspace.getConfiguration('editor').update('quickSuggestions', undefined, vscode.ConfigurationTarget.Global);
  });
}

/** Removes every `promptComplete.*` user setting a test may have set. */
export async function resetSettings(): Promise<void> {
  const config = vscode.workspace.getConfiguration('promptComplete');
  const manifest = vscode.extensions.getExtension('prompt-complete.prompt-complete')?.packageJSON;
  const keys = Object.keys(manifest?.contributes?.configuration?.properties ?? {}).map((key) => key.replace(/^promptComplete\./, ''));
  for (const key of keys) {
    if (config.inspect(key)?.globalValue !== undefined) await config.update(key, undefined, vscode.ConfigurationTarget.Global);
  }
}

/**
 * Opens an untitled document holding `text` with the cursor at the `|` marker (removed), focused.
 */
export async function openWithCursor(text: string, language = 'javascript'): Promise<vscode.TextEditor> {
  const offset = text.indexOf('|');
  if (offset < 0) throw new Error('the text needs a | marking the cursor');
  const document = await vscode.workspace.openTextDocument({ content: text.slice(0, offset) + text.slice(offset + 1), language });
  const editor = await vscode.window.showTextDocument(document);
  const position = document.positionAt(offset);
  editor.selection = new vscode.Selection(position, position);
  return editor;
}

/** Types `text` at the cursor as the keyboard would (through the `type` command, so the cursor moves). */
export async function typeText(editor: vscode.TextEditor, text: string): Promise<void> {
  await vscode.window.showTextDocument(editor.document, editor.viewColumn);
  await vscode.commands.executeCommand('type', { text });
}

/** Asks VS Code for inline suggestions at the cursor, as Alt+\ does. */
export async function triggerInline(): Promise<void> {
  await vscode.commands.executeCommand('editor.action.inlineSuggest.trigger');
}

/** Accepts the visible suggestion (Tab) once it shows, and resolves with the document's new text. */
export async function acceptInline(editor: vscode.TextEditor, before = editor.document.getText()): Promise<string> {
  return waitFor(async () => {
    await vscode.commands.executeCommand('editor.action.inlineSuggest.commit');
    const now = editor.document.getText();
    return now !== before ? now : undefined;
  }, 'a suggestion to accept');
}

/** Closes every editor, discarding changes (no save prompts). */
export async function closeAllEditors(): Promise<void> {
  for (let i = 0; i < 50 && vscode.window.visibleTextEditors.length > 0; i++) {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
}
