import * as vscode from 'vscode';

/** Something learnt about servers that can be forgotten (SuffixSupport, LogprobsSupport). */
export interface Forgettable {
  reset(): void;
}

/**
 * Forget Server Quirks: forgets which servers refused `suffix` and which refused `logprobs` or gave
 * none, so the next requests ask with them again (after a server was upgraded or replaced behind the
 * same URL).
 */
export function forgetServerQuirks(learnt: readonly Forgettable[]): void {
  for (const part of learnt) part.reset();
  void vscode.window.showInformationMessage('Prompt Complete: forgot which servers refuse suffix or give no logprobs; the next requests ask with them again.');
}
