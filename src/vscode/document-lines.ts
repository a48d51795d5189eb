import type * as vscode from 'vscode';
import type { LineSource } from '../core/context';

/** A TextDocument seen as lines, so context extraction reads only the lines it needs. */
export class DocumentLines implements LineSource {
  constructor(private readonly document: vscode.TextDocument) {}

  get lineCount(): number {
    return this.document.lineCount;
  }

  lineAt(line: number): string {
    return this.document.lineAt(line).text;
  }
}
