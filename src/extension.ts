import * as vscode from 'vscode';
import { systemClock } from './engine/clock';
import { CompletionEngine } from './engine/completion-engine';
import { StreamUsageSupport } from './engine/field-support';
import { InlineSession } from './engine/inline-session';
import { LogprobsSupport } from './engine/logprobs-support';
import { ModelResolver } from './engine/model-resolver';
import { LastSentRequest } from './engine/sent-request';
import { SuffixSupport } from './engine/suffix-support';
import { UsageMeter } from './engine/usage-meter';
import { ApiKeyStore } from './vscode/api-key-store';
import { ClientProvider } from './vscode/client-provider';
import { CompletionHistory } from './vscode/completion-history';
import { WorkspaceContext } from './vscode/context/workspace-context';
import { CommandIds } from './vscode/command-ids';
import { clearApiKey } from './vscode/commands/clear-api-key';
import { completeSelection } from './vscode/commands/complete-selection';
import { forgetServerQuirks } from './vscode/commands/forget-server-quirks';
import { forkSuggestion } from './vscode/commands/fork-suggestion';
import { selectModel } from './vscode/commands/select-model';
import { setApiKey } from './vscode/commands/set-api-key';
import { LastRequestDocument, registerLastRequestDocument } from './vscode/commands/show-last-request';
import { showMenu } from './vscode/commands/show-menu';
import { snooze } from './vscode/commands/snooze';
import { toggleInline } from './vscode/commands/toggle-inline';
import { CursorStopTrigger } from './vscode/cursor-stop-trigger';
import { FailureReporter } from './vscode/failure-reporter';
import { InlineProvider, reportInlineEvents } from './vscode/inline-provider';
import { InlineSwitch } from './vscode/inline-switch';
import { Log } from './vscode/log';
import { OwnTriggers } from './vscode/own-triggers';
import { ContextPolicy } from './vscode/context/context-allowed';
import { SensitiveFiles } from './vscode/sensitive-files';
import { SettingsWatcher } from './vscode/settings-watcher';
import { StatusBar } from './vscode/status-bar';
import { SwitchStatus } from './vscode/switch-status';
import { registerTokenProbabilities } from './vscode/token-probabilities/register';
import { registerUnlikelyCode } from './vscode/unlikely-code/register';
import { UsageStatus } from './vscode/usage-status';

/** Builds the extension's parts, wires them together and registers them; all behaviour lives in them. */
export function activate(context: vscode.ExtensionContext): void {
  const channel = vscode.window.createOutputChannel('Prompt Complete', { log: true });
  const log = new Log(channel);
  const watcher = new SettingsWatcher();
  const settings = () => watcher.settings;
  const keys = new ApiKeyStore(context.secrets);
  const clients = new ClientProvider(settings, keys, log);
  const status = new StatusBar();
  const failures = new FailureReporter(status, log);
  const inlineSwitch = new InlineSwitch(settings);
  const models = new ModelResolver();
  const suffixSupport = new SuffixSupport(context.globalState);
  const lastRequest = new LastSentRequest();
  const logprobsSupport = new LogprobsSupport(context.globalState);
  const streamUsageSupport = new StreamUsageSupport(context.globalState);
  const meter = new UsageMeter(context.globalState);
  const engine = new CompletionEngine({
    gpt: () => clients.gpt,
    settings,
    models,
    suffixSupport,
    logprobsSupport,
    streamUsageSupport,
    onUsage: (usage) => meter.record(usage),
    onSent: (sent) => lastRequest.record(sent),
  });
  const lastRequestDocument = new LastRequestDocument(lastRequest);
  const sensitive = new SensitiveFiles(settings);
  const workspaceContext = new WorkspaceContext(settings, { policy: new ContextPolicy((uri) => sensitive.matchFor(uri) !== undefined) });

  const history = new CompletionHistory();
  const session = new InlineSession({
    engine,
    settings,
    clock: systemClock,
    onEvent: reportInlineEvents({ settings, status, failures, log, history }),
    usage: meter,
  });
  const triggers = new OwnTriggers();
  const cursorStops = new CursorStopTrigger({ session, inlineSwitch, sensitive, triggers });
  const provider = new InlineProvider({ settings, session, inlineSwitch, context: workspaceContext, sensitive, triggers });
  const usageStatus = new UsageStatus({ meter, session, settings, status, log });

  const switchStatus = new SwitchStatus(status, inlineSwitch, settings, sensitive);

  context.subscriptions.push(
    channel,
    watcher,
    keys,
    clients,
    status,
    inlineSwitch,
    sensitive,
    switchStatus,
    history,
    registerTokenProbabilities({ context, history, engine, settings, log, sensitive }),
    registerUnlikelyCode({ settings, clients, models, failures, log, isExcluded: (document) => sensitive.matchFor(document) !== undefined }),
    session,
    cursorStops,
    usageStatus,
    workspaceContext,
    registerLastRequestDocument(lastRequestDocument),
    vscode.languages.registerInlineCompletionItemProvider({ pattern: '**' }, provider),
    watcher.onDidChange((next) => {
      if (session.applySettings(next)) models.clear();
      workspaceContext.settingsChanged();
      if (status.status.kind === 'error') status.set({ kind: 'idle' });
      switchStatus.refresh();
      usageStatus.update();
    }),
    keys.onDidChange(() => {
      failures.keyChanged();
      models.clear();
      session.forgetAnswers();
      if (status.status.kind === 'error') status.set({ kind: 'idle' });
    }),
    vscode.commands.registerCommand(CommandIds.setApiKey, () => setApiKey(keys)),
    vscode.commands.registerCommand(CommandIds.clearApiKey, () => clearApiKey(keys)),
    vscode.commands.registerCommand(CommandIds.completeSelection, () => completeSelection({
      settings, engine, failures, status, log, context: workspaceContext, sensitive,
      onCompleted: ({ editor, range, ...result }) => history.record({ source: 'completeSelection', document: editor.document.uri, range, ...result }),
    })),
    vscode.commands.registerCommand(CommandIds.selectModel, () => selectModel(settings, clients, failures)),
    vscode.commands.registerCommand(CommandIds.toggleInline, () => toggleInline(settings, inlineSwitch)),
    vscode.commands.registerCommand(CommandIds.snooze, (minutes?: number) => snooze(inlineSwitch, minutes)),
    vscode.commands.registerCommand(CommandIds.showMenu, () => showMenu({ settings, inlineSwitch, status, engine, session, meter })),
    vscode.commands.registerCommand(CommandIds.showLog, () => log.show()),
    vscode.commands.registerCommand(CommandIds.forkSuggestion, () => forkSuggestion({ settings, session, status, failures, log })),
    vscode.commands.registerCommand(CommandIds.forgetServerQuirks, () => forgetServerQuirks({ fields: [suffixSupport, logprobsSupport, streamUsageSupport], session, log })),
    vscode.commands.registerCommand(CommandIds.showLastRequest, () => lastRequestDocument.show()),
  );
  log.info(`Prompt Complete ${context.extension.packageJSON.version ?? ''} activated; server ${settings().serverUrl}`);
}

export function deactivate(): void {}
