import { isCloserChar } from '../core/postprocess/brackets';

/**
 * Whether a cursor that stopped with `lineAfter` after it on its line is at a spot one writes at: the end
 * of the line's text, an empty line, or before nothing but what an editor inserts or a statement ends
 * with (`)`, `]`, `}`, quotes, `;`, `,`). In the middle of existing text a suggestion would only get in
 * the way of reading it.
 */
export function isWritingSpot(lineAfter: string): boolean {
  for (const char of lineAfter) {
    if (!isCloserChar(char) && char !== ' ' && char !== '\t' && char !== '\r') return false;
  }
  return true;
}
