import * as vscode from 'vscode';
import type { InlineTrigger, Settings } from '../engine/settings';

/**
 * Whether inline completion runs now: the `promptComplete.inline.enabled` setting, a snooze that ends
 * by itself, and the per-language switch.
 */
export class InlineSwitch implements vscode.Disposable {
  private snoozeTimer: NodeJS.Timeout | undefined;
  private snoozedUntilMs: number | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly settings: () => Settings) {}

  /** The end of the current snooze, if one is running. */
  get snoozedUntil(): Date | undefined {
    return this.snoozedUntilMs !== undefined ? new Date(this.snoozedUntilMs) : undefined;
  }

  /** True when inline completion may run in a document of `languageId`. */
  allows(languageId: string): boolean {
    const settings = this.settings();
    return settings.inlineEnabled && this.snoozedUntilMs === undefined && !settings.disabledLanguages.includes(languageId);
  }

  /** Pauses inline completion for `minutes`, then resumes on its own. */
  snooze(minutes: number): void {
    this.clearSnooze();
    this.snoozedUntilMs = Date.now() + minutes * 60_000;
    this.snoozeTimer = setTimeout(() => this.resume(), minutes * 60_000);
    this.changed.fire();
  }

  /** Ends a snooze early. */
  resume(): void {
    if (this.snoozedUntilMs === undefined) return;
    this.clearSnooze();
    this.changed.fire();
  }

  /** Turns inline completion on or off for good (the user setting); ends any snooze. */
  async setEnabled(enabled: boolean): Promise<void> {
    this.clearSnooze();
    await updateInForce('inline.enabled', enabled);
    this.changed.fire();
  }

  /** Switches between suggestions as you type and suggestions only when asked (the user setting). */
  async setTrigger(trigger: InlineTrigger): Promise<void> {
    await updateInForce('inline.trigger', trigger);
    this.changed.fire();
  }

  private clearSnooze(): void {
    if (this.snoozeTimer) clearTimeout(this.snoozeTimer);
    this.snoozeTimer = undefined;
    this.snoozedUntilMs = undefined;
  }

  dispose(): void {
    this.clearSnooze();
    this.changed.dispose();
  }
}

/** Writes a `promptComplete.*` setting where the value in force lives, or a workspace value would silently win. */
async function updateInForce(key: string, value: unknown): Promise<void> {
  const config = vscode.workspace.getConfiguration('promptComplete');
  const inspected = config.inspect(key);
  const target = inspected?.workspaceFolderValue !== undefined ? vscode.ConfigurationTarget.WorkspaceFolder
    : inspected?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace
    : vscode.ConfigurationTarget.Global;
  await config.update(key, value, target);
}
