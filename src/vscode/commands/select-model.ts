import * as vscode from 'vscode';
import { inertText } from '../../core/inert-text';
import type { Settings } from '../../engine/settings';
import type { ClientProvider } from '../client-provider';
import type { FailureReporter } from '../failure-reporter';

/** Lists the server's models (GET {serverUrl}/models) and writes the chosen one to promptComplete.model. */
export async function selectModel(settings: () => Settings, clients: ClientProvider, failures: FailureReporter): Promise<void> {
  const { serverUrl, model: current } = settings();
  const t = vscode.l10n.t;
  let ids: string[];
  try {
    ids = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: t('Prompt Complete: listing models at {0}…', serverUrl), cancellable: true },
      async (_progress, token) => {
        const abort = new AbortController();
        const subscription = token.onCancellationRequested(() => abort.abort());
        try {
          const { listModelsResponse } = await clients.gpt.models.listModels({ signal: abort.signal });
          return listModelsResponse.data.map((model) => model.id).filter((id) => typeof id === 'string' && id.length > 0);
        } finally {
          subscription.dispose();
        }
      },
    );
  } catch (error) {
    failures.commandFailed(t('Select Model'), error, serverUrl);
    return;
  }
  const picks: vscode.QuickPickItem[] = ids.map((id) => ({ label: id, description: id === current ? t('current') : undefined }));
  picks.push({ label: '', kind: vscode.QuickPickItemKind.Separator }, { label: t('Use the server\'s first model'), description: t('leave promptComplete.model empty'), detail: undefined });
  const choice = await vscode.window.showQuickPick(picks, {
    title: t('Prompt Complete: Select Model ({0})', serverUrl),
    placeHolder: ids.length ? t('Choose the model for completions') : t('The server lists no models'),
  });
  if (!choice) return;
  const value = ids.includes(choice.label) ? choice.label : '';
  await vscode.workspace.getConfiguration('promptComplete').update('model', value, vscode.ConfigurationTarget.Global);
  // The id came from the server: shown as inert text.
  void vscode.window.showInformationMessage(value ? t('Prompt Complete: model set to {0}.', inertText(value)) : t('Prompt Complete: model set to the server\'s first model.'));
}
