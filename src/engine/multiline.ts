import type { MultilineMode } from './settings';

/**
 * Whether a suggestion may span several lines: in "auto", yes unless the cursor is mid-line (real text
 * follows it on the same line; closing brackets and quotes alone do not count).
 */
export function allowsMultiline(mode: MultilineMode, textAfterCursorOnLine: string): boolean {
  if (mode !== 'auto') return mode === 'always';
  return /^[\s)\]}>;,'"`]*$/.test(textAfterCursorOnLine);
}
