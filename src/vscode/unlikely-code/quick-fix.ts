import * as vscode from 'vscode';
import { fixTitle } from './describe-mark';
import { UNLIKELY_CODE, UNLIKELY_SOURCE, type UnlikelyCodeMarks } from './marks';

/** Offers, on a mark of Check Unlikely Code, to replace the token with each alternative the model preferred. */
export class UnlikelyCodeQuickFix implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly marks: UnlikelyCodeMarks) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== UNLIKELY_SOURCE || diagnostic.code !== UNLIKELY_CODE) continue;
      const mark = this.marks.markAt(document, diagnostic.range);
      if (!mark) continue;
      mark.alternatives.forEach((alternative, index) => {
        const action = new vscode.CodeAction(fixTitle(mark, alternative), vscode.CodeActionKind.QuickFix);
        action.diagnostics = [diagnostic];
        action.isPreferred = index === 0;
        action.edit = new vscode.WorkspaceEdit();
        action.edit.replace(document.uri, diagnostic.range, alternative.text);
        actions.push(action);
      });
    }
    return actions;
  }
}
