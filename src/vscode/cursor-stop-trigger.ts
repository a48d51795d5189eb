import * as vscode from 'vscode';
import { isWritingSpot } from '../engine/cursor-stop';
import type { InlineSession } from '../engine/inline-session';
import type { InlineSwitch } from './inline-switch';
import type { OwnTriggers } from './own-triggers';
import type { SensitiveFiles } from './sensitive-files';

/**
 * How long the cursor must stay after keys moved it (or an extension did) before it counts as a stop:
 * arrow keys held down, or an editor emulation's motions, pass spots faster. A click or a command (Go to
 * Line, Go to Definition) puts the cursor where the user wants to be, and asks at once.
 */
const KEYBOARD_STOP_MS = 150;

interface CursorStopDeps {
  session: Pick<InlineSession, 'asksWhereCursorStops'>;
  inlineSwitch: InlineSwitch;
  sensitive: SensitiveFiles;
  triggers: OwnTriggers;
}

/**
 * Asks VS Code for inline suggestions where the cursor stops after a move that is not typing (a click,
 * arrow keys, Go to Line), at a spot one writes at: so a suggestion can be there before the first key.
 * VS Code itself asks only after an edit. The call this causes reaches the provider as an explicit one;
 * {@link OwnTriggers} tells the provider it is a cursor stop, which the session treats as an automatic
 * query (manual mode, the budget and the cache's "nothing here" still hold).
 */
export class CursorStopTrigger implements vscode.Disposable {
  private readonly subscriptions: vscode.Disposable[];
  /** The version of each document at its last selection change: a change without an edit is a move. */
  private readonly versions = new WeakMap<vscode.TextDocument, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly deps: CursorStopDeps) {
    this.subscriptions = [
      vscode.window.onDidChangeTextEditorSelection((event) => this.selectionChanged(event)),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        this.cancel();
        if (editor) this.seen(editor.document);
      }),
    ];
    if (vscode.window.activeTextEditor) this.seen(vscode.window.activeTextEditor.document);
  }

  dispose(): void {
    this.cancel();
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  /** Notes the version of a document as shown: the first selection change after it without an edit is a move. */
  private seen(document: vscode.TextDocument): void {
    this.versions.set(document, document.version);
  }

  private selectionChanged(event: vscode.TextEditorSelectionChangeEvent): void {
    this.cancel();
    const { document } = event.textEditor;
    const moved = this.versions.get(document) === document.version;
    this.seen(document);
    // A selection change that comes with an edit is typing (or an accept, an undo): VS Code asks itself.
    if (!moved || event.selections.length !== 1 || !event.selections[0]!.isEmpty) return;
    const position = event.selections[0]!.active;
    if (!this.mayAskAt(event.textEditor, position)) return;
    const deliberate = event.kind === vscode.TextEditorSelectionChangeKind.Mouse || event.kind === vscode.TextEditorSelectionChangeKind.Command;
    this.timer = setTimeout(() => this.stopped(event.textEditor, document.version, position), deliberate ? 0 : KEYBOARD_STOP_MS);
  }

  private stopped(editor: vscode.TextEditor, version: number, position: vscode.Position): void {
    this.timer = undefined;
    const { document } = editor;
    if (vscode.window.activeTextEditor !== editor || document.version !== version) return;
    const selection = editor.selection;
    if (!selection.isEmpty || !selection.active.isEqual(position) || !this.mayAskAt(editor, position)) return;
    this.deps.triggers.trigger('cursorStop', document, position);
  }

  private mayAskAt(editor: vscode.TextEditor, position: vscode.Position): boolean {
    const { document } = editor;
    // Cheapest first: this runs at every move of the cursor.
    const line = document.lineAt(position.line).text;
    if (!isWritingSpot(line.slice(0, position.character), line.slice(position.character))) return false;
    if (!this.deps.session.asksWhereCursorStops() || !isEditable(document.uri)) return false;
    if (!this.deps.inlineSwitch.allows(document.languageId) || this.deps.sensitive.matchFor(document)) return false;
    return vscode.workspace.getConfiguration('editor', document).get<boolean>('inlineSuggest.enabled') !== false;
  }

  private cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

/** Documents a person writes in: files on a writable file system, untitled files, notebook cells (not output, logs or generated views). */
function isEditable(uri: vscode.Uri): boolean {
  // Files on disk first: a remote extension host may not report the disk as a writable file system.
  if (uri.scheme === 'file' || uri.scheme === 'untitled' || uri.scheme === 'vscode-notebook-cell') return true;
  return vscode.workspace.fs.isWritableFileSystem(uri.scheme) === true;
}
