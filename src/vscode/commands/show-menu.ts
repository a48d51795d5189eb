import * as vscode from 'vscode';
import type { Settings } from '../../engine/settings';
import { CommandIds } from '../command-ids';
import type { InlineSwitch } from '../inline-switch';
import type { StatusBar } from '../status-bar';

/** The status bar's menu: the state at the top, then everything one would do about it. */
export async function showMenu(settings: () => Settings, inlineSwitch: InlineSwitch, status: StatusBar): Promise<void> {
  const current = settings();
  const state = status.status;
  const items: (vscode.QuickPickItem & { command?: string })[] = [];
  if (state.kind === 'error') items.push({ label: '$(warning) Last request failed', detail: state.reason });
  items.push(
    {
      label: inlineSwitch.snoozedUntil || !current.inlineEnabled ? '$(play) Turn Inline Completions On' : '$(circle-slash) Turn Inline Completions Off',
      command: CommandIds.toggleInline,
    },
    { label: '$(debug-pause) Snooze…', command: CommandIds.snooze },
    { label: '$(key) Set API Key…', command: CommandIds.setApiKey },
    { label: '$(list-selection) Select Model…', description: current.model || 'server\'s first model', command: CommandIds.selectModel },
    { label: '$(output) Show Log', command: CommandIds.showLog },
    { label: '$(gear) Open Settings', command: 'workbench.action.openSettings' },
  );
  const choice = await vscode.window.showQuickPick(items, { title: `Prompt Complete — ${current.serverUrl}` });
  if (!choice?.command) return;
  if (choice.command === 'workbench.action.openSettings') await vscode.commands.executeCommand(choice.command, 'promptComplete');
  else await vscode.commands.executeCommand(choice.command);
}
