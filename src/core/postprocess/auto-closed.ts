import { foreignCloserPositions, isClosersOnly, isSeparatorChar } from './brackets';
import { cursorLineAfter } from './lines';
import type { CompletionContext } from './types';

/** Longer line ends are code, not auto-inserted closers; also bounds the work. */
const MAX_CLOSERS_CHARS = 32;

/**
 * How many characters after the cursor the completion should replace. When the rest of the line is
 * only closers the editor auto-inserted (`)`, `]`, `"`, `;` …) and the completion writes the same
 * closers itself (closing what the prefix opened, not its own `f(x)`), it replaces them instead of
 * duplicating them: `f(|)` + `a, b);` gives `f(a, b);`. A trailing `;` or `,` is replaced only when
 * the completion also ends with it. 0 when nothing should be replaced.
 */
export function closersToReplace(text: string, ctx: CompletionContext): number {
  const closers = cursorLineAfter(ctx.suffix).trimEnd();
  if (closers.length > MAX_CLOSERS_CHARS || !isClosersOnly(closers)) return 0;
  const written = foreignCloserPositions(text).map((position) => text[position]!);
  const ending = text.trimEnd();
  for (let length = closers.length; length > 0; length--) {
    const replaced = closers.slice(0, length);
    if (replaced.trimEnd() !== replaced) continue;
    if (writesInOrder(replaced, written) && endsWithTrailingSeparators(ending, replaced)) return length;
  }
  return 0;
}

// The brackets and quotes of `replaced` appear, in order, among those the completion closes.
function writesInOrder(replaced: string, written: readonly string[]): boolean {
  let next = 0;
  for (const char of replaced) {
    if (char === ' ' || char === '\t' || isSeparatorChar(char)) continue;
    while (next < written.length && written[next] !== char) next++;
    if (next === written.length) return false;
    next++;
  }
  return true;
}

// `;` and `,` at the end of what is replaced must be the completion's own ending too.
function endsWithTrailingSeparators(ending: string, replaced: string): boolean {
  let start = replaced.length;
  while (start > 0 && (isSeparatorChar(replaced[start - 1]!) || replaced[start - 1] === ' ')) start--;
  return ending.endsWith(replaced.slice(start).trimStart());
}
