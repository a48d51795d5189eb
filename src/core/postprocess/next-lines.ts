import { cursorLineBefore, keepLinesBefore, nextNonBlankLineBelow, splitLines } from './lines';
import type { Filter } from './types';

/**
 * Ends the completion before a line identical (indentation included) to the first non-blank line
 * below the cursor: the model has reached code that is already there.
 */
export const stopAtNextExistingLine: Filter = (text, ctx) => {
  const next = nextNonBlankLineBelow(ctx.suffix)?.trimEnd();
  if (next === undefined) return text;
  const lines = splitLines(text);
  const firstLineInFull = cursorLineBefore(ctx.prefix) + lines[0]!;
  for (let i = 0; i < lines.length; i++) {
    const line = i === 0 ? firstLineInFull : lines[i]!;
    if (line.trimEnd() === next) return i === 0 ? '' : keepLinesBefore(text, i).trimEnd();
  }
  return text;
};
