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
    if (processed === '') return NOTHING;
  }
  return withClosersReplaced(processed, ctx);
}

/**
 * What to show of a suggestion that was post-processed for an earlier position, once the user has typed
 * its start (`rest` is what they have not typed yet): the rest as it is. Running the filters again at the
 * new position would misread it (the spaces of an indent being typed, or those before a `#` comment, for
 * a repeat of what was typed). Only which closers after the cursor it replaces is decided anew; a rest of
 * whitespace alone (the line break after a line typed in full) is nothing to show.
 */
export function continueProcessed(rest: string, ctx: CompletionContext): ProcessedCompletion {
  return rest.trim() === '' ? NOTHING : withClosersReplaced(rest, ctx);
}

const NOTHING: ProcessedCompletion = { text: '', replaceSuffixChars: 0 };

function withClosersReplaced(text: string, ctx: CompletionContext): ProcessedCompletion {
  const replaceSuffixChars = closersToReplace(text, ctx);
  // A completion that is only the closers already there would change nothing.
  if (replaceSuffixChars > 0 && text === ctx.suffix.slice(0, replaceSuffixChars)) return NOTHING;
  return { text, replaceSuffixChars };
}
