import { isClosersOnly } from './brackets';
import { cursorLineBefore, keepLinesBefore, nonBlankLinesBelow, splitLines } from './lines';
import type { CompletionContext, Filter } from './types';

/**
 * Ends the completion before a line identical (indentation included) to the first non-blank line
 * below the cursor, or to the one after it when that first line is only closers (the `}` the editor
 * put on its own line when Enter was pressed after an opener): the model has reached code that is
 * already there.
 */
export const stopAtNextExistingLine: Filter = (text, ctx) => {
  const existing = indexOfExistingLine(splitLines(text), ctx);
  if (existing < 0) return text;
  return existing === 0 ? '' : keepLinesBefore(text, existing).trimEnd();
};

/** The index of the first completion line that repeats a line already below the cursor (see above), or -1. */
export function indexOfExistingLine(lines: readonly string[], ctx: CompletionContext): number {
  const below = nonBlankLinesBelow(ctx.suffix, 2).map((line) => line.trimEnd());
  if (below.length === 0 || lines.length === 0) return -1;
  const existing = isClosersOnly(below[0]!) ? below : below.slice(0, 1);
  const firstLineInFull = cursorLineBefore(ctx.prefix) + lines[0]!;
  for (let i = 0; i < lines.length; i++) {
    const line = i === 0 ? firstLineInFull : lines[i]!;
    if (existing.includes(line.trimEnd())) return i;
  }
  return -1;
}
