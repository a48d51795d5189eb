import * as vscode from 'vscode';
import { describeSentRequest, type LastSentRequest } from '../../engine/sent-request';

/** The scheme of the read-only documents that show the last request. */
export const LAST_REQUEST_SCHEME = 'prompt-complete-request';

/** Shown documents whose text is kept (older ones are closed or long replaced). */
const KEPT_DOCUMENTS = 10;

/**
 * Serves the last request as a read-only virtual document. Each run of the command opens a new one
 * (same title, its own URI) with the request as it was then, so a document never changes under the
 * reader while typing goes on elsewhere, and never shows an older request than the command's.
 */
export class LastRequestDocument implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private shown = 0;

  constructor(private readonly last: LastSentRequest) {}

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? vscode.l10n.t('This request is no longer kept: run Prompt Complete: Show Last Request again.');
  }

  /** Shows the latest request (or says there is none yet) beside the current editor. */
  async show(): Promise<void> {
    const sent = this.last.latest;
    // The path is the editor tab's title.
    const uri = vscode.Uri.from({ scheme: LAST_REQUEST_SCHEME, path: vscode.l10n.t('Last Request'), query: String(++this.shown) });
    this.texts.set(uri.toString(), sent
      ? describeSentRequest(sent, vscode.l10n.t)
      : vscode.l10n.t('Prompt Complete has sent no request yet in this window. Type in an editor or run Complete Selection, then run Show Last Request again.'));
    if (this.texts.size > KEPT_DOCUMENTS) this.texts.delete(this.texts.keys().next().value!);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: true, viewColumn: vscode.ViewColumn.Beside });
  }
}

/** Registers the document provider; the command calls `show`. */
export function registerLastRequestDocument(document: LastRequestDocument): vscode.Disposable {
  return vscode.workspace.registerTextDocumentContentProvider(LAST_REQUEST_SCHEME, document);
}
