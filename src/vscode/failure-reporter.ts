import * as vscode from 'vscode';
import { inertText } from '../core/inert-text';
import { describeError, type Failure } from '../engine/describe-error';
import { CommandIds } from './command-ids';
import type { Log } from './log';
import type { StatusBar } from './status-bar';

/** The buttons of failure messages, in the user's language. */
const SET_KEY = () => vscode.l10n.t('Set API Key');
const SHOW_LOG = () => vscode.l10n.t('Show Log');

/** Where messages go: VS Code's notifications (`vscode.window`), or a recorder in tests. */
export interface Notifier {
  showErrorMessage(message: string, ...actions: string[]): Thenable<string | undefined>;
  showWarningMessage(message: string, ...actions: string[]): Thenable<string | undefined>;
}

/**
 * Decides what the user sees when a request fails. Inline failures are quiet (the status bar and the
 * log) and retried at the next keystroke; only a refused key asks the user, once until the key changes.
 * A failure's reason can hold a server's own words: everything shown has the key redacted, and
 * notifications get it as inert text (a server cannot plant a clickable command link).
 */
export class FailureReporter {
  private keyPromptShown = false;

  constructor(
    private readonly status: StatusBar,
    private readonly log: Log,
    private readonly notifier: Notifier = vscode.window,
  ) {}

  /** Call when the key changes: a new refusal may ask again. */
  keyChanged(): void {
    this.keyPromptShown = false;
  }

  /** Reports a failed inline request; returns what it was. */
  inlineFailed(error: unknown, serverUrl: string): Failure {
    const failure = this.describe(error, serverUrl);
    if (failure.kind === 'aborted') return failure;
    this.log.warn(`Inline completion failed: ${failure.reason}`);
    this.status.set({ kind: 'error', reason: failure.reason });
    if (failure.kind === 'auth') this.offerKey(failure);
    return failure;
  }

  /** Reports a failure of a command the user ran: that deserves a message every time. */
  commandFailed(what: string, error: unknown, serverUrl: string): void {
    const failure = this.describe(error, serverUrl);
    if (failure.kind === 'aborted') return;
    this.log.warn(`${what} failed: ${failure.reason}`);
    this.status.set({ kind: 'error', reason: failure.reason });
    const actions = failure.kind === 'auth' ? [SET_KEY(), SHOW_LOG()] : [SHOW_LOG()];
    void this.notifier.showErrorMessage(vscode.l10n.t('Prompt Complete: {0} failed: {1}.', what, inertText(failure.reason)), ...actions).then((choice) => this.act(choice));
  }

  private describe(error: unknown, serverUrl: string): Failure {
    const failure = describeError(error, serverUrl, vscode.l10n.t);
    return { ...failure, reason: this.log.redact(failure.reason) };
  }

  private offerKey(failure: Failure): void {
    if (this.keyPromptShown) return;
    this.keyPromptShown = true;
    void this.notifier.showWarningMessage(vscode.l10n.t('Prompt Complete: {0}.', inertText(failure.reason)), SET_KEY(), SHOW_LOG()).then((choice) => this.act(choice));
  }

  private act(choice: string | undefined): void {
    if (choice === SET_KEY()) void vscode.commands.executeCommand(CommandIds.setApiKey);
    if (choice === SHOW_LOG()) this.log.show();
  }
}
