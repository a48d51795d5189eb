import * as vscode from 'vscode';
import { extractContext } from '../../core/context';
import { inertText } from '../../core/inert-text';
import type { CompletionLogprobs } from '../../client';
import { RepeatedLineDetector } from '../../core/postprocess/repeated-lines';
import type { CompletionEngine, CompletionInput } from '../../engine/completion-engine';
import { LogprobsAccumulator } from '../../engine/logprobs-accumulator';
import type { Settings } from '../../engine/settings';
import { completionSourceFor } from '../context/notebook-context';
import type { FailureReporter } from '../failure-reporter';
import type { ContextForDocument } from '../context/workspace-context';
import type { Log } from '../log';
import type { SensitiveFiles } from '../sensitive-files';
import type { StatusBar } from '../status-bar';
import { DocumentChangedError, StreamingInsert } from '../streaming-insert';

/** The most text one Complete Selection inserts; a server streaming past it is stopped there. */
const MAX_INSERTED_CHARS = 200_000;

/** The longest selection sent as a prompt; a longer one keeps its end, nearest the insertion point. */
const MAX_SELECTION_CHARS = 100_000;

export interface CompleteSelectionDeps {
  settings: () => Settings;
  engine: CompletionEngine;
  failures: FailureReporter;
  status: StatusBar;
  log: Log;
  /** Context from the rest of the workspace, the same ghost text carries. */
  context?: ContextForDocument;
  sensitive: SensitiveFiles;
  /** Called with the inserted text and the prompt, for the probabilities view. */
  onCompleted?: (result: CompletedInsertion) => void;
}

export interface CompletedInsertion {
  editor: vscode.TextEditor;
  range: vscode.Range;
  text: string;
  prompt: string;
  suffix?: string;
  model: string;
  logprobs: CompletionLogprobs | null;
}

/**
 * Completes the selected text (or, with no selection, the text before the cursor) and inserts the
 * result right after it: streamed in as it arrives under a cancellable notification, one undo step.
 * With `promptComplete.n` > 1 the candidates are offered in a list first.
 */
export async function completeSelection(deps: CompleteSelectionDeps): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Prompt Complete: open a file and select the text to complete.'));
    return;
  }
  const settings = deps.settings();
  const excludedBy = deps.sensitive.matchFor(editor.document);
  if (excludedBy) {
    // The glob may come from a workspace's settings: shown as inert text.
    void vscode.window.showInformationMessage(vscode.l10n.t('Prompt Complete: nothing of this file is sent: it matches {0} (promptComplete.exclude).', inertText(excludedBy)));
    return;
  }
  if (settings.disabledLanguages.includes(editor.document.languageId)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Prompt Complete is off for {0} files (promptComplete.inline.disabledLanguages).', inertText(editor.document.languageId)));
    return;
  }
  const input = selectionInput(editor, settings, deps.context);
  const insertAt = editor.selection.end;
  if (settings.n > 1) await pickAndInsert(deps, editor, input, insertAt);
  else await streamAndInsert(deps, editor, input, insertAt);
}

function selectionInput(editor: vscode.TextEditor, settings: Settings, context: ContextForDocument | undefined): CompletionInput {
  const document = editor.document;
  const selection = editor.selection;
  const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const budget = { maxPrefixChars: settings.maxPrefixChars, maxSuffixChars: settings.maxSuffixChars };
  const source = completionSourceFor(document, selection.end);
  const around = extractContext(source.lines, source.position, budget, eol);
  const selected = document.getText(selection);
  const prefix = selection.isEmpty ? around.prefix : selected.length > MAX_SELECTION_CHARS ? selected.slice(-MAX_SELECTION_CHARS) : selected;
  return { prefix, suffix: around.suffix, context: context?.contextFor(document, prefix, around.suffix) };
}

