// The typing benchmark's eyes on the document: after every edit or cursor move in the active editor it
// POSTs the whole text and the cursor offset to `benchProbe.url`. Installed next to each measured
// extension, the same for all of them. States go out in order, one at a time, the latest replacing any
// not yet sent, so a burst of keys costs one post per settled state.
'use strict';
const vscode = require('vscode');

exports.activate = function activate(context) {
  const url = String(vscode.workspace.getConfiguration('benchProbe').get('url', ''));
  if (!url) return;
  let seq = 0;
  let pending = undefined;
  let sending = false;

  const snapshot = (reason) => {
    const editor = vscode.window.activeTextEditor;
    // Without an editor (at startup) the report only says that the probe is there.
    if (!editor) return { seq: ++seq, at: Date.now(), reason, file: '', version: 0, text: '', offset: 0, anchor: 0 };
    const document = editor.document;
    return {
      seq: ++seq,
      at: Date.now(),
      reason,
      file: document.uri.path.split('/').pop(),
      version: document.version,
      text: document.getText(),
      offset: document.offsetAt(editor.selection.active),
      anchor: document.offsetAt(editor.selection.anchor),
    };
  };

  const flush = async () => {
    if (sending) return;
    sending = true;
    while (pending) {
      const body = JSON.stringify(pending);
      pending = undefined;
      try {
        await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      } catch {
        // The benchmark has gone: nothing to report to.
      }
    }
    sending = false;
  };

  // Edits and the cursor move they cause arrive together; reading both a tick later reports them as one state.
  let scheduled = false;
  const report = (reason) => {
    if (scheduled) return;
    scheduled = true;
    setTimeout(() => {
      scheduled = false;
      pending = snapshot(reason);
      void flush();
    }, 0);
  };

  context.subscriptions.push(
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document === vscode.window.activeTextEditor?.document && event.contentChanges.length > 0) report('edit');
    }),
    vscode.window.onDidChangeTextEditorSelection((event) => {
      if (event.textEditor === vscode.window.activeTextEditor) report('selection');
    }),
    vscode.window.onDidChangeActiveTextEditor(() => report('editor')),
  );
  const status = vscode.window.createStatusBarItem('probe', vscode.StatusBarAlignment.Left, -1000);
  status.text = 'probe';
  status.show();
  context.subscriptions.push(status);
  report('activated');
};

exports.deactivate = function deactivate() {};
