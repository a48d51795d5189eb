import { closersToReplace } from './auto-closed';
import { limitToBlockScope } from './block-scope';
import { normalizeLeadingWhitespace } from './leading-whitespace';
import { stopAtNextExistingLine } from './next-lines';
import { cutRepeatedLines } from './repeated-lines';
import { limitToSingleLine } from './single-line';
import { trimSuffixOverlap } from './suffix-overlap';
import { dropTrailingBlankLines } from './trailing-blank-lines';
import type { CompletionContext, Filter } from './types';
import { dropWhitespaceOnly } from './whitespace-only';

export type { CompletionContext, Filter } from './types';
export { closersToReplace } from './auto-closed';

/** The filters in the order they run: shape the lines first, then compare with the suffix. */
export const FILTERS: readonly Filter[] = [
  normalizeLeadingWhitespace,
  limitToSingleLine,
  cutRepeatedLines,
  limitToBlockScope,
  stopAtNextExistingLine,
  trimSuffixOverlap,
  dropTrailingBlankLines,
  dropWhitespaceOnly,
];

/** A completion ready to show, and how many characters after the cursor it replaces. */
export interface ProcessedCompletion {
  text: string;
  replaceSuffixChars: number;
}

/**
 * Runs a raw completion through the filter chain and decides which auto-closed characters after
 * the cursor it replaces. Costs O(completion length): it runs on every result while typing.
 */
export function postProcess(text: string, ctx: CompletionContext): ProcessedCompletion {
  let processed = text;
  for (const filter of FILTERS) {
    processed = filter(processed, ctx);
    if (processed === '') return { text: '', replaceSuffixChars: 0 };
  }
  const replaceSuffixChars = closersToReplace(processed, ctx);
  // A completion that is only the closers already there would change nothing.
  if (replaceSuffixChars > 0 && processed === ctx.suffix.slice(0, replaceSuffixChars)) return { text: '', replaceSuffixChars: 0 };
  return { text: processed, replaceSuffixChars };
}
