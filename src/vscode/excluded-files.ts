import * as vscode from 'vscode';

/**
 * Whether nothing from `document` may be sent to the server: the one place the features that send a
 * document's text (Check Unlikely Code here) ask. It reads the `promptComplete.exclude` globs once the
 * extension declares that setting; until then no file is excluded.
 */
export function isExcludedFile(document: vscode.TextDocument): boolean {
  const globs = vscode.workspace.getConfiguration('promptComplete', document.uri).get<unknown>('exclude');
  if (!Array.isArray(globs)) return false;
  return globs.some((glob) => typeof glob === 'string' && glob.length > 0 && vscode.languages.match({ pattern: glob }, document) > 0);
}
