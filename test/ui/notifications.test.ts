import * as assert from 'node:assert/strict';
import { answers } from '../support/fake-server';
import { runCommand } from './support/commands';
import { openFile, pressKeys } from './support/editor';
import { serverSettings, useFakeServer } from './support/fake-server';
import { screenshot, useWorkbench } from './support/workbench';

describe('What a server says, as the notification shows it', () => {
  const server = useFakeServer();
  const workbench = useWorkbench(() => ({
    settings: { ...serverSettings(server(), 'test-model'), 'promptComplete.inline.enabled': false },
    files: { 'notes.md': 'The plan:\n' },
  }));

  it('renders a command link in a server\'s error message as plain text, not as a link', async () => {
    const { page } = workbench();
    server().script(answers.jsonError(400, 'quota exceeded, [click here to fix it](command:workbench.action.quit)'));
    await openFile(page, 'notes.md');
    await pressKeys(page, 'Control+End');
    await runCommand(page, 'Prompt Complete: Complete Selection');
    const toast = page.locator('.notification-toast', { hasText: 'quota exceeded' });
    await toast.waitFor();
    await screenshot(page, 'ui-inert-server-message');
    const message = toast.locator('.notification-list-item-message');
    assert.match((await message.textContent()) ?? '', /\[click here to fix it\] \(command:workbench\.action\.quit\)/);
    assert.equal(await message.locator('a').count(), 0, 'the message holds a link');
  });
});
