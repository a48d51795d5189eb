import * as vscode from 'vscode';
import type { Settings } from '../engine/settings';
import type { InlineSwitch } from './inline-switch';
import type { SensitiveFiles } from './sensitive-files';
import type { StatusBar } from './status-bar';

/**
 * Keeps the status bar in step with whether inline completion runs for the active editor: off for an
 * excluded file, snoozed, off, off for the language, or ready (an error stays until something changes).
 */
export class SwitchStatus implements vscode.Disposable {
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly status: StatusBar,
    private readonly inlineSwitch: InlineSwitch,
    private readonly settings: () => Settings,
    private readonly sensitive: SensitiveFiles,
  ) {
    this.subscriptions = [inlineSwitch.onDidChange(() => this.refresh()), vscode.window.onDidChangeActiveTextEditor(() => this.refresh())];
    this.refresh();
  }

  /** Shows the switch's state now (after a settings change, for example). */
  refresh(): void {
    const { status, inlineSwitch } = this;
    const settings = this.settings();
    const editor = vscode.window.activeTextEditor;
    const until = inlineSwitch.snoozedUntil;
    const excludedBy = editor && this.sensitive.matchFor(editor.document);
    if (excludedBy) status.set({ kind: 'excluded', glob: excludedBy });
    else if (until) status.set({ kind: 'snoozed', until });
    else if (!settings.inlineEnabled) status.set({ kind: 'disabled' });
    else if (editor && settings.disabledLanguages.includes(editor.document.languageId)) status.set({ kind: 'disabledForLanguage', languageId: editor.document.languageId });
    else if (status.status.kind !== 'error') status.set({ kind: 'idle' });
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
