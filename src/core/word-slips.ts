/** A word of a text (letters, digits, `_`) and where it is. */
export interface WordSpan {
  start: number;
  end: number;
  text: string;
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;
const WORDS = /[\p{L}\p{N}_]+/gu;
/** Shorter words are too easily one slip away from another by chance. */
const MIN_SLIP_WORD = 3;

/** The words a text uses and how often, to tell slips (new words near known ones) from deliberate names. */
export class TextWords {
  private readonly counts = new Map<string, number>();

  constructor(private readonly text: string) {
    for (const match of text.matchAll(WORDS)) this.counts.set(match[0], (this.counts.get(match[0]) ?? 0) + 1);
  }

  /** How often `word` occurs in the text as a whole word. */
  count(word: string): number {
    return this.counts.get(word) ?? 0;
  }

  /** The word that `[start, end)` (a token) belongs to: the first word character in it, widened to the whole word. */
  wordAt(start: number, end: number): WordSpan | undefined {
    let at = start;
    while (at < end && !WORD_CHAR.test(this.text[at]!)) at++;
    if (at >= end) return undefined;
    let from = at;
    while (from > 0 && WORD_CHAR.test(this.text[from - 1]!)) from--;
    let to = at;
    while (to < this.text.length && WORD_CHAR.test(this.text[to]!)) to++;
    return { start: from, end: to, text: this.text.slice(from, to) };
  }

  /**
   * The words of the text that `word` is one slip away from (two neighbouring characters swapped, one
   * dropped, one added, or one replaced), most used first: what the writer probably meant.
   */
  nearWords(word: string): string[] {
    if (word.length < MIN_SLIP_WORD) return [];
    return [...this.counts.entries()]
      .filter(([other]) => other !== word && other.length >= MIN_SLIP_WORD && oneSlipApart(word, other))
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([other]) => other);
  }
}

/** True when one edit (swap of neighbours, deletion, insertion, substitution) turns `a` into `b`. */
export function oneSlipApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
