import * as vscode from 'vscode';
import { describeError } from '../../engine/describe-error';
import type { Settings } from '../../engine/settings';
import type { CompletionEngine } from '../../engine/completion-engine';
import type { CompletionHistory, RecordedCompletion } from '../completion-history';
import type { Log } from '../log';
import type { SensitiveFiles } from '../sensitive-files';
import { planInsert, type InsertPlan, type ReadyBranch } from './branch-insert';
import { newNonce, renderPage } from './html';
import { parseWebviewMessage, type BranchView, type FromWebview, type RenderedSummary, type ToWebview } from './messages';
import { buildProbabilityView, type ProbabilityView } from '../../core/probabilities/view-model';
import { pageStrings } from './page-strings';

export interface TokenProbabilitiesDeps {
  extensionUri: vscode.Uri;
  history: CompletionHistory;
  engine: CompletionEngine;
  settings: () => Settings;
  log: Log;
  sensitive: SensitiveFiles;
}

/** What the view shows, as plain data: the command returns it (the extension-host tests read it). */
export interface TokenProbabilitiesSnapshot {
  view: ProbabilityView;
  branch: BranchView | null;
  /** What the webview reported it rendered, read back from its page; undefined until it has. */
  rendered: RenderedSummary | undefined;
}

interface Branch {
  view: BranchView;
  tokenOffset: number;
  abort: AbortController;
}

const VIEW_TYPE = 'promptComplete.tokenProbabilities';

/**
 * The Token Probabilities panel: the latest completion token by token, coloured by probability, with
 * the alternatives at each token; choosing one re-asks the server from there and offers the new
 * continuation as a branch to insert. A WebviewPanel beside the editor (rather than a WebviewView in
 * a sidebar) because it reads best next to the code it explains, wide enough for the text, and needs
 * no view container in the manifest.
 */
