import * as assert from 'node:assert/strict';
import { answers } from '../support/fake-server';
import { closeQuickInput, quickPickLabels, runCommand } from './support/commands';
import { openFile, pressKeys, typeInEditor, waitForEditorText, waitForGhostText } from './support/editor';
import { serverSettings, useFakeServer } from './support/fake-server';
import { screenshot, SUGGESTION_LIST_OFF, useWorkbench } from './support/workbench';

describe('The packaged extension in code-server', () => {
  const server = useFakeServer({ defaultAnswer: answers.text('a + b;') });
  const workbench = useWorkbench(() => ({
    settings: {
      ...serverSettings(server(), 'fake-model'),
      'promptComplete.inline.debounceMs': 0,
      // The language's own suggestion list would take Tab for itself.
      ...SUGGESTION_LIST_OFF,
    },
    files: { 'src/add.js': 'function add(a, b) {\n  \n}\n' },
  }));

  it('activates on startup: its output channel is listed', async () => {
    const { page } = workbench();
    await runCommand(page, 'Output: Show Output Channels...');
    const channels = await quickPickLabels(page);
    await screenshot(page, 'ui-output-channels');
    await closeQuickInput(page);
    assert.ok(channels.includes('Prompt Complete'), `output channels: ${channels.join(', ')}`);
  });

  it('shows the server\'s completion as ghost text after typing, and Tab inserts it', async () => {
    const { page } = workbench();
    await openFile(page, 'src/add.js');
    await pressKeys(page, 'Control+Home', 'ArrowDown', 'End');
    await typeInEditor(page, 'return ');
    // The prompt names the file (context from the workspace), then the text before the cursor.
    const request = await server().waitForRequestWhere((r) => typeof r.body?.prompt === 'string' && r.body.prompt.endsWith('function add(a, b) {\n  return '));
    assert.match(request.body.prompt, /^\/\/ src\/add\.js\n/);
    const ghost = await waitForGhostText(page);
    await screenshot(page, 'ui-ghost-text');
    assert.equal(ghost, 'a + b;');
    await pressKeys(page, 'Tab');
    const text = await waitForEditorText(page, (current) => current.includes('return a + b;'));
    await screenshot(page, 'ui-ghost-text-accepted');
    assert.equal(text.split('\n')[1], '  return a + b;');
  });
});
