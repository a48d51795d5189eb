import type { CompletionLogprobs } from '../client';
import { CompletionCache } from '../core/cache';
import { AdaptiveDebounce } from '../core/debounce';
import { completionTokens, meanProbability } from '../core/logprobs';
import { continueProcessed, postProcess, type CompletionContext, type ProcessedCompletion } from '../core/postprocess';
import { unlessAborted, type Clock } from './clock';
import type { CompletionStreamer } from './completion-engine';
import { InlineRequest, type InlineResult } from './inline-request';
import { isLoopbackHost } from './key-policy';
import { answerFingerprint, type Settings } from './settings';

/** One call for ghost text: the text around the cursor and how the call came about. */
export interface InlineQuery extends CompletionContext {
  /** The user asked (Alt+\): no debounce, and a spot known to have nothing is asked again. */
  explicit: boolean;
  /** False when the suggestion continues the suggest widget's item, which an accept-ahead request cannot know. */
  prefetch?: boolean;
  /** Aborted when the editor no longer wants this answer (a newer keystroke, the cursor moved). */
  signal: AbortSignal;
}

/** A suggestion ready to show, and how many characters after the cursor it replaces. */
export type InlineSuggestion = ProcessedCompletion;

export interface InlineAnswer {
  suggestions: InlineSuggestion[];
  /**
   * Set when a block is shown from its first complete lines while the rest still arrives: settles
   * once it has, so the editor can ask again and show all of it (then served from the cache).
   */
  rest?: Promise<void>;
}

export type InlinePurpose = 'inline' | 'prefetch';

/** A candidate as the session judged it when its request finished. */
export interface JudgedCandidate {
  /** The text as the server sent it (cut at stop texts). */
  raw: string;
  /** The suggestion it makes at the request's own position; what the cache keeps. */
  processed: ProcessedCompletion;
  logprobs: CompletionLogprobs | null;
  /** Mean probability of the tokens the suggestion shows; undefined without logprobs. */
  confidence?: number;
}

/** What the session tells the editor layer about its requests (status bar, history, failures). */
export type InlineEvent =
  | { type: 'started'; purpose: InlinePurpose }
  | { type: 'finished'; purpose: InlinePurpose; context: CompletionContext; result: InlineResult; shown: JudgedCandidate | undefined; kept: number }
  | { type: 'failed'; purpose: InlinePurpose; error: unknown }
  /** `idle` is true when no inline request is left running. */
  | { type: 'aborted'; purpose: InlinePurpose; idle: boolean };

export interface InlineSessionDeps {
  engine: CompletionStreamer;
  settings: () => Settings;
  clock: Clock;
  onEvent?: (event: InlineEvent) => void;
}

/** Above this latency, "auto" prefetch stays off: a slow server is better spent on what the user asks. */
const PREFETCH_MAX_LATENCY_MS = 1000;

/** A running request, with the session's verdict on its candidates once it finishes. */
interface Running {
  request: InlineRequest;
  purpose: InlinePurpose;
  judged: Promise<JudgedCandidate[]>;
}

/**
 * The inline completion policy, free of the editor: each query is answered, cheapest first, from the
 * cache (which also serves text the user typed into a suggestion), from the request already running
 * when what was typed matches how its answer begins, or by a new streamed request after the adaptive
 * debounce. A query that cannot reuse a running request aborts it, so a single-slot server is never
 * kept busy with text nobody will see. After showing a suggestion it may ask, in the background, for
 * what follows it as if it were accepted (accept-ahead prefetch).
 *
 * It owns everything that depends on the answer-shaping settings (cache, debounce) and rebuilds them
 * in one place, {@link applySettings}.
 */
export class InlineSession {
  private inFlight: Running | undefined;
  private prefetching: Running | undefined;
  /** Ends the debounce wait of the previous query when a newer one arrives. */
  private waiting: AbortController | undefined;
  private lastLatencyMs: number | undefined;
  /** The text before the cursor at the previous query the user's typing caused. */
  private lastPrefix: string | undefined;
  private cache = new CompletionCache();
  private debounce: AdaptiveDebounce;
  private fingerprint: string;
  private debounceBound: number;

