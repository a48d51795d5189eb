import * as path from 'node:path';
import * as vscode from 'vscode';
import type { RecordedCompletion } from '../completion-history';

/** A branch ready to go into the editor. */
export interface ReadyBranch {
  /** Where the chosen token starts in the recorded completion's text. */
  tokenOffset: number;
  kept: string;
  alternative: string;
  continuation: string;
}

/** Where Insert puts a branch, in words, and the edit that does it. */
export interface InsertPlan {
  label: string;
  apply(): Thenable<boolean>;
}

/**
 * How a branch can be inserted now, or undefined when it cannot. A Complete Selection's text is
 * replaced from the chosen token on, only while the document still holds it where it was inserted;
 * an inline completion's branch (the whole text with the alternative) goes in at the cursor of the
 * editor the user last worked in.
 */
export function planInsert(recorded: RecordedCompletion, branch: ReadyBranch, editor: vscode.TextEditor | undefined): InsertPlan | undefined {
  if (recorded.source === 'completeSelection') {
    if (!recorded.document || !recorded.range) return undefined;
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === recorded.document!.toString());
    if (!document || document.isClosed || document.getText(recorded.range) !== recorded.text) return undefined;
    const start = document.offsetAt(recorded.range.start) + branch.tokenOffset;
    const replaced = new vscode.Range(document.positionAt(start), recorded.range.end);
    return {
      label: vscode.l10n.t('Replace the completion from this token on in {0}', nameOf(document.uri)),
      apply: () => {
        const edit = new vscode.WorkspaceEdit();
        edit.replace(document.uri, replaced, branch.alternative + branch.continuation);
        return vscode.workspace.applyEdit(edit);
      },
    };
  }
  if (!editor || editor.document.isClosed) return undefined;
  const text = branch.kept + branch.alternative + branch.continuation;
  return {
    label: vscode.l10n.t('Insert at the cursor in {0}', nameOf(editor.document.uri)),
    apply: () => editor.edit((builder) => builder.replace(editor.selection, text)),
  };
}

function nameOf(uri: vscode.Uri): string {
  return uri.scheme === 'untitled' ? uri.path : path.basename(uri.fsPath || uri.path);
}
