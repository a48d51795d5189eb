import * as vscode from 'vscode';
import type { LineSource, Position } from '../../core/context';
import { NotebookLines } from '../../core/context/notebook';
import { DocumentLines } from '../document-lines';

/** The text a completion reads around the cursor, and where the cursor is in it. */
export interface CompletionSource {
  lines: LineSource;
  position: Position;
}

/**
 * For a notebook cell: the whole notebook as one document (cells above, the cell, cells below), so
 * the prefix carries the cells above and the suffix the cells below. Undefined for other documents.
 * Cells are read lazily, line by line, within the usual budgets.
 */
export function notebookSourceFor(document: vscode.TextDocument, position: vscode.Position): CompletionSource | undefined {
  if (document.uri.scheme !== 'vscode-notebook-cell') return undefined;
  for (const notebook of vscode.workspace.notebookDocuments) {
    const cells = notebook.getCells();
    const current = cells.findIndex((cell) => cell.document === document);
    if (current < 0) continue;
    const lines = new NotebookLines(cells.map((cell) => ({
      kind: cell.kind === vscode.NotebookCellKind.Markup ? 'markup' : 'code',
      languageId: cell.document.languageId,
      lines: new DocumentLines(cell.document),
    })), current);
    return { lines, position: lines.positionOf(position) };
  }
  return undefined;
}

/** The text around the cursor of any document: a notebook cell sees its neighbours, other documents themselves. */
export function completionSourceFor(document: vscode.TextDocument, position: vscode.Position): CompletionSource {
  return notebookSourceFor(document, position) ?? { lines: new DocumentLines(document), position };
}
