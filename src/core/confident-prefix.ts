import type { TokenProbability } from './logprobs';

/**
 * How much of a completion the model is sure of: the length, in the completion's UTF-16 units, of the
 * text before the first token whose probability is below `threshold`, so Tab accepts only what the
 * model was sure of. Cuts fall between whole tokens; a return of `from` means even the first judged
 * token was unsure, and nothing should be shown.
 *
 * `from` is how much of the completion the user has already typed: the tokens that start before it
 * are the user's choice now, not the model's, so only the rest is judged (a suggestion trimmed at a
 * doubtful word grows again once the user has typed past it). A token without a probability counts
 * as sure; text past the last token (no logprobs for it) is kept, as when there are none at all.
 */
export function confidentLength(tokens: readonly TokenProbability[], textLength: number, threshold: number, from = 0): number {
  if (threshold <= 0) return textLength;
  for (const token of tokens) {
    if (token.offset < from) continue;
    if (token.offset >= textLength) break;
    if (token.probability !== null && token.probability < threshold) return token.offset;
  }
  return textLength;
}

/** The tokens that make up `text.slice(0, length)`, for judging only what is shown. */
export function tokensWithin(tokens: readonly TokenProbability[], length: number): TokenProbability[] {
  return tokens.filter((token) => token.offset < length);
}
