import { cursorLineBefore, keepLinesBefore, leadingWhitespace, splitLines } from './lines';
import type { Filter } from './types';

/**
 * In multi-line mode, ends the completion before the first line that dedents below the cursor's
 * block (the model has moved on to the next function or statement). Lines that start with a closing
 * bracket may dedent: they close the block and belong to it. A completion that starts a new line after
 * the cursor's line may start it shallower (the next method after the last line of one): its block is
 * then where it starts. Indentation is compared in characters.
 */
export const limitToBlockScope: Filter = (text, ctx) => {
  if (!ctx.multiline) return text;
  const outside = indexOfLineOutsideBlock(splitLines(text), cursorLineBefore(ctx.prefix));
  return outside < 0 ? text : keepLinesBefore(text, outside).trimEnd();
};

/** The index of the first completion line that dedents below the cursor's block, or -1. */
export function indexOfLineOutsideBlock(lines: readonly string[], beforeCursor: string): number {
  if (lines.length < 2) return -1;
  const floor = blockIndentation(beforeCursor, lines);
  if (floor === 0) return -1;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '' || /^[ \t]*[)\]}]/.test(line)) continue;
    if (leadingWhitespace(line).length < floor) return i;
  }
  return -1;
}

// On a blank line the block's indentation is where the completion's first line starts writing; after
// code, the cursor line's, or the first new line's when the completion starts one at a shallower indent.
function blockIndentation(beforeCursor: string, lines: readonly string[]): number {
  if (beforeCursor.trim() === '') return beforeCursor.length + leadingWhitespace(lines[0]!).length;
  const cursorBlock = leadingWhitespace(beforeCursor).length;
  const firstNewLine = lines[0]!.trim() === '' ? lines.find((line, i) => i > 0 && line.trim() !== '') : undefined;
  return firstNewLine === undefined ? cursorBlock : Math.min(cursorBlock, leadingWhitespace(firstNewLine).length);
}
