import * as vscode from 'vscode';
import { CommandIds } from '../command-ids';
import { LowConfidenceDecorations, type AppliedDecorations } from '../low-confidence-decorations';
import { TokenProbabilitiesPanel, type TokenProbabilitiesDeps, type TokenProbabilitiesSnapshot } from './panel';

/** The Token Probabilities command's answer: what the panel shows and which tokens are underlined. */
export interface TokenProbabilitiesState extends TokenProbabilitiesSnapshot {
  lowConfidence: AppliedDecorations | undefined;
}

/** Registers the Token Probabilities view, its command, and the low-confidence decorations. */
export function registerTokenProbabilities(deps: Omit<TokenProbabilitiesDeps, 'extensionUri'> & { context: vscode.ExtensionContext }): vscode.Disposable {
  const panel = new TokenProbabilitiesPanel({ ...deps, extensionUri: deps.context.extensionUri });
  const decorations = new LowConfidenceDecorations(deps.history, () => deps.settings().highlightLowConfidence);
  const state = (): TokenProbabilitiesState => ({ ...panel.snapshot(), lowConfidence: decorations.applied });
  return vscode.Disposable.from(
    panel,
    decorations,
    vscode.commands.registerCommand(CommandIds.showTokenProbabilities, (): TokenProbabilitiesState => {
      panel.show();
      return state();
    }),
    vscode.commands.registerCommand(CommandIds.deliverTokenProbabilitiesMessage, async (message: unknown): Promise<TokenProbabilitiesState> => {
      await panel.handleMessage(message);
      return state();
    }),
  );
}