export class TokenProbabilitiesPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private recorded: RecordedCompletion | undefined;
  private view: ProbabilityView = { kind: 'empty' };
  private viewId = 0;
  private branch: Branch | undefined;
  private rendered: RenderedSummary | undefined;
  private lastTextEditor: vscode.TextEditor | undefined = vscode.window.activeTextEditor;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly deps: TokenProbabilitiesDeps) {
    this.subscriptions = [
      deps.history.onDidRecord((completion) => {
        if (this.panel) this.showCompletion(completion);
      }),
      // The panel takes focus from the editor; Insert goes to the editor the user was working in.
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor) this.lastTextEditor = editor;
      }),
    ];
  }

  /** Opens the panel beside the editor (or reveals it) on the latest completion. */
  show(): TokenProbabilitiesSnapshot {
    if (this.panel) {
      this.panel.reveal(undefined, true);
    } else {
      this.panel = this.createPanel();
      this.showCompletion(this.deps.history.latest);
    }
    return this.snapshot();
  }

  /** The current state, as plain data. */
  snapshot(): TokenProbabilitiesSnapshot {
    return structuredClone({ view: this.view, branch: this.branch?.view ?? null, rendered: this.rendered });
  }

  /** Handles one message from the webview (also the path the tests take to choose an alternative). */
  async handleMessage(raw: unknown): Promise<void> {
    const message = parseWebviewMessage(raw);
    if (!message) return;
    await this.dispatch(message);
  }

  private async dispatch(message: FromWebview): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.post();
        return;
      case 'rendered':
        this.rendered = message.summary;
        return;
      case 'openSettings':
        await vscode.commands.executeCommand('workbench.action.openSettings', 'promptComplete.logprobs');
        return;
      case 'choose':
        await this.choose(message.tokenIndex, message.alternative);
        return;
      case 'insert':
        await this.insert();
        return;
    }
  }

  private createPanel(): vscode.WebviewPanel {
    const media = vscode.Uri.joinPath(this.deps.extensionUri, 'media');
    const panel = vscode.window.createWebviewPanel(
      VIEW_TYPE,
      vscode.l10n.t('Token Probabilities'),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, localResourceRoots: [media] },
    );
    const webview = panel.webview;
    webview.html = renderPage({
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'token-probabilities.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'token-probabilities.css')).toString(),
      nonce: newNonce(),
      title: vscode.l10n.t('Token Probabilities'),
      loading: vscode.l10n.t('Loading…'),
      language: vscode.env.language,
    });
    const listeners = [
      webview.onDidReceiveMessage((raw) => this.handleMessage(raw).catch((error) => this.deps.log.error(`Token Probabilities: ${String(error)}`))),
      // A hidden webview is discarded and reloads when shown again; it asks for the state with 'ready'.
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.rendered = undefined;
      }),
    ];
    panel.onDidDispose(() => {
      listeners.forEach((listener) => listener.dispose());
      this.branch?.abort.abort();
      this.branch = undefined;
      this.panel = undefined;
      this.rendered = undefined;
    });
    return panel;
  }

  private showCompletion(completion: RecordedCompletion | undefined): void {
    this.branch?.abort.abort();
    this.branch = undefined;
    this.recorded = completion;
    this.view = buildProbabilityView(completion, vscode.l10n.t);
    this.viewId++;
    this.post();
  }

  private async choose(tokenIndex: number, alternative: string): Promise<void> {
    const recorded = this.recorded;
    const view = this.view;
    if (!recorded || view.kind !== 'tokens') return;
    const token = view.tokens[tokenIndex];
    if (!token || !token.alternatives.some((a) => a.text === alternative && a.choosable)) return;
    this.branch?.abort.abort();
    const kept = recorded.text.slice(0, token.offset);
    const branch: Branch = {
      view: { status: 'asking', tokenIndex, kept, alternative, continuation: '', insertLabel: '' },
      tokenOffset: token.offset,
      abort: new AbortController(),
    };
    this.branch = branch;
    // A branch sends the completion's prompt again: not for a file that is now excluded.
    const source = recorded.document ?? this.lastTextEditor?.document.uri;
    const excludedBy = source && this.deps.sensitive.matchFor(source);
    if (excludedBy) {
      branch.view = { ...branch.view, status: 'failed', error: vscode.l10n.t('nothing of this file is sent: it matches {0} (promptComplete.exclude)', excludedBy) };
      this.post();
      return;
    }
    this.post();
    const settings = this.deps.settings();
    try {
      const answer = await this.deps.engine.branch({ prompt: recorded.prompt, suffix: recorded.suffix, model: recorded.model, kept, alternative }, { signal: branch.abort.signal });
      if (this.branch !== branch) return;
      branch.view = { ...branch.view, status: 'ready', continuation: answer.continuation };
      branch.view.insertLabel = this.insertPlan(branch)?.label ?? '';
      this.deps.log.info(`Token Probabilities: branch at token ${tokenIndex + 1} -> ${answer.continuation.length} chars`);
    } catch (error) {
      if (this.branch !== branch || branch.abort.signal.aborted) return;
      const failure = describeError(error, settings.serverUrl, vscode.l10n.t);
      branch.view = { ...branch.view, status: 'failed', error: failure.reason };
      this.deps.log.warn(`Token Probabilities: branch failed: ${failure.reason}`);
    }
    this.post();
  }

  private async insert(): Promise<void> {
    const branch = this.branch;
    if (!branch || branch.view.status !== 'ready') return;
    const plan = this.insertPlan(branch);
    if (!plan) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Prompt Complete: the completion is no longer where it was inserted, so the branch was not inserted.'));
      branch.view = { ...branch.view, insertLabel: '' };
      this.post();
      return;
    }
    const applied = await plan.apply();
    if (!applied) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Prompt Complete: the editor refused the edit; the branch was not inserted.'));
      return;
    }
    // The recorded completion is no longer in the document as recorded: a second Insert has nowhere to go.
    branch.view = { ...branch.view, insertLabel: '', inserted: true };
    this.post();
  }

  private insertPlan(branch: Branch): InsertPlan | undefined {
    if (!this.recorded) return undefined;
    const ready: ReadyBranch = { tokenOffset: branch.tokenOffset, kept: branch.view.kept, alternative: branch.view.alternative, continuation: branch.view.continuation };
    return planInsert(this.recorded, ready, this.lastTextEditor);
  }

  private post(): void {
    if (!this.panel) return;
    const message: ToWebview = { type: 'show', viewId: this.viewId, view: this.view, branch: this.branch?.view ?? null, strings: pageStrings() };
    void this.panel.webview.postMessage(message);
  }

  dispose(): void {
    this.branch?.abort.abort();
    this.panel?.dispose();
    this.subscriptions.forEach((subscription) => subscription.dispose());
  }
}
