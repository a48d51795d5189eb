import * as vscode from 'vscode';
import type { AutomaticPause } from '../engine/inline-session';
import { CommandIds } from './command-ids';

/** What the status bar item shows. */
export type Status =
  | { kind: 'idle'; detail?: string; confidence?: number }
  | { kind: 'working' }
  | { kind: 'error'; reason: string }
  | { kind: 'snoozed'; until: Date }
  | { kind: 'disabled' }
  | { kind: 'disabledForLanguage'; languageId: string }
  /** The active file matches an exclusion glob: nothing of it is sent. */
  | { kind: 'excluded'; glob: string };

/** The status bar item: one glance tells whether completion is on, busy, or why it is not working. */
export class StatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private current: Status = { kind: 'idle' };
  private pause: AutomaticPause | undefined;
  private usageLine: string | undefined;

  constructor() {
    this.item = vscode.window.createStatusBarItem('promptComplete.status', vscode.StatusBarAlignment.Right, 100);
    this.item.name = vscode.l10n.t('Prompt Complete');
    this.item.command = CommandIds.showMenu;
    this.render();
    this.item.show();
  }

  get status(): Status {
    return this.current;
  }

  set(status: Status): void {
    this.current = status;
    this.render();
  }

  /** Why typing sends no requests now (manual mode, a spent budget), shown while the item is idle. */
  setPause(pause: AutomaticPause | undefined): void {
    if (pause === this.pause) return;
    this.pause = pause;
    this.render();
  }

  /** The token counts, added to every tooltip. */
  setUsage(line: string | undefined): void {
    if (line === this.usageLine) return;
    this.usageLine = line;
    this.render();
  }

  private render(): void {
    const status = this.current;
    this.item.backgroundColor = undefined;
    const t = vscode.l10n.t;
    const name = t('Complete');
    switch (status.kind) {
      case 'idle':
        this.item.text = status.confidence !== undefined ? `$(sparkle) ${Math.round(status.confidence * 100)}%`
          : this.pause === 'budget' ? `$(debug-pause) ${name}`
          : this.pause === 'manual' ? `$(sparkle) ${t('Manual')}`
          : `$(sparkle) ${name}`;
        this.item.tooltip = (status.detail ? t('Prompt Complete: ready ({0}).', status.detail) : t('Prompt Complete: ready.'))
          + (status.confidence === undefined ? '' : ` ${t('The suggestion shown has a mean token probability of {0}%.', (status.confidence * 100).toFixed(1))}`)
          + (this.pause === 'manual' ? ` ${t('Manual mode: press Alt+\\ to ask for a suggestion.')}` : '')
          + (this.pause === 'budget' ? ` ${t('Automatic suggestions are paused: today\'s token budget is spent (Alt+\\ still asks).')}` : '')
          + ` ${t('Click for options.')}`;
        break;
      case 'working':
        this.item.text = `$(loading~spin) ${name}`;
        this.item.tooltip = t('Prompt Complete: asking the server…');
        break;
      case 'error':
        this.item.text = `$(warning) ${name}`;
        this.item.tooltip = t('Prompt Complete: {0}. It tries again at the next keystroke. Click for options.', status.reason);
        this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
        break;
      case 'snoozed':
        this.item.text = `$(debug-pause) ${name}`;
        this.item.tooltip = t('Prompt Complete: snoozed until {0}. Click to resume or change.', status.until.toLocaleTimeString());
        break;
      case 'disabled':
        this.item.text = `$(circle-slash) ${name}`;
        this.item.tooltip = t('Prompt Complete: inline completion is off. Click to turn it on.');
        break;
      case 'excluded':
        this.item.text = `$(lock) ${name}`;
        this.item.tooltip = t('Prompt Complete: off for this file, which matches {0} (promptComplete.exclude): nothing of it is sent.', status.glob);
        break;
      case 'disabledForLanguage':
        this.item.text = `$(circle-slash) ${name}`;
        this.item.tooltip = t('Prompt Complete: off for {0} (promptComplete.inline.disabledLanguages).', status.languageId);
        break;
    }
    if (this.usageLine) this.item.tooltip = `${this.item.tooltip}\n${this.usageLine}`;
    this.item.accessibilityInformation = { label: typeof this.item.tooltip === 'string' ? this.item.tooltip : t('Prompt Complete') };
  }

  dispose(): void {
    this.item.dispose();
  }
}
