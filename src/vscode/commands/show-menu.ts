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
  const t = vscode.l10n.t;
  const current = deps.settings();
  const state = status.status;
  const pause = session.automaticPause();
  const items: MenuItem[] = [];
  if (state.kind === 'error') items.push({ label: `$(warning) ${t('Last request failed')}`, detail: state.reason });
  if (pause === 'budget') {
    items.push({
      label: `$(debug-pause) ${t('Automatic suggestions paused: today\'s token budget is spent')}`,
      detail: t('Alt+\\ still asks. They resume tomorrow, or now if you raise promptComplete.usage.dailyTokenBudget.'),
      run: openSetting('promptComplete.usage.dailyTokenBudget'),
    });
  }
  items.push(
    {
      label: inlineSwitch.snoozedUntil || !current.inlineEnabled ? `$(play) ${t('Turn Inline Completions On')}` : `$(circle-slash) ${t('Turn Inline Completions Off')}`,
      run: run(CommandIds.toggleInline),
    },
    { label: `$(debug-pause) ${t('Snooze…')}`, run: run(CommandIds.snooze) },
    current.inlineTrigger === 'manual'
      ? { label: `$(sparkle) ${t('Suggest While Typing')}`, description: t('now: only when asked (Alt+\\)'), run: () => inlineSwitch.setTrigger('automatic') }
      : { label: `$(keyboard) ${t('Suggest Only When Asked (Alt+\\)')}`, description: t('typing sends nothing'), run: () => inlineSwitch.setTrigger('manual') },
    {
      label: `$(pulse) ${current.dailyTokenBudget > 0
        ? t('Tokens today: {0} of {1}', describeTokens(meter.today, t), formatTokens(current.dailyTokenBudget))
        : t('Tokens today: {0}', describeTokens(meter.today, t))}`,
      detail: current.dailyTokenBudget > 0
        ? t('This session: {0}.', describeTokens(meter.session, t))
        : t('This session: {0}. No daily budget is set.', describeTokens(meter.session, t)),
      run: openSetting('promptComplete.usage.dailyTokenBudget'),
    },
    fimItem(deps),
    { label: `$(key) ${t('Set API Key…')}`, run: run(CommandIds.setApiKey) },
    { label: `$(list-selection) ${t('Select Model…')}`, description: current.model || t('server\'s first model'), run: run(CommandIds.selectModel) },
    { label: `$(output) ${t('Show Log')}`, run: run(CommandIds.showLog) },
    { label: `$(gear) ${t('Open Settings')}`, run: openSetting('promptComplete') },
  );
  const choice = await vscode.window.showQuickPick(items, { title: t('Prompt Complete — {0}', current.serverUrl) });
  await choice?.run?.();
}

/** Which fill-in-the-middle template requests use, and whether the native suffix goes first. */
function fimItem(deps: MenuDeps): MenuItem {
  const t = vscode.l10n.t;
  const { template, sendsSuffix } = deps.engine.fimTemplateInUse();
  const { name, why } = describeResolvedFim(template, t);
  return {
    label: `$(code) ${t('Template: {0}', name)}`,
    description: why,
    detail: template.kind === 'family' && template.reason === 'fallback'
      ? t('Choose the model\'s family (or a custom template) in promptComplete.fimTemplate.')
      : sendsSuffix ? t('The server takes the native suffix field; the template is used if it refuses it.') : undefined,
    run: openSetting('promptComplete.fimTemplate'),
  };
}
