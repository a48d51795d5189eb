import * as vscode from 'vscode';
import type { CompletionCache } from '../core/cache';
import { extractContext } from '../core/context';
import type { AdaptiveDebounce } from '../core/debounce';
import { completionTokens, meanProbability, type LegacyLogprobs } from '../core/logprobs';
import { postProcess, type CompletionContext } from '../core/postprocess';
import type { CompletionEngine } from '../engine/completion-engine';
import { InlineRequest, type InlineResult } from '../engine/inline-request';
import { isLoopbackHost } from '../engine/key-policy';
import { allowsMultiline } from '../engine/multiline';
import { applySelectedCompletion } from '../engine/selected-completion';
import type { Settings } from '../engine/settings';
import type { ClientProvider } from './client-provider';
import type { CompletionHistory } from './completion-history';
import { DocumentLines } from './document-lines';
import type { FailureReporter } from './failure-reporter';
import type { InlineSwitch } from './inline-switch';
import type { Log } from './log';
import type { StatusBar } from './status-bar';

interface InlineDeps {
  settings: () => Settings;
  engine: CompletionEngine;
  clients: ClientProvider;
  inlineSwitch: InlineSwitch;
  /** The cache for the current settings (a new one when server, model or sampling change). */
  cache: () => CompletionCache;
  /** The debounce for the current `inline.debounceMs` bound. */
  debounce: () => AdaptiveDebounce;
  status: StatusBar;
  failures: FailureReporter;
  log: Log;
  history: CompletionHistory;
}

/** Above this latency, "auto" prefetch stays off: a slow server is better spent on what the user asks. */
const PREFETCH_MAX_LATENCY_MS = 1000;

/**
 * Ghost text. Each call is answered, cheapest first, from the cache (which also serves text the user
 * typed into a suggestion), from the request already in flight when what was typed matches how its
 * answer begins, or by a new streamed request after the (adaptive) debounce. A call that cannot reuse
 * the request in flight aborts it, so its connection closes.
 */
export class InlineProvider implements vscode.InlineCompletionItemProvider {
  private inFlight: InlineRequest | undefined;
  private prefetching: InlineRequest | undefined;
  /** Ends the debounce wait of the previous call when a newer call arrives. */
  private waiting: AbortController | undefined;
  private lastLatencyMs: number | undefined;

  constructor(private readonly deps: InlineDeps) {}

  async provideInlineCompletionItems(
    document: vscode.TextDocument,
    position: vscode.Position,
    context: vscode.InlineCompletionContext,
    token: vscode.CancellationToken,
  ): Promise<vscode.InlineCompletionItem[] | undefined> {
    if (!this.deps.inlineSwitch.allows(document.languageId)) return undefined;
    const settings = this.deps.settings();
    const explicit = context.triggerKind === vscode.InlineCompletionTriggerKind.Invoke;
    const debounce = this.deps.debounce();
    if (!explicit) debounce.recordKeystroke(Date.now());

    const { context: completionContext, itemText, itemStart } = this.contextAt(document, position, settings, context.selectedCompletionInfo);
    const { prefix, suffix } = completionContext;
    const toItems = (texts: readonly string[]) => this.toItems(texts, completionContext, position, itemText, itemStart);
    const cached = this.deps.cache().get(prefix, suffix);
    if (cached) {
      const items = toItems(cached);
      if (items.length > 0) {
        if (!itemText) this.prefetchAfter(cached[0], completionContext, settings);
        return items;
      }
      // The server had nothing here: do not ask again at this spot until the user asks (Alt+\).
      // (A remainder that only cleans up to nothing, such as the line break after an accepted line, asks.)
      if (cached.length === 0 && !explicit) return [];
    }

    this.waiting?.abort();
    let request = this.adoptRunningRequest(prefix, suffix);
    if (!request) {
      const waiting = new AbortController();
      this.waiting = waiting;
      const waited = explicit || (await delayUnlessAborted(debounce.delayMs(), waiting.signal, token));
      if (this.waiting === waiting) this.waiting = undefined;
      if (!waited) return undefined;
      try {
        await this.deps.clients.checkKeyPolicy();
      } catch (error) {
        this.deps.failures.inlineFailed(error, settings.serverUrl);
        return undefined;
      }
      request = this.start(completionContext, settings, 'inline');
      this.inFlight = request;
    }

    try {
      const finished = request.result.then(() => 'finished' as const);
      // A block is shown from its first complete line; the rest replaces it when it has arrived.
      const ready = completionContext.multiline ? Promise.race([finished, request.firstLine.then(() => 'firstLine' as const)]) : finished;
      const outcome = await untilCancelled(ready, token);
      if (!outcome) return undefined;
      if (outcome === 'firstLine' && !request.done) {
        const early = toItems(request.completeLines(prefix));
        if (early.length > 0) {
          this.refreshWhenFinished(request, document, position);
          return early;
        }
        await untilCancelled(request.result, token);
        if (token.isCancellationRequested) return undefined;
      }
      const texts = this.deps.cache().get(prefix, suffix) ?? [];
      if (texts.length > 0 && !itemText) this.prefetchAfter(texts[0], completionContext, settings);
      return toItems(texts);
    } catch {
      // The request's own handlers (see start) report its failure once, whichever calls awaited it.
      return undefined;
    }
  }

