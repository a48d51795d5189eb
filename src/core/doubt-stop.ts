/** When a streamed completion counts as lost: this many tokens in a row below this probability. */
export interface DoubtLimit {
  /** A token below this probability is one the model was unsure of (0 turns the stop off). */
  threshold: number;
  /** How many unsure tokens in a row end the stream (0 turns the stop off). */
  tokens: number;
}

/**
 * True when the last `limit.tokens` tokens streamed so far were all below `limit.threshold`: the model
 * has lost its way, and what follows will not be shown (the suggestion is trimmed before its first
 * unsure token), so generating it only costs server time and tokens. A token without a logprob breaks
 * the run: with no number there is no evidence of doubt.
 */
export function stayedUnsure(tokenLogprobs: readonly (number | null)[], limit: DoubtLimit): boolean {
  if (limit.tokens <= 0 || limit.threshold <= 0 || tokenLogprobs.length < limit.tokens) return false;
  const below = Math.log(limit.threshold);
  for (let i = tokenLogprobs.length - limit.tokens; i < tokenLogprobs.length; i++) {
    const logprob = tokenLogprobs[i];
    if (logprob === null || logprob === undefined || !(logprob < below)) return false;
  }
  return true;
}
