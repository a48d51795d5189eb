import { keepLinesBefore, splitLines } from './lines';
import type { Filter } from './types';

/** How many identical lines in a row mean the model is looping rather than writing a table. */
export const REPEAT_RUN_LENGTH = 3;

/** Cuts a completion where one line starts repeating itself 3 or more times in a row, keeping it once. */
export const cutRepeatedLines: Filter = (text) => {
  const repeatAt = indexOfLoopingRepeat(splitLines(text));
  return repeatAt < 0 ? text : keepLinesBefore(text, repeatAt);
};

/** The index of the first repeat of a line that occurs 3+ times in a row, or -1. */
export function indexOfLoopingRepeat(lines: readonly string[]): number {
  let runStart = 0;
  for (let i = 1; i < lines.length; i++) {
    if (lines[i]!.trimEnd() !== lines[runStart]!.trimEnd()) runStart = i;
    else if (i - runStart + 1 >= REPEAT_RUN_LENGTH) return runStart + 1;
  }
  return -1;
}
