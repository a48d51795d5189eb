import * as vscode from 'vscode';
import { marksAfterEdit } from '../../core/marks-after-edit';
import type { UnlikelyToken } from '../../core/unlikely-tokens';
import { describeMark, markOf, type UnlikelyMark } from './describe-mark';

export type { UnlikelyMark };

/** The diagnostics' source and code, how the quick fixes find them again. */
export const UNLIKELY_SOURCE = 'Prompt Complete';
export const UNLIKELY_CODE = 'unlikely-token';

export type UnlikelySeverity = 'hint' | 'information';

/**
 * The marks of Check Unlikely Code, shown as diagnostics of low severity (their hover is the message:
 * the token's probability and what the model expected). They follow edits: a mark an edit touches goes
 * away (its judgement no longer holds), marks after it move with the text.
 */
export class UnlikelyCodeMarks implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('promptComplete.unlikelyCode');
  private readonly byDocument = new Map<string, UnlikelyMark[]>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly severity: () => UnlikelySeverity) {
    this.subscriptions = [
      vscode.workspace.onDidChangeTextDocument((event) => this.follow(event)),
      vscode.workspace.onDidCloseTextDocument((document) => this.clear(document.uri)),
    ];
  }

  /** Replaces the marks of `document` between `from` and `to` (offsets) with those of `tokens`. */
  set(document: vscode.TextDocument, from: number, to: number, tokens: readonly UnlikelyToken[]): UnlikelyMark[] {
    const key = document.uri.toString();
    const kept = (this.byDocument.get(key) ?? []).filter((mark) => mark.end <= from || mark.start >= to);
    const added = tokens.map((token) => markOf(token));
    this.byDocument.set(key, [...kept, ...added].sort((a, b) => a.start - b.start));
    this.publish(document);
    return added;
  }

  /** The marks of a document now. */
  marksOf(uri: vscode.Uri): UnlikelyMark[] {
    return (this.byDocument.get(uri.toString()) ?? []).map((mark) => structuredClone(mark));
  }

  /** The mark a diagnostic of this collection stands for. */
  markAt(document: vscode.TextDocument, range: vscode.Range): UnlikelyMark | undefined {
    const start = document.offsetAt(range.start);
    const end = document.offsetAt(range.end);
    return this.byDocument.get(document.uri.toString())?.find((mark) => mark.start === start && mark.end === end);
  }

  /** Removes every mark of a document. */
  clear(uri: vscode.Uri): void {
    if (!this.byDocument.delete(uri.toString())) return;
    this.collection.delete(uri);
  }

  /** Shows the marks again (after the severity setting changed). */
  refresh(): void {
    for (const document of vscode.workspace.textDocuments) {
      if (this.byDocument.has(document.uri.toString())) this.publish(document);
    }
  }

  private follow(event: vscode.TextDocumentChangeEvent): void {
    const key = event.document.uri.toString();
    const marks = this.byDocument.get(key);
    if (!marks || event.contentChanges.length === 0) return;
    const followed = marksAfterEdit(marks, event.contentChanges.map((change) => ({
      offset: change.rangeOffset,
      removedLength: change.rangeLength,
      insertedLength: change.text.length,
    })));
    this.byDocument.set(key, followed);
    this.publish(event.document);
  }

  private publish(document: vscode.TextDocument): void {
    const severity = this.severity() === 'hint' ? vscode.DiagnosticSeverity.Hint : vscode.DiagnosticSeverity.Information;
    const marks = this.byDocument.get(document.uri.toString()) ?? [];
    this.collection.set(document.uri, marks.map((mark) => {
      const range = new vscode.Range(document.positionAt(mark.start), document.positionAt(mark.end));
      const diagnostic = new vscode.Diagnostic(range, describeMark(mark, vscode.l10n.t), severity);
      diagnostic.source = UNLIKELY_SOURCE;
      diagnostic.code = UNLIKELY_CODE;
      return diagnostic;
    }));
  }

  dispose(): void {
    this.subscriptions.forEach((subscription) => subscription.dispose());
    this.collection.dispose();
    this.byDocument.clear();
  }
}