  constructor(private readonly deps: InlineSessionDeps) {
    const settings = deps.settings();
    this.fingerprint = answerFingerprint(settings);
    this.debounceBound = settings.debounceMs;
    this.debounce = newDebounce(settings.debounceMs);
  }

  /**
   * Call when settings change: answers asked under other answer-shaping settings are dropped (and
   * requests still running for them stopped), and a new debounce bound starts a new rhythm. Returns
   * true when answers were dropped.
   */
  applySettings(settings: Settings): boolean {
    if (settings.debounceMs !== this.debounceBound) {
      this.debounceBound = settings.debounceMs;
      this.debounce = newDebounce(settings.debounceMs);
    }
    const fingerprint = answerFingerprint(settings);
    if (fingerprint === this.fingerprint) return false;
    this.fingerprint = fingerprint;
    this.forgetAnswers();
    return true;
  }

  /** Drops every cached answer and stops running requests (after the key or the server changes). */
  forgetAnswers(): void {
    this.cache = new CompletionCache();
    this.stopAll();
  }

  /** Suggestions for `query`, or undefined when the query was superseded or its request failed. */
  async provide(query: InlineQuery): Promise<InlineAnswer | undefined> {
    const { clock } = this.deps;
    const freshSpot = !query.explicit && !typedOneMore(this.lastPrefix, query.prefix);
    if (!query.explicit) {
      this.debounce.recordKeystroke(clock.now());
      this.lastPrefix = query.prefix;
    }

    const cached = this.cache.findByLongestPrefix(query.prefix, query.suffix)?.completions;
    if (cached) {
      const suggestions = continued(cached, query);
      if (suggestions.length > 0) {
        this.prefetchAfter(suggestions[0]!, query);
        return { suggestions };
      }
      // The server had nothing here: do not ask again at this spot until the user asks (Alt+\).
      // (A remainder of nothing but whitespace asks.)
      if (cached.length === 0 && !query.explicit) return { suggestions: [] };
    }

    this.waiting?.abort();
    // At most twice: a request this query starts itself cannot turn out to disagree with it.
    for (;;) {
      let running = this.adoptRunningRequest(query.prefix, query.suffix);
      if (!running) {
        if (!query.explicit && !freshSpot && !(await this.waitBeforeAsking(query))) return undefined;
        running = this.start(query, 'inline');
        this.inFlight = running;
      }
      const answer = await this.answerFrom(running, query);
      if (answer !== 'disagrees') return answer;
      running.request.abort();
    }
  }

  /**
   * What a running request gives the query: a block from its first complete line after what was typed
   * (the rest replaces it when it has arrived), else its whole answer; 'disagrees' as soon as its answer
   * turns out not to begin with what the user typed since it was sent.
   */
  private async answerFrom(running: Running, query: InlineQuery): Promise<InlineAnswer | 'disagrees' | undefined> {
    const { request } = running;
    try {
      const finished = running.judged.then(() => undefined);
      finished.catch(() => undefined);
      while (!request.done) {
        if (!request.canServe(query.prefix, query.suffix)) return 'disagrees';
        if (query.multiline) {
          const early = continued(typedAhead(request, processedLines(request), query.prefix), query);
          if (early.length > 0) return { suggestions: early, rest: finished.then(() => undefined, () => undefined) };
        }
        await unlessAborted(Promise.race([request.more(), finished]), query.signal);
        if (query.signal.aborted) return undefined;
      }
      const judged = await unlessAborted(running.judged, query.signal);
      if (!judged) return undefined;
      const texts = typedAhead(request, judged.map(({ processed }) => processed.text), query.prefix);
      if (texts.length === 0 && query.prefix !== request.prefix && judged.length > 0) return 'disagrees';
      const suggestions = continued(texts, query);
      if (suggestions.length > 0) this.prefetchAfter(suggestions[0]!, query);
      return { suggestions };
    } catch {
      // The request reports its own failure once (see start), whichever queries awaited it.
      return undefined;
    }
  }

