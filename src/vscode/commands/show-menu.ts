import * as vscode from 'vscode';
import { describeResolvedFim } from '../../core/fim';
import { describeTokens, formatTokens } from '../../core/usage';
import type { CompletionEngine } from '../../engine/completion-engine';
import type { InlineSession } from '../../engine/inline-session';
import type { Settings } from '../../engine/settings';
import type { UsageMeter } from '../../engine/usage-meter';
import { CommandIds } from '../command-ids';
import type { InlineSwitch } from '../inline-switch';
import type { StatusBar } from '../status-bar';

export interface MenuDeps {
  settings: () => Settings;
  inlineSwitch: InlineSwitch;
  status: StatusBar;
  engine: Pick<CompletionEngine, 'fimTemplateInUse'>;
  session: Pick<InlineSession, 'automaticPause'>;
  meter: UsageMeter;
}

type MenuItem = vscode.QuickPickItem & { run?: () => Thenable<unknown> };

const run = (command: string, ...args: unknown[]) => () => vscode.commands.executeCommand(command, ...args);
const openSetting = (key: string) => run('workbench.action.openSettings', key);

/** The status bar's menu: the state at the top, then everything one would do about it. */
export async function showMenu(deps: MenuDeps): Promise<void> {
  const { inlineSwitch, status, session, meter } = deps;
  const current = deps.settings();
  const state = status.status;
  const pause = session.automaticPause();
  const items: MenuItem[] = [];
  if (state.kind === 'error') items.push({ label: '$(warning) Last request failed', detail: state.reason });
  if (pause === 'budget') {
    items.push({
      label: '$(debug-pause) Automatic suggestions paused: today\'s token budget is spent',
      detail: 'Alt+\\ still asks. They resume tomorrow, or now if you raise promptComplete.usage.dailyTokenBudget.',
      run: openSetting('promptComplete.usage.dailyTokenBudget'),
    });
  }
  items.push(
    {
      label: inlineSwitch.snoozedUntil || !current.inlineEnabled ? '$(play) Turn Inline Completions On' : '$(circle-slash) Turn Inline Completions Off',
      run: run(CommandIds.toggleInline),
    },
    { label: '$(debug-pause) Snooze…', run: run(CommandIds.snooze) },
    current.inlineTrigger === 'manual'
      ? { label: '$(sparkle) Suggest While Typing', description: 'now: only when asked (Alt+\\)', run: () => inlineSwitch.setTrigger('automatic') }
      : { label: '$(keyboard) Suggest Only When Asked (Alt+\\)', description: 'typing sends nothing', run: () => inlineSwitch.setTrigger('manual') },
    {
      label: `$(pulse) Tokens today: ${describeTokens(meter.today)}${current.dailyTokenBudget > 0 ? ` of ${formatTokens(current.dailyTokenBudget)}` : ''}`,
      detail: `This session: ${describeTokens(meter.session)}.${current.dailyTokenBudget > 0 ? '' : ' No daily budget is set.'}`,
      run: openSetting('promptComplete.usage.dailyTokenBudget'),
    },
    fimItem(deps),
    { label: '$(key) Set API Key…', run: run(CommandIds.setApiKey) },
    { label: '$(list-selection) Select Model…', description: current.model || 'server\'s first model', run: run(CommandIds.selectModel) },
    { label: '$(output) Show Log', run: run(CommandIds.showLog) },
    { label: '$(gear) Open Settings', run: openSetting('promptComplete') },
  );
  const choice = await vscode.window.showQuickPick(items, { title: `Prompt Complete — ${current.serverUrl}` });
  await choice?.run?.();
}

/** Which fill-in-the-middle template requests use, and whether the native suffix goes first. */
function fimItem(deps: MenuDeps): MenuItem {
  const { template, sendsSuffix } = deps.engine.fimTemplateInUse();
  const { name, why } = describeResolvedFim(template);
  return {
    label: `$(code) Template: ${name}`,
    description: why,
    detail: template.kind === 'family' && template.reason === 'fallback'
      ? 'Choose the model\'s family (or a custom template) in promptComplete.fimTemplate.'
      : sendsSuffix ? 'The server takes the native suffix field; the template is used if it refuses it.' : undefined,
    run: openSetting('promptComplete.fimTemplate'),
  };
}
