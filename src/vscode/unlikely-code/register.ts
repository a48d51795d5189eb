import * as vscode from 'vscode';
import { CommandIds } from '../command-ids';
import { checkUnlikelyCodeCommand, type CheckUnlikelyCodeDeps } from './check-command';
import { UnlikelyCodeMarks } from './marks';
import { UnlikelyCodeQuickFix } from './quick-fix';

/** Registers Check Unlikely Code: its commands, its marks and their quick fixes. */
export function registerUnlikelyCode(deps: Omit<CheckUnlikelyCodeDeps, 'marks'>): vscode.Disposable {
  const marks = new UnlikelyCodeMarks(() => deps.settings().unlikelySeverity);
  return vscode.Disposable.from(
    marks,
    vscode.languages.registerCodeActionsProvider('*', new UnlikelyCodeQuickFix(marks), UnlikelyCodeQuickFix.metadata),
    vscode.commands.registerCommand(CommandIds.checkUnlikelyCode, () => checkUnlikelyCodeCommand({ ...deps, marks })),
    vscode.commands.registerCommand(CommandIds.clearUnlikelyCodeMarks, () => {
      const editor = vscode.window.activeTextEditor;
      if (editor) marks.clear(editor.document.uri);
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('promptComplete.checkUnlikely.severity')) marks.refresh();
    }),
  );
}
