import * as vscode from 'vscode';
import { extractContext } from '../core/context';
import type { InlineEvent, InlineSession } from '../engine/inline-session';
import { allowsMultiline } from '../engine/multiline';
import { applySelectedCompletion } from '../engine/selected-completion';
import type { Settings } from '../engine/settings';
import type { CompletionHistory } from './completion-history';
import { completionSourceFor } from './context/notebook-context';
import type { ContextForDocument } from './context/workspace-context';
import type { FailureReporter } from './failure-reporter';
import type { InlineSwitch } from './inline-switch';
import type { Log } from './log';
import type { OwnTriggers } from './own-triggers';
import type { SensitiveFiles } from './sensitive-files';
import type { StatusBar } from './status-bar';

interface InlineDeps {
  settings: () => Settings;
  session: InlineSession;
  inlineSwitch: InlineSwitch;
  context?: ContextForDocument;
  sensitive: SensitiveFiles;
  /** The extension's own asks for suggestions, and which explicit calls they caused. */
  triggers: OwnTriggers;
}

/**
 * Ghost text: converts the document and cursor into an {@link InlineSession} query and its
 * suggestions into inline items. All completion policy lives in the session.
 */
export class InlineProvider implements vscode.InlineCompletionItemProvider {
  constructor(private readonly deps: InlineDeps) {}

  async provideInlineCompletionItems(
    document: vscode.TextDocument,
    position: vscode.Position,
    context: vscode.InlineCompletionContext,
    token: vscode.CancellationToken,
  ): Promise<vscode.InlineCompletionItem[] | undefined> {
    if (!this.deps.inlineSwitch.allows(document.languageId) || this.deps.sensitive.matchFor(document)) return undefined;
    const own = context.triggerKind === vscode.InlineCompletionTriggerKind.Invoke ? this.deps.triggers.explicitCall(document, position) : undefined;
    // An ask of the extension's own that VS Code ran on another spot than it was meant for (the user
    // accepted or moved on meanwhile) takes the place of VS Code's own call there: it shows what is already
    // known (the cache, the request running) and sends nothing.
    const stray = own === 'stray';
    const cursorStop = own === 'cursorStop';
    const settings = this.deps.settings();
    const { prefix, suffix, itemText, itemStart } = textAround(document, position, settings, context.selectedCompletionInfo);
    const lineAfterCursor = document.lineAt(position.line).text.slice(position.character);
    const abort = new AbortController();
    const cancellation = token.onCancellationRequested(() => abort.abort());
    try {
      const answer = await this.deps.session.provide({
        prefix,
        suffix,
        languageId: document.languageId,
        multiline: allowsMultiline(settings.multiline, lineAfterCursor),
        explicit: context.triggerKind === vscode.InlineCompletionTriggerKind.Invoke && !cursorStop && !stray,
        cursorStop,
        onlyKnown: stray,
        prefetch: itemText === undefined,
        signal: abort.signal,
        promptContext: this.deps.context && ((p, s) => this.deps.context?.contextFor(document, p, s)),
      });
      if (!answer || token.isCancellationRequested) return undefined;
      if (answer.rest) this.refreshWhenSettled(answer.rest, document, position);
      const start = itemStart ?? position;
      // With a selected suggest item, the ghost text replaces the typed start of the item with all of it.
      return answer.suggestions.map(
        ({ text, replaceSuffixChars }) => new vscode.InlineCompletionItem((itemText ?? '') + text, new vscode.Range(start, position.translate(0, replaceSuffixChars))),
      );
    } finally {
      cancellation.dispose();
    }
  }

  /**
   * Once `rest` settles, asks VS Code to show suggestions again if the user has not moved on, so a
   * block shown from its first line grows to the whole (served from the session's cache).
   */
  private refreshWhenSettled(rest: Promise<void>, document: vscode.TextDocument, position: vscode.Position): void {
    const version = document.version;
    void rest.then(() => {
      const editor = vscode.window.activeTextEditor;
      if (editor?.document !== document || document.version !== version) return;
      if (!editor.selection.isEmpty || !editor.selection.active.isEqual(position)) return;
      this.deps.triggers.trigger('refresh', document, position);
    });
  }
}

/**
 * The text around the cursor (in a notebook cell, the cells above and below too). With the suggest
 * widget open, the prefix reads as if its selected item were inserted, so the ghost text continues
 * that item (VS Code shows only suggestions that do).
 */
export function textAround(
  document: vscode.TextDocument,
  position: vscode.Position,
  settings: Settings,
  selected: vscode.SelectedCompletionInfo | undefined,
): { prefix: string; suffix: string; itemText?: string; itemStart?: vscode.Position } {
  const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const source = completionSourceFor(document, position);
  const { prefix, suffix } = extractContext(
    source.lines,
    source.position,
    { maxPrefixChars: settings.maxPrefixChars, maxSuffixChars: settings.maxSuffixChars },
    eol,
  );
  if (selected && selected.range.isSingleLine && selected.range.start.line === position.line) {
    const applied = applySelectedCompletion(prefix, position.character, {
      startCharacter: selected.range.start.character,
      endCharacter: selected.range.end.character,
      text: selected.text,
    });
    if (applied) return { prefix: applied.prefix, suffix, itemText: applied.itemText, itemStart: selected.range.start };
  }
  return { prefix, suffix };
}

/**
 * Shows what the session's requests do: the status bar follows requests, not calls (VS Code cancels
 * calls freely, but a request's end is always reported), failures are reported once per request, and
 * the suggestion shown is recorded for the probabilities view.
 */
export function reportInlineEvents(deps: { settings: () => Settings; status: StatusBar; failures: FailureReporter; log: Log; history: CompletionHistory }): (event: InlineEvent) => void {
  return (event) => {
    const { status, failures, log, history } = deps;
    switch (event.type) {
      case 'started':
        if (event.purpose === 'inline') status.set({ kind: 'working' });
        return;
      case 'failed':
        if (event.purpose === 'inline') failures.inlineFailed(event.error, deps.settings().serverUrl);
        else log.debug(`prefetch: ${event.error instanceof Error ? event.error.message : String(event.error)}`);
        return;
      case 'aborted':
        if (event.purpose === 'inline' && event.idle && status.status.kind === 'working') status.set({ kind: 'idle' });
        return;
      case 'finished': {
        const { result, context, shown } = event;
        log.info(
          `${event.purpose}: ${result.model} (${result.fim}) ${context.prefix.length}+${context.suffix.length} chars, prompt ${result.prompt.length} -> `
            + `${event.kept} of ${result.texts.length} candidate(s), first token in ${result.firstChunkMs} ms`,
        );
        if (event.purpose !== 'inline') return;
        if (shown) {
          history.record({
            source: 'inline',
            prompt: result.prompt,
            suffix: result.fim === 'suffix' ? context.suffix : undefined,
            text: shown.raw,
            logprobs: shown.logprobs,
            model: result.model,
          });
        }
        status.set({ kind: 'idle', detail: vscode.l10n.t('first token in {0} ms', result.firstChunkMs), confidence: shown?.confidence });
        return;
      }
    }
  };
}
