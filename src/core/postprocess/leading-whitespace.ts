import { cursorLineBefore, leadingWhitespace, nextNonBlankLineBelow } from './lines';
import type { CompletionContext, Filter } from './types';

/** How many lines above the cursor are read to learn the indentation step and the line above. */
const LINES_LOOKED_BACK = 40;

/**
 * When the cursor sits after code and a space, drops the spaces the model repeats at the start of its
 * first line, which would otherwise double them (`x = ` + ` 42`).
 *
 * Mid-indentation the model's spaces go on with the indent the user is typing: a model that continues
 * the text writes only the spaces still missing, so they are kept as they are, however many. The one
 * exception is a model that writes again exactly the indent already typed where that indent fits the
 * code around the cursor and twice it does not (`def f():` then 4 typed spaces and `    return x`):
 * that is a repeat, and it is dropped.
 */
export const normalizeLeadingWhitespace: Filter = (text, ctx) => {
  const before = cursorLineBefore(ctx.prefix);
  if (!before.endsWith(' ') && !before.endsWith('\t')) return text;
  if (before.trim() !== '') return text.replace(/^[ \t]+/, '');
  const repeatsTypedIndent = text.startsWith(before) && !/^[ \t]/.test(text.slice(before.length));
  return repeatsTypedIndent && isRepeat(before, ctx) ? text.slice(before.length) : text;
};

// The typed indent fits the lines around the cursor and the doubled one does not.
function isRepeat(typed: string, ctx: CompletionContext): boolean {
  const fitting = indentsThatFit(ctx, typed.includes('\t') ? 1 : 4);
  return fitting.has(typed.length) && !fitting.has(2 * typed.length);
}

/**
 * Indents (in characters) a line at the cursor could plausibly have: that of the line above, one step
 * deeper, any whole number of steps shallower, and that of the next line below. The step is the most
 * common change of indentation between neighbouring lines above, else `defaultStep`.
 */
function indentsThatFit(ctx: CompletionContext, defaultStep: number): Set<number> {
  const above = linesAbove(ctx.prefix, LINES_LOOKED_BACK).filter((line) => line.trim() !== '').map((line) => leadingWhitespace(line).length);
  const lineAbove = above[0] ?? 0;
  const step = commonStep(above) ?? defaultStep;
  const fitting = new Set<number>([lineAbove + step]);
  for (let indent = lineAbove; indent >= 0; indent -= step) fitting.add(indent);
  const below = nextNonBlankLineBelow(ctx.suffix);
  if (below !== undefined) fitting.add(leadingWhitespace(below).length);
  return fitting;
}

/** The most common positive difference between neighbouring indents (nearest line first), if any. */
function commonStep(indents: readonly number[]): number | undefined {
  const counts = new Map<number, number>();
  for (let i = 1; i < indents.length; i++) {
    const step = Math.abs(indents[i]! - indents[i - 1]!);
    if (step > 0) counts.set(step, (counts.get(step) ?? 0) + 1);
  }
  let best: number | undefined;
  for (const [step, count] of counts) if (best === undefined || count > counts.get(best)!) best = step;
  return best;
}

/** Up to `count` whole lines before the cursor's line, nearest first. */
function linesAbove(prefix: string, count: number): string[] {
  const lines: string[] = [];
  let end = prefix.lastIndexOf('\n');
  while (end >= 0 && lines.length < count) {
    const start = prefix.lastIndexOf('\n', end - 1);
    lines.push(prefix.slice(start + 1, end).replace(/\r$/, ''));
    end = start;
  }
  return lines;
}
