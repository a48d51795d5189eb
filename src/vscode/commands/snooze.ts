import * as vscode from 'vscode';
import type { InlineSwitch } from '../inline-switch';

const DURATIONS = [5, 15, 30, 60, 120];

/** Pauses inline completion for a chosen number of minutes (or resumes a running snooze). */
export async function snooze(inlineSwitch: InlineSwitch, minutes?: number): Promise<void> {
  // A number argument (from a keybinding or another extension) snoozes for that long; 0 resumes.
  if (typeof minutes === 'number' && Number.isFinite(minutes)) {
    if (minutes > 0) inlineSwitch.snooze(Math.min(minutes, 24 * 60));
    else inlineSwitch.resume();
    return;
  }
  const t = vscode.l10n.t;
  const items: (vscode.QuickPickItem & { minutes: number })[] = DURATIONS.map((m) => ({
    label: m < 60 ? t('{0} minutes', m) : m === 60 ? t('1 hour') : t('{0} hours', m / 60),
    minutes: m,
  }));
  if (inlineSwitch.snoozedUntil) items.unshift({ label: t('Resume now'), description: t('snoozed until {0}', inlineSwitch.snoozedUntil.toLocaleTimeString()), minutes: 0 });
  const choice = await vscode.window.showQuickPick(items, { title: t('Prompt Complete: Snooze inline completions for…') });
  if (!choice) return;
  if (choice.minutes === 0) inlineSwitch.resume();
  else inlineSwitch.snooze(choice.minutes);
}
