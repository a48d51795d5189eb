import * as vscode from 'vscode';
import { readSuiteConfig } from './suite-config';

/** The URL of the project's local server that the runner started (`http://127.0.0.1:PORT/v1`); throws why it did not start. */
export function localServerUrl(): string {
  const config = readSuiteConfig(vscode.workspace.workspaceFolders?.[0]?.uri.fsPath);
  if (!config.localServerUrl) throw new Error(`the local server did not start: ${config.localServerError ?? 'unknown reason'}`);
  return config.localServerUrl;
}
