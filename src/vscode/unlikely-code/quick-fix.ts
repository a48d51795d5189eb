import * as vscode from 'vscode';
import { fixTitle, wordFixTitle } from './describe-mark';
import { UNLIKELY_CODE, UNLIKELY_SOURCE, type UnlikelyCodeMarks } from './marks';

/**
 * Offers, on a mark of Check Unlikely Code, to put in its place each word of the file the marked word
 * is a slip away from, and each alternative the model preferred for the token.
 */
export class UnlikelyCodeQuickFix implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly marks: UnlikelyCodeMarks) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== UNLIKELY_SOURCE || diagnostic.code !== UNLIKELY_CODE) continue;
      const mark = this.marks.markAt(document, diagnostic.range);
      if (!mark) continue;
      const edits: { title: string; range: vscode.Range; text: string }[] = [];
      // A slip's likely intent first: the word the file uses elsewhere, in place of the whole word.
      for (const nearWord of mark.nearWords ?? []) edits.push({ title: wordFixTitle(mark, nearWord, vscode.l10n.t), range: diagnostic.range, text: nearWord });
      const tokenRange = new vscode.Range(document.positionAt(mark.start + mark.token.offset), document.positionAt(mark.start + mark.token.offset + mark.token.length));
      for (const alternative of mark.alternatives) edits.push({ title: fixTitle(mark, alternative, vscode.l10n.t), range: tokenRange, text: alternative.text });
      edits.forEach(({ title, range, text }, index) => {
        const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [diagnostic];
        action.isPreferred = index === 0;
        action.edit = new vscode.WorkspaceEdit();
        action.edit.replace(document.uri, range, text);
        actions.push(action);
      });
    }
    return actions;
  }
}
