import type { CompletionLogprobs } from '../client';

/** Joins the per-chunk logprobs of a streamed choice into the shape a whole response has. */
export class LogprobsAccumulator {
  private tokens: string[] = [];
  private tokenLogprobs: (number | null)[] = [];
  private topLogprobs: (Record<string, number> | null)[] = [];
  private textOffset: number[] = [];
  private seen = false;

  add(logprobs: CompletionLogprobs | null | undefined): void {
    if (!logprobs) return;
    this.seen = true;
    const count = logprobs.tokens?.length ?? 0;
    for (let i = 0; i < count; i++) {
      this.tokens.push(logprobs.tokens[i]);
      this.tokenLogprobs.push(logprobs.tokenLogprobs?.[i] ?? null);
      this.topLogprobs.push(logprobs.topLogprobs?.[i] ?? null);
      const offset = logprobs.textOffset?.[i];
      if (typeof offset === 'number') this.textOffset.push(offset);
    }
  }

  /** The logprob of each token so far (read-only view, for judging the stream as it comes). */
  get tokenLogprobsSoFar(): readonly (number | null)[] {
    return this.tokenLogprobs;
  }

  /** The joined logprobs, or null when no chunk carried any. */
  get result(): CompletionLogprobs | null {
    if (!this.seen) return null;
    return {
      tokens: this.tokens,
      tokenLogprobs: this.tokenLogprobs,
      topLogprobs: this.topLogprobs,
      textOffset: this.textOffset.length === this.tokens.length ? this.textOffset : [],
    };
  }
}