  /**
   * The running request (the one in flight, or a prefetch) that can answer at `prefix`; every other
   * running request is aborted, so a single-slot server is never kept busy with text nobody will see.
   */
  private adoptRunningRequest(prefix: string, suffix: string): InlineRequest | undefined {
    let adopted: InlineRequest | undefined;
    for (const request of [this.inFlight, this.prefetching]) {
      if (!request || request.done) continue;
      if (!adopted && request.canServe(prefix, suffix)) adopted = request;
      else request.abort();
    }
    this.inFlight = adopted;
    if (this.prefetching !== adopted) this.prefetching = undefined;
    return adopted;
  }

  /**
   * The text around the cursor. With the suggest widget open, the prefix reads as if its selected item
   * were inserted, so the ghost text continues that item (VS Code shows only suggestions that do).
   */
  private contextAt(
    document: vscode.TextDocument,
    position: vscode.Position,
    settings: Settings,
    selected: vscode.SelectedCompletionInfo | undefined,
  ): { context: CompletionContext; itemText?: string; itemStart?: vscode.Position } {
    const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
    let { prefix, suffix } = extractContext(
      new DocumentLines(document),
      position,
      { maxPrefixChars: settings.maxPrefixChars, maxSuffixChars: settings.maxSuffixChars },
      eol,
    );
    const lineAfterCursor = document.lineAt(position.line).text.slice(position.character);
    let itemText: string | undefined;
    let itemStart: vscode.Position | undefined;
    if (selected && selected.range.isSingleLine && selected.range.start.line === position.line) {
      const applied = applySelectedCompletion(prefix, position.character, {
        startCharacter: selected.range.start.character,
        endCharacter: selected.range.end.character,
        text: selected.text,
      });
      if (applied) {
        prefix = applied.prefix;
        itemText = applied.itemText;
        itemStart = selected.range.start;
      }
    }
    const context = { prefix, suffix, languageId: document.languageId, multiline: allowsMultiline(settings.multiline, lineAfterCursor) };
    return { context, itemText, itemStart };
  }

  /**
   * Once `request` has finished, asks VS Code to show suggestions again if the user has not moved on,
   * so the block shown from its first line grows to the whole (served from the cache).
   */
  private refreshWhenFinished(request: InlineRequest, document: vscode.TextDocument, position: vscode.Position): void {
    const version = document.version;
    request.result.then(() => {
      const editor = vscode.window.activeTextEditor;
      if (request.signal.aborted || editor?.document !== document || document.version !== version) return;
      if (!editor.selection.isEmpty || !editor.selection.active.isEqual(position)) return;
      void vscode.commands.executeCommand('editor.action.inlineSuggest.trigger');
    }, () => undefined);
  }

  /**
   * Starts a streamed request whose usable candidates land in the cache when it ends. The status bar
   * follows requests, not calls: VS Code cancels calls freely, but a request's end is always reported.
   */
  private start(context: CompletionContext, settings: Settings, purpose: 'inline' | 'prefetch'): InlineRequest {
    const cache = this.deps.cache();
    const request = new InlineRequest(this.deps.engine, context, { n: settings.n });
    if (purpose === 'inline') this.deps.status.set({ kind: 'working' });
    request.result.then(
      (result) => this.finished(request, result, cache, settings, purpose),
      (error: unknown) => {
        if (purpose === 'prefetch') {
          if (!request.signal.aborted) this.deps.log.debug(`prefetch: ${error instanceof Error ? error.message : String(error)}`);
          return;
        }
        if (!request.signal.aborted) this.deps.failures.inlineFailed(error, settings.serverUrl);
        else if (this.inFlight === undefined && this.deps.status.status.kind === 'working') this.deps.status.set({ kind: 'idle' });
      },
    );
    return request;
  }

