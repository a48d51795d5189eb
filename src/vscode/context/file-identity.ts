import * as vscode from 'vscode';
import { nameWithLanguage } from '../../core/context/comment-syntax';
import type { ContextFile } from '../../core/context/snippet';

/**
 * The path the prompt gives a document: workspace-relative with forward slashes (the folder's name
 * first in a multi-root workspace); an untitled file's name with its language's extension.
 */
export function promptPath(uri: vscode.Uri, languageId: string): string {
  if (uri.scheme === 'untitled') return nameWithLanguage(uri.path.replace(/^\/+/, ''), languageId);
  const file = uri.scheme === 'vscode-notebook-cell' ? uri.with({ scheme: 'file', fragment: '' }) : uri;
  if (!vscode.workspace.getWorkspaceFolder(file)) return file.path.slice(file.path.lastIndexOf('/') + 1);
  return vscode.workspace.asRelativePath(file).replace(/\\/g, '/');
}

/** The current document as the prompt names it. */
export function contextFileOf(document: vscode.TextDocument): ContextFile {
  return { path: promptPath(document.uri, document.languageId), languageId: document.languageId };
}

/** The workspace folder's name, for formats that open with the repository's name. */
export function repoNameOf(uri: vscode.Uri): string | undefined {
  const file = uri.scheme === 'vscode-notebook-cell' ? uri.with({ scheme: 'file', fragment: '' }) : uri;
  return vscode.workspace.getWorkspaceFolder(file)?.name ?? vscode.workspace.workspaceFolders?.[0]?.name;
}

/** The key the stores know a document by. */
export function documentKeyOf(uri: vscode.Uri): string {
  return uri.toString();
}
