import * as vscode from 'vscode';

/** True for a file the user keeps out of requests (`promptComplete.exclude`). */
export type ExclusionCheck = (uri: vscode.Uri) => boolean;

/**
 * The one gate every context source passes a file through before reading it: only in a trusted
 * workspace, only files inside its folders (or untitled files and notebook cells of such files), and
 * never a file the user excluded.
 */
export class ContextPolicy {
  constructor(private readonly isExcluded: ExclusionCheck) {}

  isContextAllowed(uri: vscode.Uri): boolean {
    if (!vscode.workspace.isTrusted) return false;
    if (uri.scheme === 'untitled') return !this.isExcluded(uri);
    // A notebook cell's URI carries its notebook's path; the notebook decides.
    const file = uri.scheme === 'vscode-notebook-cell' ? uri.with({ scheme: 'file', fragment: '' }) : uri;
    if (!vscode.workspace.getWorkspaceFolder(file)) return false;
    return !this.isExcluded(file);
  }
}
