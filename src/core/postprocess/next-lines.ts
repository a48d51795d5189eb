import { cursorLineBefore, keepLinesBefore, nextNonBlankLineBelow, splitLines } from './lines';
import type { CompletionContext, Filter } from './types';

/**
 * Ends the completion before a line identical (indentation included) to the first non-blank line
 * below the cursor: the model has reached code that is already there.
 */
export const stopAtNextExistingLine: Filter = (text, ctx) => {
  const existing = indexOfExistingLine(splitLines(text), ctx);
  if (existing < 0) return text;
  return existing === 0 ? '' : keepLinesBefore(text, existing).trimEnd();
};

/** The index of the first completion line that repeats the next non-blank line below the cursor, or -1. */
export function indexOfExistingLine(lines: readonly string[], ctx: CompletionContext): number {
  const next = nextNonBlankLineBelow(ctx.suffix)?.trimEnd();
  if (next === undefined || lines.length === 0) return -1;
  const firstLineInFull = cursorLineBefore(ctx.prefix) + lines[0]!;
  for (let i = 0; i < lines.length; i++) {
    const line = i === 0 ? firstLineInFull : lines[i]!;
    if (line.trimEnd() === next) return i;
  }
  return -1;
}
