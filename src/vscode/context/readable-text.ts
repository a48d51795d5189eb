import type * as vscode from 'vscode';

/** A document larger than this is data or generated code: no context source reads it. */
export const MAX_CONTEXT_DOCUMENT_CHARS = 1_000_000;

/** How much of the start of a document is checked for NUL characters (the mark of a binary file). */
const BINARY_PROBE_LINES = 50;

/**
 * True when a document is text of a size worth reading for context. Reads only its line count, its
 * last line's offset and its first lines, so a 10 MB document costs as little as a small one.
 */
export function isReadableText(document: vscode.TextDocument): boolean {
  // More lines than a document within the size limit plausibly has: too large, without measuring it.
  if (document.lineCount === 0 || document.lineCount > MAX_CONTEXT_DOCUMENT_CHARS / 8) return false;
  const end = document.lineAt(document.lineCount - 1).range.end;
  if (document.offsetAt(end) > MAX_CONTEXT_DOCUMENT_CHARS) return false;
  for (let line = 0; line < Math.min(document.lineCount, BINARY_PROBE_LINES); line++) {
    if (document.lineAt(line).text.includes('\u0000')) return false;
  }
  return true;
}