async function streamAndInsert(deps: CompleteSelectionDeps, editor: vscode.TextEditor, input: CompletionInput, insertAt: vscode.Position): Promise<void> {
  const serverUrl = deps.settings().serverUrl;
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Prompt Complete'), cancellable: true },
    async (progress, token) => {
      const abort = new AbortController();
      const cancellation = token.onCancellationRequested(() => abort.abort());
      const writer = new StreamingInsert(editor, insertAt);
      const started = Date.now();
      let received = 0;
      deps.status.set({ kind: 'working' });
      progress.report({ message: vscode.l10n.t('waiting for the server…') });
      try {
        const streaming = await deps.engine.stream(input, { signal: abort.signal, n: 1, retry: true, purpose: 'Complete Selection' });
        const logprobs = new LogprobsAccumulator();
        const loop = new RepeatedLineDetector();
        for await (const delta of streaming.deltas) {
          if (delta.index !== 0) continue;
          if (received + delta.text.length > MAX_INSERTED_CHARS) {
            writer.append(delta.text.slice(0, MAX_INSERTED_CHARS - received));
            deps.log.warn(`Complete Selection stopped at ${MAX_INSERTED_CHARS} characters`);
            break;
          }
          writer.append(delta.text);
          logprobs.add(delta.logprobs);
          received += delta.text.length;
          progress.report({ message: vscode.l10n.t('completing: {0} characters so far', received) });
          if (loop.push(delta.text)) break;
        }
        await writer.finished();
        if (loop.cutAt !== undefined) {
          // The model repeats one line over and over: keep it once and stop paying for the rest.
          await writer.truncate(loop.cutAt);
          deps.log.info(`Complete Selection stopped a loop of repeated lines after ${loop.cutAt} characters`);
        }
        writer.placeCursorAfter();
        deps.log.info(`Complete Selection: ${streaming.model} (${streaming.fim}) ${input.prefix.length}+${input.suffix.length} chars -> ${writer.text.length} chars in ${Date.now() - started} ms`);
        deps.status.set({ kind: 'idle', detail: vscode.l10n.t('last answer in {0} ms', Date.now() - started) });
        if (!writer.text) void vscode.window.showInformationMessage(vscode.l10n.t('Prompt Complete: the model returned no text.'));
        else reportInserted(deps, editor, insertAt, { text: writer.text, prompt: streaming.prompt, suffix: streaming.fim === 'suffix' ? input.suffix : undefined, model: streaming.model, logprobs: logprobs.result });
      } catch (error) {
        if (token.isCancellationRequested) {
          // The user stopped it: keep what arrived, as they saw it arrive.
          await writer.finished().catch(() => undefined);
          writer.placeCursorAfter();
          deps.status.set({ kind: 'idle' });
          deps.log.info(`Complete Selection cancelled after ${writer.text.length} chars`);
          return;
        }
        if (error instanceof DocumentChangedError) {
          void vscode.window.showWarningMessage(vscode.l10n.t('Prompt Complete: the document changed while the completion was arriving; the text inserted so far was kept.'));
          deps.status.set({ kind: 'idle' });
          return;
        }
        // A failed or cut stream must not leave half an answer behind.
        await writer.rollback();
        deps.failures.commandFailed(vscode.l10n.t('Complete Selection'), error, serverUrl);
      } finally {
        cancellation.dispose();
      }
    },
  );
}

async function pickAndInsert(deps: CompleteSelectionDeps, editor: vscode.TextEditor, input: CompletionInput, insertAt: vscode.Position): Promise<void> {
  const settings = deps.settings();
  const outcome = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Prompt Complete: asking for {0} candidates…', settings.n), cancellable: true },
    async (_progress, token) => {
      const abort = new AbortController();
      const cancellation = token.onCancellationRequested(() => abort.abort());
      deps.status.set({ kind: 'working' });
      try {
        const result = await deps.engine.complete(input, { signal: abort.signal, retry: true, purpose: 'Complete Selection' });
        deps.status.set({ kind: 'idle' });
        return result;
      } catch (error) {
        if (!token.isCancellationRequested) deps.failures.commandFailed(vscode.l10n.t('Complete Selection'), error, settings.serverUrl);
        else deps.status.set({ kind: 'idle' });
        return undefined;
      } finally {
        cancellation.dispose();
      }
    },
  );
  if (!outcome) return;
  const candidates = [...new Set(outcome.candidates.map((c) => c.text).filter((text) => text.length > 0))];
  if (candidates.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Prompt Complete: the model returned no text.'));
    return;
  }
  const picked = await vscode.window.showQuickPick(
    candidates.map((text, i) => {
      const label = `${i + 1}. ${firstLine(text)}`;
      // The detail shows more only when the label cannot: several lines, or a cut first line.
      const more = text.trim() !== firstLine(text);
      return { label, detail: more ? oneLineExcerpt(text) : undefined, text };
    }),
    { title: vscode.l10n.t('Prompt Complete: choose a completion'), matchOnDetail: true },
  );
  if (!picked) return;
  const applied = await editor.edit((builder) => builder.insert(insertAt, picked.text));
  if (applied) {
    const end = editor.document.positionAt(editor.document.offsetAt(insertAt) + picked.text.length);
    editor.selection = new vscode.Selection(end, end);
  }
  const candidate = outcome.candidates.find((c) => c.text === picked.text);
  if (applied) reportInserted(deps, editor, insertAt, { text: picked.text, prompt: outcome.prompt, suffix: outcome.fim === 'suffix' ? input.suffix : undefined, model: outcome.model, logprobs: candidate?.logprobs ?? null });
}

function reportInserted(deps: CompleteSelectionDeps, editor: vscode.TextEditor, at: vscode.Position, result: Omit<CompletedInsertion, 'editor' | 'range'>): void {
  const document = editor.document;
  const start = document.offsetAt(at);
  const range = new vscode.Range(document.positionAt(start), document.positionAt(start + result.text.length));
  deps.onCompleted?.({ editor, range, ...result });
}

function oneLineExcerpt(text: string): string {
  const flat = text.trim().replace(/\s*\r?\n\s*/g, ' ⏎ ');
  return flat.length > 200 ? `${flat.slice(0, 200)}…` : flat;
}

function firstLine(text: string): string {
  const line = text.trim().split(/\r?\n/, 1)[0] ?? '';
  return line.length > 80 ? `${line.slice(0, 80)}…` : line;
}
