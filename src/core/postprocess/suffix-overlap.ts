import { closesWhatItOpens, isClosersOnly, isCloserChar } from './brackets';
import type { Filter } from './types';

/** How far into the suffix, and back from the completion's end, an overlap is looked for. */
export const MAX_OVERLAP_CHARS = 500;

/**
 * Trims the completion's tail where it repeats the head of the suffix, so accepting it does not
 * duplicate text already after the cursor. An overlap counts only when it runs to the end of a
 * suffix line (or to closers that end it), so a stray shared character is not mistaken for one,
 * and only when what is kept still closes what it opens. Overlaps of closers alone are left to the
 * auto-closed-bracket step, which replaces them instead.
 */
export const trimSuffixOverlap: Filter = (text, ctx) => {
  const head = ctx.suffix.slice(0, MAX_OVERLAP_CHARS);
  if (head === '' || text === '') return text;
  const tail = text.slice(-MAX_OVERLAP_CHARS);
  for (const length of overlapLengths(tail, head)) {
    const overlap = head.slice(0, length);
    if (isClosersOnly(overlap) || overlap.trim() === '') continue;
    if (!endsSuffixLine(head, length)) continue;
    const kept = text.slice(0, text.length - length);
    if (closesWhatItOpens(kept)) return kept;
  }
  return text;
};

// The overlap may stop before closers that end the line: `a, b` against the suffix `, b)`.
function endsSuffixLine(head: string, length: number): boolean {
  for (let i = length; i < head.length; i++) {
    const char = head[i]!;
    if (char === '\n' || char === '\r') return true;
    if (!isCloserChar(char) && char !== ' ' && char !== '\t') return false;
  }
  return true;
}

/**
 * Every length L > 0 such that `text` ends with the first L characters of `pattern`, longest
 * first, in O(|text| + |pattern|) with the Knuth–Morris–Pratt failure function.
 */
export function overlapLengths(text: string, pattern: string): number[] {
  const failure = new Int32Array(pattern.length);
  for (let i = 1, k = 0; i < pattern.length; i++) {
    while (k > 0 && pattern[i] !== pattern[k]) k = failure[k - 1]!;
    if (pattern[i] === pattern[k]) k++;
    failure[i] = k;
  }
  let matched = 0;
  for (let i = 0; i < text.length; i++) {
    if (matched === pattern.length) matched = failure[matched - 1]!;
    while (matched > 0 && text[i] !== pattern[matched]) matched = failure[matched - 1]!;
    if (text[i] === pattern[matched]) matched++;
  }
  const lengths: number[] = [];
  for (let length = matched; length > 0; length = failure[length - 1]!) lengths.push(length);
  return lengths;
}
