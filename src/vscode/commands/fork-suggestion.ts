import * as vscode from 'vscode';
import type { ForkOutcome } from '../../engine/inline-fork';
import type { InlineSession } from '../../engine/inline-session';
import type { Settings } from '../../engine/settings';
import type { FailureReporter } from '../failure-reporter';
import { textAround } from '../inline-provider';
import type { Log } from '../log';
import type { StatusBar } from '../status-bar';

export interface ForkSuggestionDeps {
  settings: () => Settings;
  session: InlineSession;
  status: StatusBar;
  failures: FailureReporter;
  log: Log;
}

/** What the fork command did (its answer; the tests read it). */
export type ForkSuggestionResult = ForkOutcome | { kind: 'noEditor' } | { kind: 'failed'; reason: string };

const QUIET_MESSAGE_MS = 4000;

/**
 * Fork Suggestion (Shift+Alt+] on a shown suggestion): replaces the suggestion's least likely token
 * with the model's next most likely alternative and has the server continue from there; the new
 * suggestion replaces the shown one, and pressing again moves on to the next alternative. Says so
 * quietly, in the status bar, when there is nothing to fork.
 */
export async function forkSuggestion(deps: ForkSuggestionDeps): Promise<ForkSuggestionResult> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return { kind: 'noEditor' };
  const settings = deps.settings();
  const { prefix, suffix } = textAround(editor.document, editor.selection.active, settings, undefined);
  deps.status.set({ kind: 'working' });
  let outcome: ForkOutcome;
  try {
    outcome = await deps.session.fork({ prefix, suffix, signal: new AbortController().signal });
  } catch (error) {
    const failure = deps.failures.inlineFailed(error, settings.serverUrl);
    return { kind: 'failed', reason: failure.reason };
  }
  deps.status.set({ kind: 'idle' });
  if (outcome.kind !== 'forked') {
    vscode.window.setStatusBarMessage(whyNotForked(outcome.kind), QUIET_MESSAGE_MS);
    return outcome;
  }
  deps.log.info(`Fork: ${JSON.stringify(outcome.replaced)} -> ${JSON.stringify(outcome.alternative)} at ${outcome.offset}, ${outcome.raw.length} chars`);
  if (vscode.window.activeTextEditor === editor) {
    await vscode.commands.executeCommand('editor.action.inlineSuggest.hide');
    await vscode.commands.executeCommand('editor.action.inlineSuggest.trigger');
  }
  return outcome;
}

function whyNotForked(kind: Exclude<ForkOutcome['kind'], 'forked'>): string {
  const t = vscode.l10n.t;
  switch (kind) {
    case 'nothingShown':
      return t('Prompt Complete: no suggestion here to fork');
    case 'noLogprobs':
      return t('Prompt Complete: the server gave no alternatives for this suggestion (logprobs), so it cannot be forked');
    case 'noAlternative':
      return t('Prompt Complete: no other alternative left to try in this suggestion');
  }
}
