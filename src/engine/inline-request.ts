import type { CompletionLogprobs } from '../client';
import { stayedUnsure, type DoubtLimit } from '../core/doubt-stop';
import type { PromptContext } from '../core/context/snippet';
import type { CompletionContext } from '../core/postprocess';
import { shouldStopStreaming } from '../core/stream-stop';
import type { Clock } from './clock';
import type { CompletionStreamer, FimUsed } from './completion-engine';
import { LogprobsAccumulator } from './logprobs-accumulator';

/** More text than any suggestion shows: a server streaming past this is cut off. */
export const MAX_INLINE_CHARS = 16_000;

/** What a finished inline request produced. */
export interface InlineResult {
  /** Raw candidate texts by choice index, each cut where the rest could not be used. */
  texts: string[];
  logprobs: (CompletionLogprobs | null)[];
  model: string;
  fim: FimUsed;
  prompt: string;
  /** Milliseconds from the start of the request to its first chunk. */
  firstChunkMs: number;
}

/**
 * One streamed inline completion. It stops generation as soon as every candidate has all it can use
 * (the end of the line in single-line mode; a repeat of the code below, a loop or the end of the block
 * otherwise), and lets a later keystroke reuse it while what was typed matches what has arrived.
 */
export class InlineRequest {
  private readonly abortController = new AbortController();
  private readonly received: string[] = [];
  private readonly receivedLogprobs: LogprobsAccumulator[] = [];
  private origin: { prompt: string; suffix?: string; model: string } | undefined;
  private finished = false;
  private wakeWaiters: (() => void)[] = [];
  readonly result: Promise<InlineResult>;

  constructor(
    engine: CompletionStreamer,
    readonly context: CompletionContext,
    options: { n?: number; clock?: Pick<Clock, 'now'>; doubt?: DoubtLimit; promptContext?: PromptContext; purpose?: string } = {},
  ) {
    const clock = options.clock;
    this.result = this.run(engine, options, clock ? () => clock.now() : Date.now);
    // A superseded request's failure is nobody's concern; whoever awaits `result` still sees it.
    this.result.catch(() => undefined);
  }

  get prefix(): string {
    return this.context.prefix;
  }

  get suffix(): string {
    return this.context.suffix;
  }

  /** True once the stream has ended, stopped early, failed or been aborted. */
  get done(): boolean {
    return this.finished;
  }

  get signal(): AbortSignal {
    return this.abortController.signal;
  }

  /** What has arrived so far, per candidate, up to its last complete line. */
  completeLines(): string[] {
    return this.received.map((text) => text.slice(0, text.lastIndexOf('\n') + 1));
  }

  /** Settles when more text arrives or the request ends (at once if it has ended). */
  more(): Promise<void> {
    if (this.finished) return Promise.resolve();
    return new Promise((resolve) => this.wakeWaiters.push(resolve));
  }

  /** Everything received so far per candidate, with its logprobs (for judging a block shown before it has all arrived). */
  receivedSoFar(): { texts: string[]; logprobs: (CompletionLogprobs | null)[]; origin?: { prompt: string; suffix?: string; model: string } } {
    const texts = Array.from({ length: this.received.length }, (_, i) => this.received[i] ?? '');
    return { texts, logprobs: texts.map((_, i) => this.receivedLogprobs[i]?.result ?? null), origin: this.origin };
  }

  /** Stops the request and closes its connection. */
  abort(): void {
    this.abortController.abort();
  }

  /**
   * Whether a call at `prefix` can wait for this request instead of starting another: same text after
   * the cursor, and what the user typed since agrees with a candidate so far: the candidate begins with
   * it, or (while more may come) it begins with all the candidate has sent, nothing at all included.
   */
  canServe(prefix: string, suffix: string): boolean {
    if (this.abortController.signal.aborted || suffix !== this.suffix || !prefix.startsWith(this.prefix)) return false;
    const typed = prefix.slice(this.prefix.length);
    if (typed.length === 0) return true;
    if (this.received.some((text) => text.length > typed.length && text.startsWith(typed))) return true;
    return !this.finished && (this.received.length === 0 || this.received.some((text) => typed.startsWith(text)));
  }

  private async run(engine: CompletionStreamer, options: { n?: number; doubt?: DoubtLimit; promptContext?: PromptContext; purpose?: string }, now: () => number): Promise<InlineResult> {
    const { n, doubt, promptContext, purpose } = options;
    const started = now();
    const signal = this.abortController.signal;
    try {
      const streaming = await engine.stream({ prefix: this.prefix, suffix: this.suffix, context: promptContext }, { signal, n, purpose });
      const firstChunkMs = now() - started;
      this.origin = { prompt: streaming.prompt, suffix: streaming.fim === 'suffix' ? this.suffix : undefined, model: streaming.model };
      const stopped = new Set<number>();
      const logprobs = this.receivedLogprobs;
      const expected = n ?? 1;
      for await (const delta of streaming.deltas) {
        if (stopped.has(delta.index)) continue;
        this.received[delta.index] = (this.received[delta.index] ?? '') + delta.text;
        this.wake();
        const accumulated = (logprobs[delta.index] ??= new LogprobsAccumulator());
        accumulated.add(delta.logprobs);
        const text = this.received[delta.index];
        if (delta.finishReason || text.length > MAX_INLINE_CHARS || shouldStopStreaming(text, this.context)) stopped.add(delta.index);
        // The model has lost its way: what follows would be trimmed away, so stop paying for it.
        else if (doubt && stayedUnsure(accumulated.tokenLogprobsSoFar, doubt)) stopped.add(delta.index);
        if (stopped.size >= expected) break;
      }
      const texts = Array.from({ length: Math.max(this.received.length, 0) }, (_, i) => this.received[i] ?? '');
      return {
        texts,
        logprobs: texts.map((_, i) => logprobs[i]?.result ?? null),
        model: streaming.model,
        fim: streaming.fim,
        prompt: streaming.prompt,
        firstChunkMs,
      };
    } finally {
      this.finished = true;
      this.wake();
    }
  }

  private wake(): void {
    const waiters = this.wakeWaiters;
    this.wakeWaiters = [];
    for (const wake of waiters) wake();
  }
}
