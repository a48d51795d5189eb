import * as vscode from 'vscode';
import { linesAround, linesFrom, type Excerpt } from '../../core/context/excerpt';
import type { WorkingSet, WorkingSetTouch } from '../../core/context/working-set';
import { DocumentLines } from '../document-lines';
import type { ContextPolicy } from './context-allowed';
import { documentKeyOf, promptPath } from './file-identity';
import { isReadableText } from './readable-text';

/** Lines kept around an edit or a save, and at most of a visible range or a copy. */
const EDIT_CHUNK_LINES = 24;
const VIEW_CHUNK_LINES = 60;
const CHUNK_CHARS = 3000;
/** Scrolling and typing settle for this long before the chunk is read: one read per pause, not per event. */
const SETTLE_MS = 400;

/**
 * Feeds the working set from editor events: the ranges the developer looks at, the code around
 * their edits and saves, and what they copy. Event handlers only note what happened and arm a timer;
 * the reading happens once things settle, never on the keystroke path.
 */
export class WorkingSetGatherer implements vscode.Disposable {
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private lastSelection: { document: vscode.TextDocument; selection: vscode.Selection } | undefined;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly workingSet: WorkingSet,
    private readonly policy: ContextPolicy,
    private readonly now: () => number = Date.now,
  ) {
    this.subscriptions = [
      vscode.window.onDidChangeTextEditorVisibleRanges((event) => this.viewed(event.textEditor)),
      vscode.workspace.onDidChangeTextDocument((event) => this.edited(event)),
      vscode.workspace.onDidSaveTextDocument((document) => this.saved(document)),
      vscode.window.onDidChangeTextEditorSelection((event) => this.selected(event)),
      vscode.window.onDidChangeActiveTextEditor(() => this.maybeCopied()),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (document.isUntitled) this.workingSet.forget(documentKeyOf(document.uri));
      }),
    ];
    for (const editor of vscode.window.visibleTextEditors) this.viewed(editor);
  }

  private viewed(editor: vscode.TextEditor): void {
    const range = editor.visibleRanges[0];
    if (!range) return;
    const document = editor.document;
    this.later(`view:${document.uri}`, document, () => {
      const middle = Math.floor((range.start.line + range.end.line) / 2);
      const excerpt = range.end.line - range.start.line + 1 <= VIEW_CHUNK_LINES
        ? linesFrom(new DocumentLines(document), range.start.line, range.end.line, CHUNK_CHARS)
        : linesAround(new DocumentLines(document), middle, VIEW_CHUNK_LINES, CHUNK_CHARS);
      if (excerpt) this.touch(document, excerpt, 'viewed');
    });
  }

  private edited(event: vscode.TextDocumentChangeEvent): void {
    const change = event.contentChanges[0];
    if (!change) return;
    const document = event.document;
    const line = change.range.start.line + Math.max(0, change.text.split('\n').length - 1);
    this.later(`edit:${document.uri}`, document, () => this.around(document, line, 'edited'));
  }

  private saved(document: vscode.TextDocument): void {
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === document);
    const line = editor?.selection.active.line ?? 0;
    this.later(`save:${document.uri}`, document, () => this.around(document, line, 'saved'));
  }

  private selected(event: vscode.TextEditorSelectionChangeEvent): void {
    const selection = event.selections[0];
    if (selection && !selection.isEmpty) this.lastSelection = { document: event.textEditor.document, selection };
  }

  /**
   * VS Code tells no one about a copy. When the developer moves to another editor right after
   * selecting text, and the clipboard holds exactly that text, it was copied to be used here.
   */
  private maybeCopied(): void {
    const last = this.lastSelection;
    this.lastSelection = undefined;
    if (!last || last.document.isClosed || vscode.window.activeTextEditor?.document === last.document) return;
    const selected = last.document.getText(last.selection);
    void vscode.env.clipboard.readText().then((clipboard) => {
      if (!clipboard.trim() || clipboard.trim() !== selected.trim()) return;
      if (!this.allowed(last.document)) return;
      const excerpt = linesFrom(new DocumentLines(last.document), last.selection.start.line, Math.min(last.selection.end.line, last.selection.start.line + VIEW_CHUNK_LINES - 1), CHUNK_CHARS);
      if (excerpt) this.touch(last.document, excerpt, 'copied');
    }, () => undefined);
  }

  private around(document: vscode.TextDocument, line: number, source: 'edited' | 'saved'): void {
    const excerpt = linesAround(new DocumentLines(document), line, EDIT_CHUNK_LINES, CHUNK_CHARS);
    if (excerpt) this.touch(document, excerpt, source);
  }

  private touch(document: vscode.TextDocument, excerpt: Excerpt, source: WorkingSetTouch['source']): void {
    const touch: WorkingSetTouch = {
      documentKey: documentKeyOf(document.uri),
      path: promptPath(document.uri, document.languageId),
      languageId: document.languageId,
      excerpt,
      source,
      at: this.now(),
    };
    this.workingSet.touch(touch);
  }

  /** Runs `read` once events for `key` have settled, if the document is still open and may be read. */
  private later(key: string, document: vscode.TextDocument, read: () => void): void {
    clearTimeout(this.pending.get(key));
    this.pending.set(key, setTimeout(() => {
      this.pending.delete(key);
      if (!document.isClosed && this.allowed(document)) read();
    }, SETTLE_MS));
  }

  private allowed(document: vscode.TextDocument): boolean {
    return this.policy.isContextAllowed(document.uri) && isReadableText(document);
  }

  dispose(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    vscode.Disposable.from(...this.subscriptions).dispose();
  }
}
