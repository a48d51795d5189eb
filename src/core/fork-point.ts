import type { TokenAlternative, TokenProbability } from './logprobs';

/** Where to fork a suggestion: its least likely token, and the alternative to put there instead. */
export interface ForkPoint {
  tokenIndex: number;
  /** Where the replaced token starts in the completion text. */
  offset: number;
  /** The completion text before that token, kept as it was. */
  kept: string;
  /** The token the model produced there. */
  replaced: TokenProbability;
  /** The most likely alternative not produced or tried there yet. */
  alternative: TokenAlternative;
}

/** Which part of the text may be forked, and what was already tried. */
export interface ForkOptions {
  /** Only tokens starting before this are considered (the part of the text that is shown). */
  shownLength?: number;
  /** Tokens starting before this were typed by the user and are left alone. */
  from?: number;
  /** `forkKey`s of the tokens that have already stood at a position, so forking again moves on. */
  tried?: ReadonlySet<string>;
}

/** Identifies a token at a position, for {@link ForkOptions.tried}. */
export function forkKey(offset: number, text: string): string {
  return `${offset}:${text}`;
}

/**
 * The fork of `text`: its least likely token (within what is shown, past what was typed) that has an
 * alternative worth trying, replaced by the most likely such alternative. An alternative is worth
 * trying when it is whole text (not a fragment of a character), is not the token itself, and has not
 * stood there before. Undefined when no token has one (no logprobs, or no alternatives left).
 */
export function forkPoint(tokens: readonly TokenProbability[], text: string, options: ForkOptions = {}): ForkPoint | undefined {
  const shownLength = options.shownLength ?? text.length;
  const from = options.from ?? 0;
  const tried = options.tried ?? new Set<string>();
  const candidates = tokens
    .map((token, tokenIndex) => ({ token, tokenIndex }))
    .filter(({ token }) => token.offset >= from && token.offset < shownLength && token.probability !== null && !token.partial)
    .sort((a, b) => a.token.probability! - b.token.probability! || a.tokenIndex - b.tokenIndex);
  for (const { token, tokenIndex } of candidates) {
    const alternative = token.alternatives.find((candidate) =>
      !candidate.partial && candidate.text !== '' && candidate.text !== token.text && !tried.has(forkKey(token.offset, candidate.text)));
    if (alternative) return { tokenIndex, offset: token.offset, kept: text.slice(0, token.offset), replaced: token, alternative };
  }
  return undefined;
}

/**
 * The tokens of a forked completion (`kept + alternative + continuation`): the kept tokens as they
 * were, the alternative with the probability the model gave it (and the same alternatives, so a
 * further fork there can move on), then the continuation's tokens shifted after it.
 */
export function forkedTokens(tokens: readonly TokenProbability[], point: ForkPoint, continuation: readonly TokenProbability[]): TokenProbability[] {
  const kept = tokens.slice(0, point.tokenIndex);
  const { alternative } = point;
  const chosen: TokenProbability = {
    text: alternative.text,
    logprob: alternative.logprob,
    probability: alternative.probability,
    offset: point.offset,
    length: alternative.text.length,
    partial: false,
    alternatives: point.replaced.alternatives,
  };
  const base = point.offset + alternative.text.length;
  return [...kept, chosen, ...continuation.map((token) => ({ ...token, offset: token.offset + base }))];
}
