import type { CompletionLogprobs } from '../client';
export { LogprobsSupport } from './field-support';

/**
 * True when an answer to a request that asked for `logprobs` shows the server ignores the field: some
 * candidate has text, yet no candidate carries a single token's logprob. An answer without text proves
 * nothing (an empty completion has no tokens to score).
 */
export function answeredWithoutLogprobs(candidates: readonly { text: string; logprobs: CompletionLogprobs | null }[]): boolean {
  if (!candidates.some((candidate) => candidate.text.length > 0)) return false;
  return candidates.every((candidate) => !candidate.logprobs || candidate.logprobs.tokens.length === 0);
}
