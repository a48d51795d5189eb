import { isCloserChar } from '../core/postprocess/brackets';

const CLOSER_OF: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}', '"': '"', "'": "'", '`': '`' };

/**
 * Whether a cursor that stopped between `lineBefore` and `lineAfter` (the text of its line on either
 * side) is at a spot one writes at: the end of the line's text, an empty line, before nothing but what an
 * editor inserts or a statement ends with (`)`, `]`, `}`, quotes, `;`, `,`), or inside an empty pair of
 * brackets or quotes (`f(|)`, `[|]`, `"|"`) whatever follows it. In the middle of other text a
 * suggestion would only get in the way of reading it.
 */
export function isWritingSpot(lineBefore: string, lineAfter: string): boolean {
  const opener = lineBefore.at(-1);
  if (opener !== undefined && CLOSER_OF[opener] !== undefined && lineAfter.startsWith(CLOSER_OF[opener])) return true;
  for (const char of lineAfter) {
    if (!isCloserChar(char) && char !== ' ' && char !== '\t' && char !== '\r') return false;
  }
  return true;
}
