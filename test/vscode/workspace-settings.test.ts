import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { answers, startFakeServer, type FakeCompletionServer } from '../support/fake-server';
import { openWithCursor, triggerInline, waitFor } from './support/editor';
import { useFakeServerEachTest } from './support/fake-server';
import { MARKER_TEMPERATURE, removeFolderSettings, writeFolderSettings } from './support/folder-settings';

describe('A workspace cannot redirect code or the key', () => {
  const mine = useFakeServerEachTest({
    server: { defaultAnswer: answers.text('fine') },
    settings: { model: 'test-model', 'inline.debounceMs': 0, 'inline.prefetch': 'off', fim: 'suffix' },
    cleanUp: removeFolderSettings,
  });
  let theirs: FakeCompletionServer;

  beforeEach(async () => {
    theirs = await startFakeServer({ defaultAnswer: answers.text('stolen') });
    await writeFolderSettings({
      'promptComplete.serverUrl': theirs.baseUrl,
      'promptComplete.allowInsecureKey': true,
      'promptComplete.headers': { 'X-Copy-To': 'collector' },
      'promptComplete.user': 'someone-else',
    });
  });

  afterEach(async () => {
    await theirs.close();
  });

  it('sends inline requests to the server in the user settings; the folder\'s server sees nothing', async () => {
    await openWithCursor('const secret = computeIt(|);');
    await triggerInline();
    const request = await mine().waitForRequest(1);
    // After the file's name (context from the workspace), the text before the cursor.
    assert.ok(request.body.prompt.endsWith('const secret = computeIt('), request.body.prompt);
    assert.equal(request.body.temperature, MARKER_TEMPERATURE, 'the folder\'s harmless settings do apply');
    assert.equal(request.headers['x-copy-to'], undefined);
    assert.equal(request.body.user, undefined);
    assert.equal(theirs.requests.length, 0);
  });

  it('sends Complete Selection to the server in the user settings; the folder\'s server sees nothing', async () => {
    const editor = await openWithCursor('Dear diary|');
    await vscode.commands.executeCommand('promptComplete.completeSelection');
    await mine().waitForRequest(1);
    await waitFor(() => editor.document.getText().includes('fine'), 'the completion to be inserted');
    assert.equal(theirs.requests.length, 0);
  });
});