  /** Stops whatever is still running. */
  dispose(): void {
    this.stopAll();
  }

  private stopAll(): void {
    this.waiting?.abort();
    this.inFlight?.request.abort();
    this.prefetching?.request.abort();
    this.inFlight = undefined;
    this.prefetching = undefined;
  }

  /**
   * Waits before asking where nothing answers yet: not at all where a word has just ended (after a
   * space, a bracket, a line break: the prompt ends cleanly and the answer can cover the rest of the
   * line while the user types it), else the adaptive debounce, so a request does not start mid-word.
   * (A query at a fresh spot, not one key on from the previous one, does not wait either: see provide.)
   * False when a newer query or the editor ended the wait.
   */
  private async waitBeforeAsking(query: InlineQuery): Promise<boolean> {
    if (query.signal.aborted) return false;
    if (endsWord(query.prefix)) return true;
    const signal = query.signal;
    const waiting = new AbortController();
    this.waiting = waiting;
    const stop = () => waiting.abort();
    signal.addEventListener('abort', stop, { once: true });
    try {
      return await this.deps.clock.sleep(this.debounce.delayMs(), waiting.signal);
    } finally {
      signal.removeEventListener('abort', stop);
      if (this.waiting === waiting) this.waiting = undefined;
    }
  }

  /**
   * The running request (the one in flight, or a prefetch) that can answer at `prefix`; every other
   * running request is aborted.
   */
  private adoptRunningRequest(prefix: string, suffix: string): Running | undefined {
    let adopted: Running | undefined;
    for (const running of [this.inFlight, this.prefetching]) {
      if (!running || running.request.done) continue;
      if (!adopted && running.request.canServe(prefix, suffix)) adopted = running;
      else running.request.abort();
    }
    this.inFlight = adopted;
    if (this.prefetching !== adopted) this.prefetching = undefined;
    return adopted;
  }

  /**
   * Starts a streamed request whose candidates are judged once when it ends and land in the cache of
   * the settings it was asked under. Its end is always reported, whoever was waiting for it.
   */
  private start(context: CompletionContext, purpose: InlinePurpose): Running {
    const settings = this.deps.settings();
    const cache = this.cache;
    const debounce = this.debounce;
    const ownContext: CompletionContext = { prefix: context.prefix, suffix: context.suffix, languageId: context.languageId, multiline: context.multiline };
    const request = new InlineRequest(this.deps.engine, ownContext, { n: settings.n, clock: this.deps.clock });
    this.emit({ type: 'started', purpose });
    const judged = request.result.then(
      (result) => {
        this.lastLatencyMs = result.firstChunkMs;
        if (purpose === 'inline') debounce.recordLatency(result.firstChunkMs);
        const candidates = judge(result, ownContext).filter(({ confidence }) => confidence === undefined || confidence >= settings.minConfidence);
        // The cache keeps each suggestion as it shows here, so typing into it shows the rest as it was
        // (cleaning up the rest again at each keystroke would misread it). A candidate that shows
        // nothing is no answer: with none left, the cache remembers that this spot has nothing.
        cache.set(ownContext.prefix, ownContext.suffix, candidates.map(({ processed }) => processed.text).filter((text) => text.trim() !== ''));
        const shown = candidates.find(({ processed }) => processed.text.trim() !== '');
        this.emit({ type: 'finished', purpose, context: ownContext, result, shown, kept: candidates.length });
        return candidates;
      },
      (error: unknown) => {
        if (!request.signal.aborted) this.emit({ type: 'failed', purpose, error });
        else this.emit({ type: 'aborted', purpose, idle: !this.inFlight || this.inFlight.request.done });
        throw error;
      },
    );
    judged.catch(() => undefined);
    return { request, purpose, judged };
  }

