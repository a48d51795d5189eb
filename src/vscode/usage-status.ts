import * as vscode from 'vscode';
import { formatTokens, usageSummary } from '../core/usage';
import type { InlineSession } from '../engine/inline-session';
import type { Settings } from '../engine/settings';
import type { UsageMeter } from '../engine/usage-meter';
import type { Log } from './log';
import type { StatusBar } from './status-bar';

interface UsageStatusDeps {
  meter: UsageMeter;
  session: Pick<InlineSession, 'automaticPause'>;
  settings: () => Settings;
  status: StatusBar;
  log: Log;
}

/**
 * Keeps the status bar's token counts and pause state current (after each request, on a settings
 * change, at local midnight when the day count starts again), and says once a day, quietly, when the
 * daily budget is spent.
 */
export class UsageStatus implements vscode.Disposable {
  private midnight: NodeJS.Timeout | undefined;
  private readonly subscription: { dispose(): void };

  constructor(private readonly deps: UsageStatusDeps) {
    this.subscription = deps.meter.onDidChange(() => this.update());
    this.armMidnight();
    this.update();
  }

  /** Shows the current counts and pause; call after settings change. */
  update(): void {
    const { meter, session, settings, status } = this.deps;
    const budget = settings().dailyTokenBudget;
    status.setUsage(usageSummary(meter.today, meter.session, budget, vscode.l10n.t));
    const pause = session.automaticPause();
    status.setPause(pause);
    if (pause === 'budget') this.noticeOnce(budget);
  }

  private noticeOnce(budget: number): void {
    if (!this.deps.meter.claimDailyNotice()) return;
    const message = vscode.l10n.t('Prompt Complete: today\'s token budget ({0}) is spent. Automatic suggestions pause until tomorrow; Alt+\\ still asks.', formatTokens(budget));
    this.deps.log.info(message);
    void vscode.window.showInformationMessage(message, vscode.l10n.t('Change Budget')).then((choice) => {
      if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', 'promptComplete.usage.dailyTokenBudget');
    });
  }

  private armMidnight(): void {
    this.midnight = setTimeout(() => {
      this.update();
      this.armMidnight();
    }, this.deps.meter.msUntilNextDay() + 1000);
  }

  dispose(): void {
    if (this.midnight) clearTimeout(this.midnight);
    this.subscription.dispose();
  }
}
