import type { CompletionLogprobs } from '../client';
import { CompletionCache, type CacheHit } from '../core/cache';
import { confidentLength } from '../core/confident-prefix';
import { AdaptiveDebounce } from '../core/debounce';
import type { PromptContext } from '../core/context/snippet';
import { postProcess, type CompletionContext, type ProcessedCompletion } from '../core/postprocess';
import type { BranchAnswer, BranchSource } from './branch';
import { unlessAborted, type Clock } from './clock';
import type { CompletionCallOptions, CompletionStreamer } from './completion-engine';
import { forkShown, type ForkOutcome } from './inline-fork';
import { InlineRequest, type InlineResult } from './inline-request';
import { isLoopbackHost } from './key-policy';
import { answerFingerprint, type Settings } from './settings';
import { factsAfterTyped, factsOf, showCandidates, type CandidateAt, type CandidateFacts, type CandidateOrigin, type ConfidencePolicy, type ShownCandidate } from './shown-candidates';

/** One call for ghost text: the text around the cursor and how the call came about. */
export interface InlineQuery extends CompletionContext {
  /** The user asked (Alt+\): no debounce, and a spot known to have nothing is asked again. */
  explicit: boolean;
  /**
   * The cursor stopped here after a move, no key typed (see {@link InlineSession.asksWhereCursorStops}):
   * asked at once, as at a fresh spot, and not counted as a keystroke of the typing rhythm.
   */
  cursorStop?: boolean;
  /**
   * Answer only from the cache or the request already running, and send nothing: a call nobody asked for
   * at this spot (an ask of the extension's own that VS Code ran after the user moved on, or accepted).
   */
  onlyKnown?: boolean;
  /** False when the suggestion continues the suggest widget's item, which an accept-ahead request cannot know. */
  prefetch?: boolean;
  /** Aborted when the editor no longer wants this answer (a newer keystroke, the cursor moved). */
  signal: AbortSignal;
  /**
   * The context from the rest of the workspace for a request at this prefix and suffix. Asked only
   * when a request is about to go out (after the debounce, never for a cached answer), so it packs
   * what the gatherers have ready by then.
   */
  promptContext?: (prefix: string, suffix: string) => PromptContext | undefined;
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
  /** The text as the server sent it (cut at stop texts); what the cache keeps. */
  raw: string;
  /** The suggestion it makes at the request's own position. */
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
  | { type: 'aborted'; purpose: InlinePurpose; idle: boolean }
  /** A keystroke would have sent a request, but automatic requests are paused (see {@link AutomaticPause}). */
  | { type: 'held'; reason: AutomaticPause };

/** Why typing sends no request: the user asked for manual mode, or today's token budget is spent. */
export type AutomaticPause = 'manual' | 'budget';

/** What a fork needs of the engine: a branch request (see CompletionEngine.branch). */
export interface Brancher {
  branch(source: BranchSource, options?: CompletionCallOptions): Promise<BranchAnswer>;
}

export interface InlineSessionDeps {
  engine: CompletionStreamer & Partial<Brancher>;
  settings: () => Settings;
  clock: Clock;
  onEvent?: (event: InlineEvent) => void;
  /** Today's token count against a budget; without it there is none. */
  usage?: { budgetSpent(dailyBudget: number): boolean };
}

/**
 * Above this latency, "auto" prefetch and asking where the cursor stops stay off: a slow server is
 * better spent on what the user types.
 */
const UNASKED_MAX_LATENCY_MS = 1000;

/** A running request, with its candidates and what is known of them once it finishes. */
interface Running {
  request: InlineRequest;
  purpose: InlinePurpose;
  judged: Promise<CandidateAt[]>;
}

/** What was last shown, and where: what a fork works on. */
interface LastShown {
  prefix: string;
  suffix: string;
  shown: ShownCandidate[];
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
  private cache = new CompletionCache<CandidateFacts>();
  private lastShown: LastShown | undefined;
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
    this.cache = new CompletionCache<CandidateFacts>();
    this.lastShown = undefined;
    this.stopAll();
  }