  /** Asks, in the background, for what comes after `shown` as if it were accepted, so Tab then Tab is instant. */
  private prefetchAfter(shown: InlineSuggestion, query: InlineQuery): void {
    if (query.prefetch === false || !this.prefetchAllowed()) return;
    if (!shown.text.trim()) return;
    const next: CompletionContext = {
      prefix: query.prefix + shown.text,
      suffix: query.suffix.slice(shown.replaceSuffixChars),
      languageId: query.languageId,
      multiline: query.multiline,
    };
    if (this.cache.get(next.prefix, next.suffix)) return;
    const current = this.prefetching;
    if (current && !current.request.done) {
      if (current.request.prefix === next.prefix && current.request.suffix === next.suffix) return;
      current.request.abort();
    }
    this.prefetching = this.start(next, 'prefetch');
  }

  private prefetchAllowed(): boolean {
    const settings = this.deps.settings();
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

  private emit(event: InlineEvent): void {
    this.deps.onEvent?.(event);
  }
}

/**
 * True when `prefix` is `last` and one more character: the user is typing on at the same spot (the
 * tails are compared, since the context window's start may move by a line). False at a fresh spot:
 * the first key after the cursor moved elsewhere, an accept, a deletion, another file.
 */
function typedOneMore(last: string | undefined, prefix: string): boolean {
  return last !== undefined && prefix.length > 0 && prefix.slice(0, -1).endsWith(last.slice(-200));
}

/** True when the text ends where a word cannot go on: empty, or after anything but a letter, digit or underscore. */
function endsWord(prefix: string): boolean {
  return prefix === '' || !/[\p{L}\p{N}_]$/u.test(prefix);
}

function newDebounce(maxMs: number): AdaptiveDebounce {
  return new AdaptiveDebounce({ minMs: Math.min(maxMs, 30), maxMs });
}

/** Post-processes each candidate once, at the request's own position, and measures its confidence over what it shows. */
export function judge(result: InlineResult, context: CompletionContext): JudgedCandidate[] {
  return result.texts.map((raw, index) => {
    const processed = postProcess(raw, context);
    const logprobs = result.logprobs[index] ?? null;
    const confidence = logprobs ? meanProbability(completionTokens(logprobs, shownPart(raw, processed.text))) : undefined;
    return { raw, processed, logprobs, confidence };
  });
}

/** The start of the raw candidate that the suggestion shows after post-processing (tokens past it were never seen). */
function shownPart(raw: string, shown: string): string {
  const at = raw.indexOf(shown);
  return at >= 0 ? raw.slice(0, at + shown.length) : raw;
}

/** Suggestions at the query's position from texts already post-processed for it or for a spot it has typed ahead of. */
function continued(texts: readonly string[], query: CompletionContext): InlineSuggestion[] {
  return distinct(texts.map((text) => continueProcessed(text, query)));
}

/**
 * The candidates of a request as they show at its own position, from what has arrived so far, up to
 * the last complete line of each.
 */
function processedLines(request: InlineRequest): string[] {
  return request.completeLines().map((lines) => (lines === '' ? '' : postProcess(lines, request.context).text));
}

/** The rest of each text (shown at the request's position) after what was typed since; those that do not begin with it are left out. */
function typedAhead(request: InlineRequest, texts: readonly string[], prefix: string): string[] {
  const typed = prefix.slice(request.prefix.length);
  return texts.filter((text) => text.length > typed.length && text.startsWith(typed)).map((text) => text.slice(typed.length));
}

function distinct(processed: readonly ProcessedCompletion[]): InlineSuggestion[] {
  const seen = new Set<string>();
  const out: InlineSuggestion[] = [];
  for (const suggestion of processed) {
    if (!suggestion.text.trim() || seen.has(suggestion.text)) continue;
    seen.add(suggestion.text);
    out.push(suggestion);
  }
  return out;
}
