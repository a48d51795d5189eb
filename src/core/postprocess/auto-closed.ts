import { endsWithForeignClosers, isClosersOnly } from './brackets';
import { cursorLineAfter } from './lines';
import type { CompletionContext } from './types';

/** Longer line ends are code, not auto-inserted closers; also bounds the work. */
const MAX_CLOSERS_CHARS = 32;

/**
 * How many characters after the cursor the completion should replace: when the rest of the line is
 * only closers the editor auto-inserted (`)`, `]`, `"`, `;` …) and the completion ends with the same
 * closers (closing what the prefix opened, not its own brackets), the completion replaces them
 * instead of duplicating them. 0 when nothing should be replaced.
 */
export function closersToReplace(text: string, ctx: CompletionContext): number {
  const closers = cursorLineAfter(ctx.suffix).trimEnd();
  if (closers.length > MAX_CLOSERS_CHARS || !isClosersOnly(closers)) return 0;
  for (let length = closers.length; length > 0; length--) {
    const replaced = closers.slice(0, length);
    if (replaced.trimEnd() !== replaced) continue;
    if (text.endsWith(replaced) && endsWithForeignClosers(text, text.length - length)) return length;
  }
  return 0;
}
