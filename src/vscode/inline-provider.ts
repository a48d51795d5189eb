import * as vscode from 'vscode';
import type { CompletionCache } from '../core/cache';
import { extractContext } from '../core/context';
import { meanProbability, toTokenProbabilities } from '../core/logprobs';
import type { AdaptiveDebounce } from '../core/debounce';
import { postProcess, type CompletionContext } from '../core/postprocess';
import type { CompletionEngine } from '../engine/completion-engine';
import { allowsMultiline } from '../engine/multiline';
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

/**
 * Ghost text: on each keystroke, waits out the (adaptive) debounce, asks the server with the text
 * around the cursor, and offers the cleaned-up candidates. VS Code cancels the token on the next
 * keystroke, which aborts the HTTP request in flight.
 */
export class InlineProvider implements vscode.InlineCompletionItemProvider {
  /** The request of the previous call: a new call supersedes it, whether or not VS Code cancels it. */
  private inFlight: AbortController | undefined;

  constructor(private readonly deps: InlineDeps) {}

  async provideInlineCompletionItems(
    document: vscode.TextDocument,
    position: vscode.Position,
    context: vscode.InlineCompletionContext,
    token: vscode.CancellationToken,
  ): Promise<vscode.InlineCompletionItem[] | undefined> {
    if (!this.deps.inlineSwitch.allows(document.languageId)) return undefined;
    const settings = this.deps.settings();
    const cache = this.deps.cache();
    const debounce = this.deps.debounce();
    const startedAt = Date.now();
    const explicit = context.triggerKind === vscode.InlineCompletionTriggerKind.Invoke;
    if (!explicit) debounce.recordKeystroke(startedAt);

    const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
    const { prefix, suffix } = extractContext(
      new DocumentLines(document),
      position,
      { maxPrefixChars: settings.maxPrefixChars, maxSuffixChars: settings.maxSuffixChars },
      eol,
    );
    const lineAfterCursor = document.lineAt(position.line).text.slice(position.character);
    const completionContext: CompletionContext = {
      prefix,
      suffix,
      languageId: document.languageId,
      multiline: allowsMultiline(settings.multiline, lineAfterCursor),
    };

    const cached = cache.get(prefix, suffix);
    if (cached && cached.length > 0) return this.toItems(cached, completionContext, position);

    this.inFlight?.abort();
    const abort = new AbortController();
    this.inFlight = abort;
    const cancellation = token.onCancellationRequested(() => abort.abort());
    try {
      if (!explicit && !(await delayUnlessAborted(debounce.delayMs(), abort.signal))) return undefined;
      this.deps.status.set({ kind: 'working' });
      await this.deps.clients.checkKeyPolicy();
      const requestStart = Date.now();
      const outcome = await this.deps.engine.complete({ prefix, suffix }, { signal: abort.signal });
      const latency = Date.now() - requestStart;
      debounce.recordLatency(latency);
      const confident = outcome.candidates
        .map((candidate) => ({ candidate, confidence: confidenceOf(candidate.logprobs) }))
        .filter(({ confidence }) => confidence === undefined || confidence >= settings.minConfidence);
      const texts = confident.map(({ candidate }) => candidate.text);
      this.deps.log.info(
        `inline: ${outcome.model} (${outcome.fim}) ${prefix.length}+${suffix.length} chars -> ${texts.length} of ${outcome.candidates.length} candidate(s) in ${latency} ms`,
      );
      cache.set(prefix, suffix, texts);
      const shown = confident[0];
      if (shown) {
        const { candidate } = shown;
        this.deps.history.record({ source: 'inline', prompt: outcome.prompt, suffix: outcome.fim === 'suffix' ? suffix : undefined, text: candidate.text, logprobs: candidate.logprobs, model: outcome.model });
      }
      this.deps.status.set({ kind: 'idle', detail: `last answer in ${latency} ms`, confidence: shown?.confidence });
      if (abort.signal.aborted) return undefined;
      return this.toItems(texts, completionContext, position);
    } catch (error) {
      if (abort.signal.aborted) {
        this.deps.log.debug('inline: request superseded by a newer keystroke');
        if (this.deps.status.status.kind === 'working') this.deps.status.set({ kind: 'idle' });
        return undefined;
      }
      this.deps.failures.inlineFailed(error, settings.serverUrl);
      return undefined;
    } finally {
      cancellation.dispose();
      if (this.inFlight === abort) this.inFlight = undefined;
    }
  }

  private toItems(texts: readonly string[], context: CompletionContext, position: vscode.Position): vscode.InlineCompletionItem[] {
    const items: vscode.InlineCompletionItem[] = [];
    const seen = new Set<string>();
    for (const raw of texts) {
      const { text, replaceSuffixChars } = postProcess(raw, context);
      if (!text.trim() || seen.has(text)) continue;
      seen.add(text);
      items.push(new vscode.InlineCompletionItem(text, new vscode.Range(position, position.translate(0, replaceSuffixChars))));
    }
    return items;
  }
}

/**
 * Mean token probability of a candidate, or undefined when the server sent no logprobs. Requests never
 * ask for `echo`, so every token is the completion's and no server's offset convention matters.
 */
function confidenceOf(logprobs: Parameters<typeof toTokenProbabilities>[0] | null): number | undefined {
  if (!logprobs) return undefined;
  return meanProbability(toTokenProbabilities(logprobs));
}

/** Waits `ms` unless `signal` aborts first; true when the wait ran out unaborted. */
function delayUnlessAborted(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  if (ms <= 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
