import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TokenProbabilitiesState } from '../../src/vscode/token-probabilities/register';
import { answers, type FakeCompletionServer } from '../support/fake-server';
import { closeAllEditors, configure, triggerInline, waitFor } from './support/editor';
import { useFakeServerEachTest } from './support/fake-server';
import { deleteWorkspaceFiles, openWorkspaceFile, removeFolderSettings, writeFolderSettings } from './support/folder-settings';

/** Triggers inline completion and reports whether the server was asked within a short deadline. */
async function asksServer(server: FakeCompletionServer): Promise<boolean> {
  const before = server.requests.length;
  await triggerInline();
  return server.waitForRequest(before + 1, 1500).then(() => true, () => false);
}

// Each test has files of its own: VS Code keeps a closed document's text for a while, so a reused name
// could show the previous test's text.
const FILES = ['.env', 'app.ts', 'config', 'private', 'deploy', 'notes.md', 'letters.md'];

describe('Sensitive files are never sent', () => {
  const server = useFakeServerEachTest({
    server: { defaultAnswer: answers.text('VALUE') },
    settings: { model: 'test-model', 'inline.debounceMs': 0, 'inline.prefetch': 'off', fim: 'suffix' },
    cleanUp: async () => {
      await removeFolderSettings();
      await deleteWorkspaceFiles(...FILES);
    },
  });

  it('asks nothing for ghost text in a .env file, and asks for an ordinary file', async () => {
    await openWorkspaceFile('.env', 'DATABASE_PASSWORD=|\n');
    assert.equal(await asksServer(server()), false, 'a request was sent for .env');
    await closeAllEditors();
    await openWorkspaceFile('app.ts', 'const password = |;\n');
    assert.equal(await asksServer(server()), true, 'no request for an ordinary file');
    assert.ok(server().requests.every((request) => !String(request.body.prompt).includes('DATABASE_PASSWORD')));
  });

  it('sends nothing when Complete Selection runs in a .env file', async () => {
    const editor = await openWorkspaceFile('config/.env', 'API_TOKEN=|\n');
    await vscode.commands.executeCommand('promptComplete.completeSelection');
    assert.equal(server().requests.length, 0);
    assert.equal(editor.document.getText(), 'API_TOKEN=\n');
  });

  it('adds a folder\'s own exclusions and keeps the defaults when the folder sets its list', async () => {
    await writeFolderSettings({ 'promptComplete.exclude': ['private/**'] });
    await openWorkspaceFile('private/keys.ts', 'export const signingKey = |;\n');
    assert.equal(await asksServer(server()), false, 'the folder\'s exclusion did not apply');
    await closeAllEditors();
    await openWorkspaceFile('deploy/.env.production', 'SECRET=|\n');
    assert.equal(await asksServer(server()), false, 'the folder\'s list removed the defaults');
    await vscode.commands.executeCommand('promptComplete.completeSelection');
    assert.equal(server().requests.length, 0);
  });

  it('sends nothing when Complete Selection runs in a language that is switched off', async () => {
    await configure({ 'inline.disabledLanguages': ['markdown'] });
    const editor = await openWorkspaceFile('notes.md', 'Meeting notes: |\n');
    assert.equal(editor.document.languageId, 'markdown');
    await vscode.commands.executeCommand('promptComplete.completeSelection');
    assert.equal(server().requests.length, 0);
  });

  it('asks for no branch of a completion whose file has since been excluded', async () => {
    await configure({ logprobs: 2, 'inline.enabled': false });
    server().script(answers.tokens([{ text: ' alpha', logprob: Math.log(0.6), top: { ' beta': Math.log(0.3) } }]));
    const editor = await openWorkspaceFile('letters.md', 'Letters:|\n');
    await vscode.commands.executeCommand('promptComplete.completeSelection');
    await waitFor(() => editor.document.getText().includes('alpha'), 'the completion to be inserted');
    const excludes = vscode.workspace.getConfiguration('promptComplete').inspect<string[]>('exclude')?.defaultValue ?? [];
    await configure({ exclude: [...excludes, '**/letters.md'] });
    await vscode.commands.executeCommand<TokenProbabilitiesState>('promptComplete.showTokenProbabilities');
    const chosen = await vscode.commands.executeCommand<TokenProbabilitiesState>('promptComplete.tokenProbabilities.deliverMessage', { type: 'choose', tokenIndex: 0, alternative: ' beta' });
    assert.equal(chosen?.branch?.status, 'failed');
    assert.match(chosen?.branch?.error ?? '', /promptComplete\.exclude/);
    assert.equal(server().requests.length, 1, 'a branch request was sent');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
