import type { TokenAlternative, TokenProbability } from './logprobs';

/** A token of existing text the model found very improbable, and what it would have written instead. */
export interface UnlikelyToken {
  /** Where the token starts in the scored text, and how long it is (UTF-16 units). */
  offset: number;
  length: number;
  text: string;
  probability: number;
  /** Whole-text alternatives the model preferred, most likely first (the token itself left out). */
  alternatives: TokenAlternative[];
}

/** What counts as very improbable. */
export interface UnlikelyOptions {
  /** A token below this probability is marked. */
  threshold: number;
  /** At most this many alternatives are kept per mark (default 3). */
  maxAlternatives?: number;
}

/**
 * The tokens of scored text whose probability is below `threshold`: the likely typos and slips.
 * Whitespace-only tokens are left out (indentation and blank lines are style, not slips, and their
 * fixes would be invisible), and so are fragments of a character (the token that completes the
 * character carries the mark).
 */
export function findUnlikelyTokens(tokens: readonly TokenProbability[], options: UnlikelyOptions): UnlikelyToken[] {
  const maxAlternatives = options.maxAlternatives ?? 3;
  const marks: UnlikelyToken[] = [];
  for (const token of tokens) {
    if (token.probability === null || token.probability >= options.threshold) continue;
    if (token.length === 0 || token.partial || token.text.trim() === '') continue;
    marks.push({
      offset: token.offset,
      length: token.length,
      text: token.text,
      probability: token.probability,
      alternatives: token.alternatives
        .filter((alternative) => !alternative.partial && alternative.text !== token.text && alternative.text !== '')
        .slice(0, maxAlternatives),
    });
  }
  return marks;
}
