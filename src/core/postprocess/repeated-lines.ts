import type { Filter } from './types';

/** How many identical lines in a row mean the model is looping rather than writing a table. */
export const REPEAT_RUN_LENGTH = 3;

/**
 * Watches text, as it arrives or all at once, for a model caught in a loop: the same non-blank line
 * (trailing spaces aside) 3 times in a row. Blank lines never make a loop. Linear in the text: it
 * looks at each line once, as it completes.
 */
export class RepeatedLineDetector {
  private length = 0;
  private pending = '';
  private lines = 0;
  private lastLine: string | undefined;
  private run = 0;
  private firstCopyEnd = 0;
  private firstCopyLine = 0;
  /** Where the text should end (after the first copy of the looping line, with its line break), once a loop is seen. */
  cutAt: number | undefined;
  /** The index of the line that first repeats the looping line, once a loop is seen. */
  repeatLine: number | undefined;

  /** Feeds the next piece of text; returns true once a loop has been seen. */
  push(text: string): boolean {
    if (this.cutAt !== undefined) return true;
    let start = 0;
    for (let newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', start)) {
      const line = this.pending + text.slice(start, newline);
      this.pending = '';
      start = newline + 1;
      if (this.judgeLine(line, this.length + newline + 1)) return true;
    }
    this.pending += text.slice(start);
    this.length += text.length;
    return false;
  }

  /** Judges the last, unfinished line too, as if the text ended there. */
  end(): boolean {
    if (this.cutAt !== undefined) return true;
    const line = this.pending;
    this.pending = '';
    return line !== '' && this.judgeLine(line, this.length);
  }

  private judgeLine(rawLine: string, lineEnd: number): boolean {
    const line = rawLine.replace(/\r$/, '').trimEnd();
    const index = this.lines++;
    if (line.trim() !== '' && line === this.lastLine) {
      this.run += 1;
      if (this.run >= REPEAT_RUN_LENGTH) {
        this.cutAt = this.firstCopyEnd;
        this.repeatLine = this.firstCopyLine + 1;
        return true;
      }
    } else {
      this.lastLine = line;
      this.run = 1;
      this.firstCopyEnd = lineEnd;
      this.firstCopyLine = index;
    }
    return false;
  }
}

/** Cuts a completion where one line starts repeating itself 3 or more times in a row, keeping it once. */
export const cutRepeatedLines: Filter = (text) => {
  const detector = new RepeatedLineDetector();
  if (!detector.push(text) && !detector.end()) return text;
  return text.slice(0, detector.cutAt).replace(/\r?\n$/, '');
};

/** The index of the first repeat of a non-blank line that occurs 3+ times in a row, or -1. */
export function indexOfLoopingRepeat(lines: readonly string[]): number {
  const detector = new RepeatedLineDetector();
  for (const line of lines) if (detector.push(`${line}\n`)) break;
  return detector.repeatLine ?? -1;
}
