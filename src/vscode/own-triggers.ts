import * as vscode from 'vscode';

/** Why the extension asked VS Code for inline suggestions itself. */
export type OwnTriggerKind =
  /** The rest of a block shown from its first lines has arrived: show all of it (from the cache). */
  | 'refresh'
  /** The cursor stopped at a spot one writes at (see CursorStopTrigger). */
  | 'cursorStop';

/**
 * How long after an ask its provider call may come. VS Code calls providers within milliseconds of the
 * command (a loaded machine: a few hundred); the command itself settles only when the fetch does, which
 * a slow server can make long, and the user's own `Alt+\` meanwhile must not be taken for a stray.
 */
const ASK_REACHES_PROVIDER_MS = 2000;

interface Issued {
  at: number;
  kind: OwnTriggerKind;
  document: vscode.TextDocument;
  version: number;
  position: vscode.Position;
}

/**
 * The extension's own asks for inline suggestions. VS Code's trigger command reaches the provider as an
 * explicit call, like the user's `Alt+\`, and on whatever editor has the focus when it runs: so each ask
 * is remembered until the command has run, the provider learns which call it caused, and a call it
 * caused somewhere else (the user accepted, moved on or opened another file meanwhile) sends no request:
 * it shows only what is already known there.
 */
export class OwnTriggers {
  private issued: Issued | undefined;

  /** Asks VS Code for inline suggestions at `position` of `document`, which must be where the cursor is. */
  trigger(kind: OwnTriggerKind, document: vscode.TextDocument, position: vscode.Position): void {
    const issued: Issued = { at: Date.now(), kind, document, version: document.version, position };
    this.issued = issued;
    const done = () => {
      if (this.issued === issued) this.issued = undefined;
    };
    void vscode.commands.executeCommand('editor.action.inlineSuggest.trigger').then(done, done);
  }

  /**
   * What an explicit provider call is: one of the extension's own asks (its kind), `stray` when an ask of
   * the extension's is pending for another spot (the call is that ask, landed elsewhere), or undefined
   * when the user asked.
   */
  explicitCall(document: vscode.TextDocument, position: vscode.Position): OwnTriggerKind | 'stray' | undefined {
    const issued = this.issued;
    if (!issued || Date.now() - issued.at > ASK_REACHES_PROVIDER_MS) return undefined;
    const here = issued.document === document && issued.version === document.version && issued.position.isEqual(position);
    return here ? issued.kind : 'stray';
  }
}
