import * as vscode from 'vscode';
import { inertText } from '../core/inert-text';
import { layeredReader, readSettings, type Settings } from '../engine/settings';

/**
 * Holds the validated settings, re-reads them when the user changes them, and tells the user once
 * about each unusable value (which then falls back to its default).
 */
export class SettingsWatcher implements vscode.Disposable {
  private current: Settings;
  private readonly reported = new Set<string>();
  private readonly changed = new vscode.EventEmitter<Settings>();
  /** Fires with the new settings after any `promptComplete.*` or `http.*` setting changes. */
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor() {
    this.current = this.read();
    this.subscription = vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration('promptComplete') && !event.affectsConfiguration('http')) return;
      this.current = this.read();
      this.changed.fire(this.current);
    });
  }

  get settings(): Settings {
    return this.current;
  }

  private read(): Settings {
    const config = vscode.workspace.getConfiguration('promptComplete');
    const { settings, problems } = readSettings(layeredReader((key) => config.get(key), (key) => config.inspect(key)), vscode.l10n.t);
    for (const problem of problems) {
      const id = `${problem.key}: ${problem.message}`;
      if (this.reported.has(id)) continue;
      this.reported.add(id);
      // The message quotes the value, which a workspace may have written: shown as inert text.
      void vscode.window.showWarningMessage(vscode.l10n.t('Prompt Complete: {0}.', inertText(`${problem.key} ${problem.message}`)), vscode.l10n.t('Open Settings')).then((choice) => {
        if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', problem.key);
      });
    }
    return settings;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
