import * as vscode from 'vscode';
import type { ApiKeyStore } from '../api-key-store';

/** Asks for the API key in a password box and keeps it in SecretStorage. */
export async function setApiKey(keys: ApiKeyStore): Promise<void> {
  const key = await vscode.window.showInputBox({
    title: vscode.l10n.t('Prompt Complete: Set API Key'),
    prompt: vscode.l10n.t('The key is kept in VS Code\'s secret storage and sent only as "Authorization: Bearer" to the configured server.'),
    placeHolder: vscode.l10n.t('API key'),
    password: true,
    ignoreFocusOut: true,
    validateInput: (value) => (/\s/.test(value.trim()) ? vscode.l10n.t('A key has no spaces inside it.') : undefined),
  });
  if (key === undefined) return;
  const trimmed = key.trim();
  if (!trimmed) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Prompt Complete: no key entered; the stored key is unchanged.'));
    return;
  }
  await keys.set(trimmed);
  void vscode.window.showInformationMessage(vscode.l10n.t('Prompt Complete: API key saved in secret storage.'));
}
