import type { LineSource } from '../../../../src/core/context';

/** A document of plain lines. */
export function linesOf(text: string): LineSource {
  const lines = text.split('\n');
  return { lineCount: lines.length, lineAt: (line) => {
    const value = lines[line];
    if (value === undefined) throw new RangeError(`line ${line} out of range`);
    return value;
  } };
}
