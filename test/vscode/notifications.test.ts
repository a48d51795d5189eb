import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Gpt } from '../../src/client';
import { FailureReporter, type Notifier } from '../../src/vscode/failure-reporter';
import { Log } from '../../src/vscode/log';
import { StatusBar } from '../../src/vscode/status-bar';
import { answers, startFakeServer, type FakeCompletionServer } from '../support/fake-server';

// The pattern VS Code's notifications turn into clickable links (base/common/linkedText.ts, VS Code 1.100).
const NOTIFICATION_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/gi;
const HOSTILE = 'quota exceeded, [click here to fix it](command:workbench.action.quit)';

/** Records what would have been shown, instead of showing it. */
class RecordingNotifier implements Notifier {
  readonly shown: string[] = [];

  showErrorMessage(message: string): Thenable<string | undefined> {
    this.shown.push(message);
    return Promise.resolve(undefined);
  }

  showWarningMessage(message: string): Thenable<string | undefined> {
    this.shown.push(message);
    return Promise.resolve(undefined);
  }
}

describe('Server text in notifications', () => {
  let server: FakeCompletionServer;
  let gpt: Gpt;
  let channel: vscode.LogOutputChannel;
  let status: StatusBar;

  beforeEach(async () => {
    server = await startFakeServer();
    gpt = new Gpt({ serverURL: server.baseUrl, apiKeyAuth: 'sk-notification-test-key', retryConfig: { strategy: 'none' } });
    channel = vscode.window.createOutputChannel('Prompt Complete notification test', { log: true });
    status = new StatusBar();
  });

  afterEach(async () => {
    status.dispose();
    channel.dispose();
    await gpt.close();
    await server.close();
  });

  /** The error a real request gets from the fake server answering `answer`. */
  async function failureFrom(answer: Parameters<FakeCompletionServer['script']>[0]): Promise<unknown> {
    server.script(answer);
    return gpt.completions.createCompletion({ model: 'm', prompt: 'p' }).then(() => assert.fail('the request succeeded'), (error: unknown) => error);
  }

  it('shows a server\'s error message holding a command link as inert text', async () => {
    const notifier = new RecordingNotifier();
    const reporter = new FailureReporter(status, new Log(channel), notifier);
    reporter.commandFailed('Complete Selection', await failureFrom(answers.jsonError(400, HOSTILE)), server.baseUrl);
    assert.equal(notifier.shown.length, 1);
    assert.match(notifier.shown[0], /quota exceeded, \[click here to fix it\] \(command:workbench\.action\.quit\)/, 'the words are still there');
    assert.deepEqual([...notifier.shown[0].matchAll(NOTIFICATION_LINK)], [], `a link would render in: ${notifier.shown[0]}`);
  });

  it('asks for the key with the server\'s words as inert text when a refused key carries a link', async () => {
    const notifier = new RecordingNotifier();
    const reporter = new FailureReporter(status, new Log(channel), notifier);
    reporter.inlineFailed(await failureFrom(answers.jsonError(401, HOSTILE)), server.baseUrl);
    assert.equal(notifier.shown.length, 1);
    assert.deepEqual([...notifier.shown[0].matchAll(NOTIFICATION_LINK)], [], `a link would render in: ${notifier.shown[0]}`);
  });

  it('never shows the key a server echoes back', async () => {
    const notifier = new RecordingNotifier();
    const log = new Log(channel);
    log.addSecret('sk-notification-test-key');
    const reporter = new FailureReporter(status, log, notifier);
    reporter.commandFailed('Complete Selection', await failureFrom(answers.jsonError(400, 'bad key sk-notification-test-key')), server.baseUrl);
    assert.ok(!notifier.shown[0].includes('sk-notification-test-key'), notifier.shown[0]);
  });
});
