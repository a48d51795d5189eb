import * as vscode from 'vscode';

/** Wires the extension's parts together; all behaviour lives in src/vscode/ and src/core/. */
export function activate(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel('Prompt Complete', { log: true });
  context.subscriptions.push(output);
  output.info('Prompt Complete activated');
}

export function deactivate(): void {}
