import type { TokenAlternative, TokenProbability } from './logprobs';
import type { TextWords, WordSpan } from './word-slips';

/** A token of existing text the model found very improbable, and what it would have written instead. */
export interface UnlikelyToken {
  /** Where the token starts in the scored text, and how long it is (UTF-16 units). */
  offset: number;
  length: number;
  text: string;
  probability: number;
  /** Whole-text alternatives the model preferred, most likely first (the token itself left out). */
  alternatives: TokenAlternative[];
  /** With the `newWords` and `slips` scopes: the word the token is in (marked as a whole). */
  word?: WordSpan;
  /** With the `slips` scope: the words of the text one slip away from that word, most used first. */
  nearWords?: string[];
}

/**
 * Which improbable tokens are marked. `all`: every one (for a model strong enough that clean code is
 * rarely improbable). `newWords`: those in a word the text uses only once (a name used again and again
 * is deliberate, however rare to the model). `slips`: those in such a word that is one slip (a swap,
 * drop, extra or wrong character) away from a word the text uses elsewhere: the typo's likely intent.
 */
export type UnlikelyScope = 'all' | 'newWords' | 'slips';

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

/**
 * The marks `scope` keeps (see {@link UnlikelyScope}), judged against the words of the whole text. With
 * `newWords` and `slips` a word is marked once, by its least likely token.
 */
export function withinScope(marks: readonly UnlikelyToken[], words: TextWords, scope: UnlikelyScope): UnlikelyToken[] {
  if (scope === 'all') return [...marks];
  const byWord = new Map<number, UnlikelyToken>();
  for (const mark of marks) {
    const word = words.wordAt(mark.offset, mark.offset + mark.length);
    if (!word || words.count(word.text) !== 1) continue;
    const nearWords = scope === 'slips' ? words.nearWords(word.text) : undefined;
    if (nearWords && nearWords.length === 0) continue;
    const kept = byWord.get(word.start);
    if (!kept || mark.probability < kept.probability) byWord.set(word.start, { ...mark, word, ...(nearWords ? { nearWords } : {}) });
  }
  return [...byWord.values()].sort((a, b) => a.offset - b.offset);
}
