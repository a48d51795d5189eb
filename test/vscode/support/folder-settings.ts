import * as vscode from 'vscode';
import { waitFor } from './editor';

/** The opened folder, as the runner set it up. */
export function workspaceFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the suite runs with a workspace folder');
  return folder.uri;
}

/** The opened folder's `.vscode/settings.json`, as a cloned repository would bring it. */
function folderSettingsUri(): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder(), '.vscode', 'settings.json');
}

// A window-scoped value the settings file also sets: once VS Code reports it, the file has been read.
export const MARKER_TEMPERATURE = 0.123;

/** Writes the folder's settings (plus the marker) and waits until VS Code has read them. */
export async function writeFolderSettings(values: Record<string, unknown>): Promise<void> {
  const uri = folderSettingsUri();
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
  await vscode.workspace.fs.writeFile(uri, Buffer.from(JSON.stringify({ ...values, 'promptComplete.temperature': MARKER_TEMPERATURE }, null, 2)));
  await waitFor(() => vscode.workspace.getConfiguration('promptComplete').inspect('temperature')?.workspaceValue === MARKER_TEMPERATURE, 'VS Code to read the folder settings');
}

/** Deletes the folder's settings and waits until VS Code has dropped them. */
export async function removeFolderSettings(): Promise<void> {
  await vscode.workspace.fs.delete(vscode.Uri.joinPath(folderSettingsUri(), '..'), { recursive: true, useTrash: false }).then(undefined, () => {});
  await waitFor(() => vscode.workspace.getConfiguration('promptComplete').inspect('temperature')?.workspaceValue === undefined, 'VS Code to drop the folder settings');
}

/** Creates a file in the opened folder and opens it in an editor with the cursor at the `|` marker (removed). */
export async function openWorkspaceFile(relativePath: string, textWithCursor: string): Promise<vscode.TextEditor> {
  const offset = textWithCursor.indexOf('|');
  if (offset < 0) throw new Error('the text needs a | marking the cursor');
  const uri = vscode.Uri.joinPath(workspaceFolder(), relativePath);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1)));
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  const position = editor.document.positionAt(offset);
  editor.selection = new vscode.Selection(position, position);
  return editor;
}

/** Deletes files the tests created in the opened folder. */
export async function deleteWorkspaceFiles(...relativePaths: string[]): Promise<void> {
  for (const relativePath of relativePaths) {
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceFolder(), relativePath), { recursive: true, useTrash: false }).then(undefined, () => {});
  }
}
