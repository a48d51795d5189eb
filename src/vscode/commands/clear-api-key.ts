import * as vscode from 'vscode';
import type { ApiKeyStore } from '../api-key-store';

/** Removes the API key from SecretStorage; requests then go without an Authorization header. */
export async function clearApiKey(keys: ApiKeyStore): Promise<void> {
  await keys.clear();
  void vscode.window.showInformationMessage(vscode.l10n.t('Prompt Complete: API key removed.'));
}
