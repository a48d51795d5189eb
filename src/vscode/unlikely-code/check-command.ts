import * as vscode from 'vscode';
import { describeError } from '../../engine/describe-error';
import type { ModelResolver } from '../../engine/model-resolver';
import type { Settings } from '../../engine/settings';
import { checkUnlikelyCode, EchoUnsupportedError, type UnlikelyCodeReport } from '../../engine/unlikely-code';
import type { ClientProvider } from '../client-provider';
import type { FailureReporter } from '../failure-reporter';
import type { Log } from '../log';
import type { UnlikelyCodeMarks, UnlikelyMark } from './marks';

export interface CheckUnlikelyCodeDeps {
  settings: () => Settings;
  clients: ClientProvider;
  models: ModelResolver;
  marks: UnlikelyCodeMarks;
  failures: FailureReporter;
  log: Log;
  /** Whether nothing of this document may be sent (promptComplete.exclude, see sensitive-files.ts). */
  isExcluded: (document: vscode.TextDocument) => boolean;
}

/** How a check ended, and what it found and cost: the command's answer (the tests read it). */
export interface CheckUnlikelyCodeResult {
  outcome: 'checked' | 'cancelled' | 'noEditor' | 'excluded' | 'unsupported' | 'failed';
  document?: string;
  /** The marks of the checked range (offsets in the document). */
  marks: UnlikelyMark[];
  judgedTokens: number;
  promptTokens: number;
  requests: number;
  /** What the user was told. */
  message?: string;
}

/** Context sent before each window's judged text, so its first tokens are judged in context. */
const CONTEXT_CHARS = 1000;

/**
 * Check Unlikely Code: scores the selection (or the whole file) with the server's own probabilities and
 * marks the tokens it found very improbable, under a cancellable progress notification. Says how many
 * tokens it sent; a server that cannot score text (`echo`) gets a message saying so.
 */
export async function checkUnlikelyCodeCommand(deps: CheckUnlikelyCodeDeps): Promise<CheckUnlikelyCodeResult> {
  const empty = { marks: [], judgedTokens: 0, promptTokens: 0, requests: 0 };
  const t = vscode.l10n.t;
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    const message = t('Prompt Complete: open a file to check it for unlikely code.');
    void vscode.window.showInformationMessage(message);
    return { outcome: 'noEditor', ...empty, message };
  }
  const document = editor.document;
  if (deps.isExcluded(document)) {
    const message = t('Prompt Complete: this file is excluded (promptComplete.exclude), so nothing of it is sent to check it.');
    void vscode.window.showInformationMessage(message);
    return { outcome: 'excluded', document: document.uri.toString(), ...empty, message };
  }
  const settings = deps.settings();
  const selection = editor.selection;
  const text = document.getText();
  const from = selection.isEmpty ? 0 : document.offsetAt(selection.start);
  const to = selection.isEmpty ? text.length : document.offsetAt(selection.end);
  const lines = document.positionAt(to).line - document.positionAt(from).line + 1;
  const title = selection.isEmpty ? t('Prompt Complete: checking the file for unlikely code') : t('Prompt Complete: checking the selection for unlikely code');

  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title, cancellable: true },
    async (progress, token): Promise<CheckUnlikelyCodeResult> => {
      const abort = new AbortController();
      const cancellation = token.onCancellationRequested(() => abort.abort());
      const base = { document: document.uri.toString() };
      let reported = 0;
      try {
        const gpt = deps.clients.gpt;
        const model = await deps.models.resolve(gpt, settings.serverUrl, settings.model, abort.signal);
        const report = await checkUnlikelyCode(gpt, {
          text, from, to, model,
          threshold: settings.unlikelyThreshold,
          scope: settings.unlikelyScope,
          windowChars: settings.maxPrefixChars + settings.maxSuffixChars,
          contextChars: CONTEXT_CHARS,
        }, {
          signal: abort.signal,
          timeoutMs: settings.requestTimeoutMs,
          onProgress: (judged, total) => {
            const percent = Math.floor((judged / Math.max(1, total)) * 100);
            progress.report({ increment: percent - reported, message: `${percent}%` });
            reported = percent;
          },
        });
        if (document.getText() !== text) {
          const message = t('Prompt Complete: the file changed during the check; run Check Unlikely Code again.');
          void vscode.window.showWarningMessage(message);
          return { outcome: 'cancelled', ...base, ...counts(report), marks: [], message };
        }
        const marks = deps.marks.set(document, from, to, report.marks);
        const message = summary(report, lines, !selection.isEmpty);
        deps.log.info(`Check Unlikely Code: ${model}, ${to - from} chars in ${report.requests} request(s), ${report.promptTokens} prompt tokens, ${marks.length} mark(s)`);
        void vscode.window.showInformationMessage(message);
        return { outcome: 'checked', ...base, ...counts(report), marks, message };
      } catch (error) {
        if (token.isCancellationRequested) return { outcome: 'cancelled', ...base, ...empty };
        if (error instanceof EchoUnsupportedError) {
          const message = t('Prompt Complete: Check Unlikely Code needs a server that scores existing text (echo with logprobs on /completions), and {0} does not: {1}.', hostOf(settings.serverUrl), error.why(t));
          deps.log.warn(`Check Unlikely Code: ${error.message}`);
          void vscode.window.showWarningMessage(message);
          return { outcome: 'unsupported', ...base, ...empty, message };
        }
        deps.failures.commandFailed(t('Check Unlikely Code'), error, settings.serverUrl);
        return { outcome: 'failed', ...base, ...empty, message: describeError(error, settings.serverUrl, t).reason };
      } finally {
        cancellation.dispose();
      }
    },
  );
}

function counts(report: UnlikelyCodeReport): Pick<CheckUnlikelyCodeResult, 'judgedTokens' | 'promptTokens' | 'requests'> {
  return { judgedTokens: report.judgedTokens, promptTokens: report.promptTokens, requests: report.requests };
}

/** What the check found and cost, as the notification says it. */
function summary(report: UnlikelyCodeReport, lines: number, inSelection: boolean): string {
  const t = vscode.l10n.t;
  const marks = report.marks.length;
  const found = marks === 0 ? t('nothing unlikely found') : marks === 1 ? t('1 unlikely token marked') : t('{0} unlikely tokens marked', marks);
  const tokens = report.promptTokens.toLocaleString('en-US');
  const cost = report.requests === 1 ? t('{0} prompt tokens sent in 1 request', tokens) : t('{0} prompt tokens sent in {1} requests', tokens, report.requests);
  const span = lines === 1 ? t('1 line') : t('{0} lines', lines);
  return inSelection ? t('Prompt Complete: checked the selection ({0}): {1} ({2}).', span, found, cost) : t('Prompt Complete: checked the file ({0}): {1} ({2}).', span, found, cost);
}

function hostOf(serverUrl: string): string {
  try {
    return new URL(serverUrl).host;
  } catch {
    return vscode.l10n.t('the server');
  }
}
