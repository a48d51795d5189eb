// Pure: the marks of Check Unlikely Code as plain data, and their words. No `vscode` import, so they
// are unit-tested as calls.
import { formatProbability } from '../../core/probabilities/view-model';
import { english, type Translate } from '../../core/translate';
import type { UnlikelyToken } from '../../core/unlikely-tokens';

/** A marked token (or the word it is in), in document offsets, as plain data (the command answers it; the tests read it). */
export interface UnlikelyMark {
  /** What is underlined: the token, or with the `newWords` and `slips` scopes the whole word. */
  start: number;
  end: number;
  /** The improbable token, where it sits from `start`, and how likely the model found it. */
  token: { offset: number; length: number; text: string };
  probability: number;
  /** The model's preferred tokens in its place, most likely first. */
  alternatives: { text: string; probability: number }[];
  /** The underlined word, when a whole word is marked. */
  word?: string;
  /** Words the file uses that this one is a slip away from, most used first (the `slips` scope). */
  nearWords?: string[];
}

/** A mark from the engine's token, at `base` in the document. */
export function markOf(token: UnlikelyToken, base = 0): UnlikelyMark {
  const start = base + (token.word?.start ?? token.offset);
  const end = base + (token.word?.end ?? token.offset + token.length);
  return {
    start,
    end,
    token: { offset: base + token.offset - start, length: token.length, text: token.text },
    probability: token.probability,
    alternatives: token.alternatives.map(({ text, probability }) => ({ text, probability })),
    ...(token.word ? { word: token.word.text } : {}),
    ...(token.nearWords ? { nearWords: [...token.nearWords] } : {}),
  };
}

/** The hover text of a mark: plain text (diagnostic messages are never rendered as markdown), in the user's language through `t`. */
export function describeMark(mark: Pick<UnlikelyMark, 'token' | 'probability' | 'alternatives' | 'word' | 'nearWords'>, t: Translate = english): string {
  const token = showToken(mark.token.text);
  const probability = formatProbability(mark.probability);
  const expected = mark.alternatives.map((alternative) => `${showToken(alternative.text)} ${formatProbability(alternative.probability)}`).join(', ');
  if (mark.nearWords && mark.nearWords.length > 0 && mark.word) {
    const word = showToken(mark.word);
    const used = mark.nearWords.slice(0, 3).map(showToken).join(', ');
    return expected
      ? t('Likely slip: {0} occurs only here, and this file uses {1}. {2} has probability {3}; the model expected {4}', word, used, token, probability, expected)
      : t('Likely slip: {0} occurs only here, and this file uses {1}. {2} has probability {3}', word, used, token, probability);
  }
  return expected
    ? t('Unlikely here: {0} has probability {1}; the model expected {2}', token, probability, expected)
    : t('Unlikely here: {0} has probability {1}', token, probability);
}

/** The title of the quick fix that puts one of the model's alternatives in place of the token. */
export function fixTitle(mark: Pick<UnlikelyMark, 'token'>, alternative: { text: string; probability: number }, t: Translate = english): string {
  return t('Replace {0} with {1} ({2})', showToken(mark.token.text), showToken(alternative.text), formatProbability(alternative.probability));
}

/** The title of the quick fix that puts a word the file uses in place of a slip. */
export function wordFixTitle(mark: Pick<UnlikelyMark, 'word'>, nearWord: string, t: Translate = english): string {
  return t('Replace {0} with {1} (used elsewhere in this file)', showToken(mark.word ?? ''), showToken(nearWord));
}

/** A token as people can read it: quoted, with line breaks and tabs visible. */
export function showToken(text: string): string {
  return JSON.stringify(text);
}
