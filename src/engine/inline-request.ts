import type { CompletionLogprobs } from '../client';
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
  private finished = false;
  private resolveFirstLine!: () => void;
  /** Settles once the first candidate has a complete line with text in it, or the request ends. */
  readonly firstLine: Promise<void> = new Promise((resolve) => (this.resolveFirstLine = resolve));
  readonly result: Promise<InlineResult>;

  constructor(
    engine: CompletionStreamer,
    readonly context: CompletionContext,
    options: { n?: number; clock?: Pick<Clock, 'now'>; promptContext?: PromptContext; purpose?: string } = {},
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

  /**
   * What has arrived so far for a call at `prefix` (this request's own, or one typed ahead of it), per
   * candidate, up to its last complete line: for showing a block before all of it has arrived.
   */
  completeLines(prefix: string = this.prefix): string[] {
    const typed = prefix.startsWith(this.prefix) ? prefix.slice(this.prefix.length) : undefined;
    return this.received.map((text) => {
      if (typed === undefined || !text.startsWith(typed)) return '';
      const rest = text.slice(typed.length);
      return rest.slice(0, rest.lastIndexOf('\n') + 1);
    });
  }

  /** Stops the request and closes its connection. */
  abort(): void {
    this.abortController.abort();
  }

  /**
   * Whether a call at `prefix` can wait for this request instead of starting another: same text after
   * the cursor, and what the user typed since is exactly how the first candidate has begun.
   */
  canServe(prefix: string, suffix: string): boolean {
    if (this.abortController.signal.aborted || suffix !== this.suffix || !prefix.startsWith(this.prefix)) return false;
    const typed = prefix.slice(this.prefix.length);
    if (typed.length === 0) return true;
    return this.received.some((text) => text.length > typed.length && text.startsWith(typed));
  }

  private async run(engine: CompletionStreamer, options: { n?: number; promptContext?: PromptContext; purpose?: string }, now: () => number): Promise<InlineResult> {
    const { n, promptContext, purpose } = options;
    const started = now();
    const signal = this.abortController.signal;
    try {
      const streaming = await engine.stream({ prefix: this.prefix, suffix: this.suffix, context: promptContext }, { signal, n, purpose });
      const firstChunkMs = now() - started;
      const stopped = new Set<number>();
      const logprobs: LogprobsAccumulator[] = [];
      const expected = n ?? 1;
      for await (const delta of streaming.deltas) {
        if (stopped.has(delta.index)) continue;
        this.received[delta.index] = (this.received[delta.index] ?? '') + delta.text;
        (logprobs[delta.index] ??= new LogprobsAccumulator()).add(delta.logprobs);
        const text = this.received[delta.index];
        if (delta.index === 0 && /\S[^\n]*\n/.test(text)) this.resolveFirstLine();
        if (delta.finishReason || text.length > MAX_INLINE_CHARS || shouldStopStreaming(text, this.context)) stopped.add(delta.index);
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
      this.resolveFirstLine();
    }
  }
}
