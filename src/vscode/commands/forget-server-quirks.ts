import * as vscode from 'vscode';
import type { InlineSession } from '../../engine/inline-session';
import type { LogprobsSupport } from '../../engine/logprobs-support';
import type { SuffixSupport } from '../../engine/suffix-support';
import type { Log } from '../log';

/**
 * Forgets what was learnt about servers (those that refused `suffix`, and those that refused `logprobs`
 * or gave none), so the next request tries every field again.
 */
export function forgetServerQuirks(deps: { suffixSupport: SuffixSupport; logprobsSupport: LogprobsSupport; session: InlineSession; log: Log }): void {
  deps.suffixSupport.forget();
  deps.logprobsSupport.forget();
  deps.session.forgetAnswers();
  deps.log.info('Forgot what was learnt about servers; the next request tries every field again');
  void vscode.window.showInformationMessage('Prompt Complete: forgot what was learnt about servers. The next request tries every field again.');
}
