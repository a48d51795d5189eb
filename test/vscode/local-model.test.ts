import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { acceptInline, closeAllEditors, configure, openWithCursor, resetSettings, triggerInline } from './support/editor';
import { localServerUrl } from './support/local-server';

/** Asks the local server directly, bypassing the extension, for the reference answer. */
async function askDirectly(baseUrl: string, body: Record<string, unknown>): Promise<{ text: string; model: string }> {
  const response = await fetch(`${baseUrl}/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  assert.equal(response.status, 200, await response.clone().text());
  const json = (await response.json()) as { model: string; choices: { text: string }[] };
  return { text: json.choices[0].text, model: json.model };
}

async function firstModel(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/models`);
  const json = (await response.json()) as { data: { id: string }[] };
  return json.data[0].id;
}

describe('With the built-in local model', () => {
  let baseUrl: string;

  before(() => {
    baseUrl = localServerUrl();
  });

  beforeEach(async () => {
    // The bigram table is unsure of nearly every token: trimming (tested with it elsewhere) is off here.
    await configure({ serverUrl: baseUrl, model: '', temperature: 0, maxTokens: 24, 'inline.debounceMs': 0, fim: 'auto', 'inline.trimBelowProbability': 0 });
  });

  afterEach(async () => {
    await closeAllEditors();
    await resetSettings();
  });

  it('Complete Selection inserts exactly what the model generates for that prompt and suffix', async () => {
    const document = await vscode.workspace.openTextDocument({ content: 'function main() {\n  const result = \n}\n', language: 'typescript' });
    const editor = await vscode.window.showTextDocument(document);
    const end = document.positionAt('function main() {\n  const result = '.length);
    editor.selection = new vscode.Selection(new vscode.Position(0, 0), end);
    await vscode.commands.executeCommand('promptComplete.completeSelection');
    const reference = await askDirectly(baseUrl, { model: await firstModel(baseUrl), prompt: 'function main() {\n  const result = ', suffix: '\n}\n', max_tokens: 24, temperature: 0, top_p: 1, n: 1 });
    assert.ok(reference.text.length > 0, 'the model generated something');
    assert.equal(document.getText(), `function main() {\n  const result = ${reference.text}\n}\n`);
  });

  it('shows ghost text from the model, and Tab accepts it', async () => {
    const editor = await openWithCursor('import * as fs from \'node:fs\';\n\nexport function read|', 'typescript');
    const before = editor.document.getText();
    await triggerInline();
    const after = await acceptInline(editor, before);
    assert.ok(after.startsWith(before) && after.length > before.length, `the suggestion was inserted after the cursor: ${JSON.stringify(after)}`);
  });
});