  private finished(request: InlineRequest, result: InlineResult, cache: CompletionCache, settings: Settings, purpose: 'inline' | 'prefetch'): void {
    this.lastLatencyMs = result.firstChunkMs;
    if (purpose === 'inline') this.deps.debounce().recordLatency(result.firstChunkMs);
    const confident = result.texts
      .map((text, index) => {
        const logprobs = result.logprobs[index] ?? null;
        return { text, logprobs, confidence: confidenceOf(logprobs, shownPart(text, request.context)) };
      })
      .filter(({ confidence }) => confidence === undefined || confidence >= settings.minConfidence);
    cache.set(request.prefix, request.suffix, confident.map(({ text }) => text));
    this.deps.log.info(
      `${purpose}: ${result.model} (${result.fim}) ${request.prefix.length}+${request.suffix.length} chars -> `
        + `${confident.length} of ${result.texts.length} candidate(s), first token in ${result.firstChunkMs} ms`,
    );
    if (purpose !== 'inline') return;
    const shown = confident[0];
    if (shown) {
      this.deps.history.record({
        source: 'inline',
        prompt: result.prompt,
        suffix: result.fim === 'suffix' ? request.suffix : undefined,
        text: shown.text,
        logprobs: shown.logprobs,
        model: result.model,
      });
    }
    this.deps.status.set({ kind: 'idle', detail: `first token in ${result.firstChunkMs} ms`, confidence: shown?.confidence });
  }

  /** Asks, in the background, for what comes after `shown` as if it were accepted, so Tab then Tab is instant. */
  private prefetchAfter(shown: string, context: CompletionContext, settings: Settings): void {
    if (!this.prefetchAllowed(settings)) return;
    const { text, replaceSuffixChars } = postProcess(shown, context);
    if (!text.trim()) return;
    const next: CompletionContext = { ...context, prefix: context.prefix + text, suffix: context.suffix.slice(replaceSuffixChars) };
    if (this.deps.cache().get(next.prefix, next.suffix)) return;
    if (this.prefetching && !this.prefetching.done) {
      if (this.prefetching.prefix === next.prefix) return;
      this.prefetching.abort();
    }
    this.prefetching = this.start(next, settings, 'prefetch');
  }

  private prefetchAllowed(settings: Settings): boolean {
    if (settings.prefetch === 'off') return false;
    if (settings.prefetch === 'on') return true;
    let local = false;
    try {
      local = isLoopbackHost(new URL(settings.serverUrl).hostname);
    } catch {
      return false;
    }
    return local && (this.lastLatencyMs ?? Infinity) <= PREFETCH_MAX_LATENCY_MS;
  }

  private toItems(
    texts: readonly string[],
    context: CompletionContext,
    position: vscode.Position,
    itemText = '',
    itemStart: vscode.Position = position,
  ): vscode.InlineCompletionItem[] {
    const items: vscode.InlineCompletionItem[] = [];
    const seen = new Set<string>();
    for (const raw of texts) {
      const { text, replaceSuffixChars } = postProcess(raw, context);
      if (!text.trim() || seen.has(text)) continue;
      seen.add(text);
      // With a selected suggest item, the ghost text replaces the typed start of the item with all of it.
      items.push(new vscode.InlineCompletionItem(itemText + text, new vscode.Range(itemStart, position.translate(0, replaceSuffixChars))));
    }
    return items;
  }

  /** Stops whatever is still running (on dispose of the extension). */
  dispose(): void {
    this.waiting?.abort();
    this.inFlight?.abort();
    this.prefetching?.abort();
  }
}

/**
 * Mean probability of the tokens that make up `shown`, or undefined when the server sent no logprobs.
 * Requests never ask for `echo`, so every token is the completion's.
 */
function confidenceOf(logprobs: LegacyLogprobs | null, shown: string): number | undefined {
  if (!logprobs) return undefined;
  return meanProbability(completionTokens(logprobs, shown));
}

/** The start of the raw candidate that the suggestion shows after post-processing (tokens past it were never seen). */
function shownPart(raw: string, context: CompletionContext): string {
  const { text } = postProcess(raw, context);
  const at = raw.indexOf(text);
  return at >= 0 ? raw.slice(0, at + text.length) : raw;
}

/** Waits `ms` unless `signal` aborts or `token` is cancelled first; true when the wait ran out. */
function delayUnlessAborted(ms: number, signal: AbortSignal, token: vscode.CancellationToken): Promise<boolean> {
  if (signal.aborted || token.isCancellationRequested) return Promise.resolve(false);
  if (ms <= 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const stop = (value: boolean) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      subscription.dispose();
      resolve(value);
    };
    const onAbort = () => stop(false);
    const timer = setTimeout(() => stop(true), ms);
    signal.addEventListener('abort', onAbort, { once: true });
    const subscription = token.onCancellationRequested(() => stop(false));
  });
}

/** Resolves with `promise`'s value, or undefined as soon as `token` is cancelled (the promise goes on). */
function untilCancelled<T>(promise: Promise<T>, token: vscode.CancellationToken): Promise<T | undefined> {
  if (token.isCancellationRequested) return Promise.resolve(undefined);
  return new Promise<T | undefined>((resolve, reject) => {
    const subscription = token.onCancellationRequested(() => {
      subscription.dispose();
      resolve(undefined);
    });
    promise.then(
      (value) => {
        subscription.dispose();
        resolve(value);
      },
      (error: unknown) => {
        subscription.dispose();
        reject(error);
      },
    );
  });
}
