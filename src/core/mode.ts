import { cursorLineAfter } from './postprocess/lines';

/**
 * True when a completion may run over several lines: nothing but whitespace follows the cursor on
 * its line. Mid-line (even before auto-closed brackets) only the rest of the line is wanted.
 */
export function isMultilinePosition(suffix: string): boolean {
  return cursorLineAfter(suffix).trim() === '';
}