  /**
   * Why keystrokes may not start requests now, or undefined when they may. What was already asked is
   * still served (from the cache, or the request running), and an explicit query always asks.
   */
  automaticPause(): AutomaticPause | undefined {
    const settings = this.deps.settings();
    if (settings.inlineTrigger === 'manual') return 'manual';
    if (this.deps.usage?.budgetSpent(settings.dailyTokenBudget)) return 'budget';
    return undefined;
  }

  /** Suggestions for `query`, or undefined when the query was superseded or its request failed. */
  async provide(query: InlineQuery): Promise<InlineAnswer | undefined> {
    const { clock } = this.deps;
    const freshSpot = query.cursorStop === true || (!query.explicit && !typedOneMore(this.lastPrefix, query.prefix));
    if (!query.explicit) {
      if (!query.cursorStop && !query.onlyKnown) this.debounce.recordKeystroke(clock.now());
      this.lastPrefix = query.prefix;
    }

    const hit = this.cache.findByLongestPrefix(query.prefix, query.suffix);
    if (hit) {
      const candidates = candidatesOfHit(hit);
      const shown = this.show(candidates, query);
      if (shown.length > 0) return { suggestions: shown };
      // The server had nothing here, or nothing it was sure of: do not ask again at this spot until the
      // user asks (Alt+\). A remainder of nothing but whitespace (the line break after a line typed in
      // full) or whose doubtful token the user typed into asks.
      const nothingSure = candidates.length === 0 || candidates.every((candidate) => this.unsureFromStart(candidate));
      if (hit.typed === '' && nothingSure && !query.explicit) return { suggestions: [] };
    }

    this.waiting?.abort();
    // At most twice: a request this query starts itself cannot turn out to disagree with it.
    for (;;) {
      let running = this.adoptRunningRequest(query.prefix, query.suffix);
      if (!running && query.onlyKnown) return { suggestions: [] };
      if (!running) {
        const paused = query.explicit ? undefined : this.automaticPause();
        if (paused) {
          this.emit({ type: 'held', reason: paused });
          return { suggestions: [] };
        }
        if (!query.explicit && !freshSpot && !(await this.waitBeforeAsking(query))) return undefined;
        running = this.start(query, 'inline', query.promptContext?.(query.prefix, query.suffix));
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
          const early = this.show(completeLinesSoFar(request, query.prefix), query, false);
          if (early.length > 0) return { suggestions: early, rest: finished.then(() => undefined, () => undefined) };
        }
        await unlessAborted(Promise.race([request.more(), finished]), query.signal);
        if (query.signal.aborted) return undefined;
      }
      const judged = await unlessAborted(running.judged, query.signal);
      if (!judged) return undefined;
      const typed = query.prefix.slice(request.prefix.length);
      const candidates = judged.filter(({ raw }) => typed === '' || (raw.length > typed.length && raw.startsWith(typed))).map((candidate) => ({ ...candidate, typed: typed.length }));
      if (candidates.length === 0 && typed !== '' && judged.length > 0) return 'disagrees';
      return { suggestions: this.show(candidates, query) };
    } catch {
      // The request reports its own failure once (see start), whichever queries awaited it.
      return undefined;
    }
  }

  /**
   * Forks the suggestion shown at `query`'s position: its least likely token (the one it was cut
   * before, when it was trimmed) is replaced by the most likely alternative not tried there yet, and
   * the server continues from there. The fork is cached first at this position, so asking for
   * suggestions again shows it.
   */
  async fork(query: Pick<InlineQuery, 'prefix' | 'suffix' | 'signal'>): Promise<ForkOutcome> {
    const last = this.lastShown;
    const brancher = this.deps.engine.branch ? (this.deps.engine as Brancher) : undefined;
    if (!last || last.prefix !== query.prefix || last.suffix !== query.suffix || last.shown.length === 0) return { kind: 'nothingShown' };
    if (!brancher) return { kind: 'noLogprobs' };
    const outcome = await forkShown(last.shown, brancher, query.signal);
    if (outcome.kind !== 'forked') return outcome;
    // The others stay after it, as seen from here.
    const others = last.shown.slice(1).map((shown) => ({
      raw: shown.raw.slice(shown.typed),
      facts: shown.facts && { ...factsAfterTyped(shown.facts, shown.raw.slice(0, shown.typed)), pinned: false },
    }));
    this.cache.set(query.prefix, query.suffix, [outcome.raw, ...others.map(({ raw }) => raw)], [outcome.facts, ...others.map(({ facts }) => facts)]);
    return outcome;
  }

  /** Stops whatever is still running. */
  dispose(): void {
    this.stopAll();
  }

  /** The suggestions `candidates` make at `query`'s position, remembered for a fork; prefetches after the first. */
  private show(candidates: readonly CandidateAt[], query: InlineQuery, prefetch = true): InlineSuggestion[] {
    const shown = showCandidates(candidates, query, this.policy());
    if (shown.length > 0) {
      this.lastShown = { prefix: query.prefix, suffix: query.suffix, shown };
      if (prefetch) this.prefetchAfter(shown[0]!.suggestion, query);
    }
    return shown.map(({ suggestion }) => suggestion);
  }

  /** True when a candidate's first judged token is already unsure: it shows nothing here. */
  private unsureFromStart(candidate: CandidateAt): boolean {
    const tokens = candidate.facts?.tokens;
    if (!tokens) return false;
    const from = Math.max(candidate.typed, candidate.facts!.sureUntil);
    return confidentLength(tokens, candidate.raw.length, this.policy().trimBelow, from) <= candidate.typed;
  }

  private policy(): ConfidencePolicy {
    const settings = this.deps.settings();
    return { trimBelow: settings.trimBelowProbability, minConfidence: settings.minConfidence };
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
  private start(context: CompletionContext, purpose: InlinePurpose, promptContext?: PromptContext): Running {
    const settings = this.deps.settings();
    const cache = this.cache;
    const debounce = this.debounce;
    const ownContext: CompletionContext = { prefix: context.prefix, suffix: context.suffix, languageId: context.languageId, multiline: context.multiline };
    const doubt = { threshold: settings.trimBelowProbability, tokens: settings.stopAfterUnsureTokens };
    const request = new InlineRequest(this.deps.engine, ownContext, { n: settings.n, clock: this.deps.clock, doubt, promptContext, purpose });
    this.emit({ type: 'started', purpose });
    const judged = request.result.then(
      (result) => {
        this.lastLatencyMs = result.firstChunkMs;
        if (purpose === 'inline') debounce.recordLatency(result.firstChunkMs);
        const origin = originOf(result, ownContext);
        // Each candidate as it shows here; the cache keeps it so, and typing into it shows the rest as
        // it was (cleaning the rest up again at each keystroke would misread it). A candidate that shows
        // nothing is no answer: with none left, the cache remembers that this spot has nothing.
        const sources = result.texts.flatMap((raw, i) => {
          const candidate = atOrigin(raw, result.logprobs[i] ?? null, origin, ownContext);
          return candidate ? [{ candidate, raw, logprobs: result.logprobs[i] ?? null }] : [];
        });
        const candidates = sources.map(({ candidate }) => candidate);
        cache.set(ownContext.prefix, ownContext.suffix, candidates.map(({ raw }) => raw), candidates.map(({ facts }) => facts!));
        const shown = showCandidates(candidates, ownContext, this.policy());
        const first = shown[0];
        const source = first && sources.find(({ candidate }) => candidate.raw === first.raw);
        const judgedFirst = first && source && { raw: source.raw, processed: first.suggestion, logprobs: source.logprobs, confidence: first.confidence };
        this.emit({ type: 'finished', purpose, context: ownContext, result, shown: judgedFirst, kept: shown.length });
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
    this.prefetching = this.start(next, 'prefetch', query.promptContext?.(next.prefix, next.suffix));
  }

  private prefetchAllowed(): boolean {
    return this.unaskedRequestsAllowed(this.deps.settings().prefetch);
  }

  /**
   * Whether a stop of the cursor after a move (a click, arrow keys, Go to Line; no key typed) at a spot
   * one writes at should ask for a suggestion now, so that it is there before the first key. It is a
   * request nobody typed for: `auto` asks only a server on this machine that answers within a second,
   * and never while automatic requests are paused (manual mode, a spent budget).
   */
  asksWhereCursorStops(): boolean {
    return this.unaskedRequestsAllowed(this.deps.settings().suggestWhereCursorStops);
  }

  /** Whether a request no keystroke asked for (a prefetch, a cursor stop) may go out under `mode`. */
  private unaskedRequestsAllowed(mode: 'auto' | 'on' | 'off'): boolean {
    if (this.automaticPause()) return false;
    if (mode === 'off') return false;
    if (mode === 'on') return true;
    let local = false;
    try {
      local = isLoopbackHost(new URL(this.deps.settings().serverUrl).hostname);
    } catch {
      return false;
    }
    return local && (this.lastLatencyMs ?? Infinity) <= UNASKED_MAX_LATENCY_MS;
  }

  private emit(event: InlineEvent): void {
    this.deps.onEvent?.(event);
  }
}

function newDebounce(maxMs: number): AdaptiveDebounce {
  return new AdaptiveDebounce({ minMs: Math.min(maxMs, 30), maxMs });
}

/** Where a request's candidates came from, for forking them. */
function originOf(result: Pick<InlineResult, 'prompt' | 'fim' | 'model'>, context: CompletionContext): CandidateOrigin {
  return { prompt: result.prompt, suffix: result.fim === 'suffix' ? context.suffix : undefined, model: result.model };
}

/** A cache hit's candidates, whole again (what was typed plus the rest), with their facts. */
function candidatesOfHit(hit: CacheHit<CandidateFacts>): CandidateAt[] {
  return hit.completions.map((rest, i) => ({ raw: hit.typed + rest, typed: hit.typed.length, facts: hit.data[i] }));
}

/**
 * What a running request has sent so far for a query at `prefix` (its own, or typed ahead of it), per
 * candidate, up to its last complete line and as it shows at the request's position: for showing a
 * block before all of it has arrived.
 */
function completeLinesSoFar(request: InlineRequest, prefix: string): CandidateAt[] {
  if (!prefix.startsWith(request.prefix)) return [];
  const typed = prefix.slice(request.prefix.length);
  const { texts, logprobs, origin } = request.receivedSoFar();
  return texts.flatMap((text, i) => {
    const lines = text.slice(0, text.lastIndexOf('\n') + 1);
    const candidate = lines && atOrigin(lines, logprobs[i] ?? null, origin ?? { prompt: '', model: '' }, request.context);
    if (!candidate || candidate.raw.length <= typed.length || !candidate.raw.startsWith(typed)) return [];
    return [{ ...candidate, typed: typed.length }];
  });
}

/**
 * A candidate as it shows at the position it was asked at: post-processed once, with the facts of its
 * tokens moved to match (post-processing only drops a start, such as repeated indentation, or cuts an end).
 */
function atOrigin(raw: string, logprobs: CompletionLogprobs | null, origin: CandidateOrigin, context: CompletionContext): CandidateAt | undefined {
  const shown = postProcess(raw, context).text;
  if (!shown.trim()) return undefined;
  const at = raw.indexOf(shown);
  const facts = factsOf(raw, logprobs, origin);
  if (at < 0) return { raw: shown, typed: 0, facts: { ...facts, tokens: null } };
  return { raw: shown, typed: 0, facts: at > 0 ? factsAfterTyped(facts, raw.slice(0, at)) : facts };
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
