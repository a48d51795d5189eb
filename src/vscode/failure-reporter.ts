import * as vscode from 'vscode';
import { describeError, type Failure } from '../engine/describe-error';
import { CommandIds } from './command-ids';
import type { Log } from './log';
import type { StatusBar } from './status-bar';

/**
 * Decides what the user sees when a request fails. Inline failures are quiet (the status bar and the
 * log) and retried at the next keystroke; only a refused key asks the user, once until the key changes.
 */
export class FailureReporter {
  private keyPromptShown = false;

  constructor(
    private readonly status: StatusBar,
    private readonly log: Log,
  ) {}

  /** Call when the key changes: a new refusal may ask again. */
  keyChanged(): void {
    this.keyPromptShown = false;
  }

  /** Reports a failed inline request; returns what it was. */
  inlineFailed(error: unknown, serverUrl: string): Failure {
    const failure = describeError(error, serverUrl);
    if (failure.kind === 'aborted') return failure;
    this.log.warn(`Inline completion failed: ${failure.reason}`);
    this.status.set({ kind: 'error', reason: failure.reason });
    if (failure.kind === 'auth') this.offerKey(failure);
    return failure;
  }

  /** Reports a failure of a command the user ran: that deserves a message every time. */
  commandFailed(what: string, error: unknown, serverUrl: string): void {
    const failure = describeError(error, serverUrl);
    if (failure.kind === 'aborted') return;
    this.log.warn(`${what} failed: ${failure.reason}`);
    this.status.set({ kind: 'error', reason: failure.reason });
    const actions = failure.kind === 'auth' ? ['Set API Key', 'Show Log'] : ['Show Log'];
    void vscode.window.showErrorMessage(`Prompt Complete: ${what} failed: ${failure.reason}.`, ...actions).then((choice) => this.act(choice));
  }

  private offerKey(failure: Failure): void {
    if (this.keyPromptShown) return;
    this.keyPromptShown = true;
    void vscode.window.showWarningMessage(`Prompt Complete: ${failure.reason}.`, 'Set API Key', 'Show Log').then((choice) => this.act(choice));
  }

  private act(choice: string | undefined): void {
    if (choice === 'Set API Key') void vscode.commands.executeCommand(CommandIds.setApiKey);
    if (choice === 'Show Log') this.log.show();
  }
}
