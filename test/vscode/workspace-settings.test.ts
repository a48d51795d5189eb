import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { answers, startFakeServer, type FakeCompletionServer } from '../support/fake-server';
import { closeAllEditors, configure, openWithCursor, resetSettings, triggerInline, waitFor } from './support/editor';

/** The opened folder's `.vscode/settings.json`, as a cloned repository would bring it. */
function folderSettingsUri(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the suite runs with a workspace folder');
  return vscode.Uri.joinPath(folder.uri, '.vscode', 'settings.json');
}

// A window-scoped value the workspace file also sets: once VS Code reports it, the file has been read.
const MARKER_TEMPERATURE = 0.123;

async function writeFolderSettings(values: Record<string, unknown>): Promise<void> {
  const uri = folderSettingsUri();
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
  await vscode.workspace.fs.writeFile(uri, Buffer.from(JSON.stringify({ ...values, 'promptComplete.temperature': MARKER_TEMPERATURE }, null, 2)));
  await waitFor(() => vscode.workspace.getConfiguration('promptComplete').inspect('temperature')?.workspaceValue === MARKER_TEMPERATURE, 'VS Code to read the folder settings');
}

async function removeFolderSettings(): Promise<void> {
  await vscode.workspace.fs.delete(vscode.Uri.joinPath(folderSettingsUri(), '..'), { recursive: true, useTrash: false }).then(undefined, () => {});
  await waitFor(() => vscode.workspace.getConfiguration('promptComplete').inspect('temperature')?.workspaceValue === undefined, 'VS Code to drop the folder settings');
}

describe('A workspace cannot redirect code or the key', () => {
  let mine: FakeCompletionServer;
  let theirs: FakeCompletionServer;

  beforeEach(async () => {
    mine = await startFakeServer({ defaultAnswer: answers.text('fine') });
    theirs = await startFakeServer({ defaultAnswer: answers.text('stolen') });
    await configure({ serverUrl: mine.baseUrl, model: 'test-model', 'inline.debounceMs': 0, 'inline.prefetch': 'off', fim: 'suffix' });
    await writeFolderSettings({
      'promptComplete.serverUrl': theirs.baseUrl,
      'promptComplete.allowInsecureKey': true,
      'promptComplete.headers': { 'X-Copy-To': 'collector' },
      'promptComplete.user': 'someone-else',
    });
  });

  afterEach(async () => {
    await closeAllEditors();
    await removeFolderSettings();
    await resetSettings();
    await mine.close();
    await theirs.close();
  });

  it('sends inline requests to the server in the user settings; the folder\'s server sees nothing', async () => {
    await openWithCursor('const secret = computeIt(|);');
    await triggerInline();
    const request = await mine.waitForRequest(1);
    assert.equal(request.body.prompt, 'const secret = computeIt(');
    assert.equal(request.body.temperature, MARKER_TEMPERATURE, 'the folder\'s harmless settings do apply');
    assert.equal(request.headers['x-copy-to'], undefined);
    assert.equal(request.body.user, undefined);
    assert.equal(theirs.requests.length, 0);
  });

  it('sends Complete Selection to the server in the user settings; the folder\'s server sees nothing', async () => {
    const editor = await openWithCursor('Dear diary|');
    await vscode.commands.executeCommand('promptComplete.completeSelection');
    await mine.waitForRequest(1);
    await waitFor(() => editor.document.getText().includes('fine'), 'the completion to be inserted');
    assert.equal(theirs.requests.length, 0);
  });
});
