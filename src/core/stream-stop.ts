import type { CompletionContext } from './postprocess';
import { indexOfLineOutsideBlock } from './postprocess/block-scope';
import { normalizeLeadingWhitespace } from './postprocess/leading-whitespace';
import { cursorLineBefore, splitLines } from './postprocess/lines';
import { indexOfExistingLine } from './postprocess/next-lines';
import { indexOfLoopingRepeat } from './postprocess/repeated-lines';

/** Lines a multi-line inline suggestion may run to before the rest is not worth generating. */
export const DEFAULT_MAX_STREAMED_LINES = 40;

/** Limits for {@link shouldStopStreaming}. */
export interface StreamStopOptions {
  maxLines?: number;
}

/**
 * True once the text streamed so far already holds everything post-processing would keep, so the
 * request can be aborted: in single-line mode at the first newline; in multi-line mode once a
 * finished line repeats the next line below the cursor, leaves the cursor's block, repeats itself
 * 3 times, or the line limit is reached. Only finished lines are judged; the last may still grow.
 */
export function shouldStopStreaming(accumulated: string, ctx: CompletionContext, options: StreamStopOptions = {}): boolean {
  const lastNewline = accumulated.lastIndexOf('\n');
  if (lastNewline < 0) return false;
  if (!ctx.multiline) return true;
  const finished = splitLines(normalizeLeadingWhitespace(accumulated.slice(0, lastNewline), ctx));
  if (finished.length >= (options.maxLines ?? DEFAULT_MAX_STREAMED_LINES)) return true;
  return (
    indexOfExistingLine(finished, ctx) >= 0 ||
    indexOfLoopingRepeat(finished) >= 0 ||
    indexOfLineOutsideBlock(finished, cursorLineBefore(ctx.prefix)) >= 0
  );
}
