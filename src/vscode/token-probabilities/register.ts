import * as vscode from 'vscode';
import { LowConfidenceDecorations, type AppliedDecorations } from '../low-confidence-decorations';
import { TokenProbabilitiesPanel, type TokenProbabilitiesDeps, type TokenProbabilitiesSnapshot } from './panel';

/** The Token Probabilities command's answer: what the panel shows and which tokens are underlined. */
export interface TokenProbabilitiesState extends TokenProbabilitiesSnapshot {
  lowConfidence: AppliedDecorations | undefined;
}

export const TokenProbabilitiesCommands = {
  /** In package.json: opens the view; answers {@link TokenProbabilitiesState}. */
  show: 'promptComplete.showTokenProbabilities',
  /**
   * Not in the manifest: delivers a message to the panel as its page would send it, then answers the
   * state. It is how the extension-host tests choose an alternative without a mouse in the webview.
   */
  deliverMessage: 'promptComplete.tokenProbabilities.deliverMessage',
} as const;

/** Registers the Token Probabilities view, its command, and the low-confidence decorations. */
export function registerTokenProbabilities(deps: Omit<TokenProbabilitiesDeps, 'extensionUri'> & { context: vscode.ExtensionContext }): vscode.Disposable {
  const panel = new TokenProbabilitiesPanel({ ...deps, extensionUri: deps.context.extensionUri });
  const decorations = new LowConfidenceDecorations(deps.history, () => vscode.workspace.getConfiguration('promptComplete').get<boolean>('highlightLowConfidence', true));
  const state = (): TokenProbabilitiesState => ({ ...panel.snapshot(), lowConfidence: decorations.applied });
  return vscode.Disposable.from(
    panel,
    decorations,
    vscode.commands.registerCommand(TokenProbabilitiesCommands.show, (): TokenProbabilitiesState => {
      panel.show();
      return state();
    }),
    vscode.commands.registerCommand(TokenProbabilitiesCommands.deliverMessage, async (message: unknown): Promise<TokenProbabilitiesState> => {
      await panel.handleMessage(message);
      return state();
    }),
  );
}
