import * as vscode from 'vscode';
import { describeSentRequest, type LastSentRequest } from '../../engine/sent-request';

/** The scheme of the read-only document that shows the last request. */
export const LAST_REQUEST_SCHEME = 'prompt-complete-request';
const LAST_REQUEST_URI = vscode.Uri.from({ scheme: LAST_REQUEST_SCHEME, path: 'Last Request' });

/**
 * Serves the last request as a read-only virtual document. Its text is taken when the command runs
 * (and kept until it runs again), so the document does not change under the reader while typing
 * goes on in another editor.
 */
export class LastRequestDocument implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private text = '';
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly last: LastSentRequest) {}

  provideTextDocumentContent(): string {
    return this.text;
  }

  /** Shows the latest request (or says there is none yet) beside the current editor. */
  async show(): Promise<void> {
    const sent = this.last.latest;
    this.text = sent
      ? describeSentRequest(sent)
      : 'Prompt Complete has sent no request yet in this window. Type in an editor or run Complete Selection, then run Show Last Request again.';
    this.changed.fire(LAST_REQUEST_URI);
    const document = await vscode.workspace.openTextDocument(LAST_REQUEST_URI);
    await vscode.window.showTextDocument(document, { preview: true, viewColumn: vscode.ViewColumn.Beside, preserveFocus: false });
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** Registers the document provider; the command calls `show`. */
export function registerLastRequestDocument(document: LastRequestDocument): vscode.Disposable {
  return vscode.workspace.registerTextDocumentContentProvider(LAST_REQUEST_SCHEME, document);
}
