import { REPEAT_RUN_LENGTH } from '../core/postprocess/repeated-lines';

/**
 * Watches streamed text for a model caught in a loop: the same non-blank line arriving three times in
 * a row. Linear in the text: it looks only at each line as it completes.
 */
export class LoopGuard {
  private length = 0;
  private pending = '';
  private lastLine: string | undefined;
  private run = 0;
  private firstCopyEnd = 0;
  /** Where the text should end (after the first copy of the looping line), once a loop is seen. */
  cutAt: number | undefined;

  /** Feeds the next piece of text; returns true once a loop has been seen. */
  push(text: string): boolean {
    if (this.cutAt !== undefined) return true;
    let start = 0;
    for (let newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', start)) {
      const line = (this.pending + text.slice(start, newline)).trimEnd();
      const lineEnd = this.length + newline + 1;
      this.pending = '';
      start = newline + 1;
      if (line.trim() !== '' && line === this.lastLine) {
        this.run += 1;
        if (this.run >= REPEAT_RUN_LENGTH) {
          this.cutAt = this.firstCopyEnd;
          return true;
        }
      } else {
        this.lastLine = line;
        this.run = 1;
        this.firstCopyEnd = lineEnd;
      }
    }
    this.pending += text.slice(start);
    this.length += text.length;
    return false;
  }
}
