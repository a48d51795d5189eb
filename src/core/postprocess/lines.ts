// Line helpers shared by the filters. Each looks only at the lines next to the cursor, so a filter
// costs O(completion length), never O(context budget).

/** The text of the cursor's line before the cursor. */
export function cursorLineBefore(prefix: string): string {
  return prefix.slice(prefix.lastIndexOf('\n') + 1);
}

/** The text of the cursor's line after the cursor, without its end-of-line. */
export function cursorLineAfter(suffix: string): string {
  const end = suffix.indexOf('\n');
  return stripCarriageReturn(end < 0 ? suffix : suffix.slice(0, end));
}

/** The first line below the cursor's line that has more than whitespace, or undefined. */
export function nextNonBlankLineBelow(suffix: string, maxLinesToLook = 20): string | undefined {
  return nonBlankLinesBelow(suffix, 1, maxLinesToLook)[0];
}

/** Up to `count` lines below the cursor's line that have more than whitespace, nearest first. */
export function nonBlankLinesBelow(suffix: string, count: number, maxLinesToLook = 20): string[] {
  const found: string[] = [];
  let start = suffix.indexOf('\n');
  for (let looked = 0; start >= 0 && looked < maxLinesToLook && found.length < count; looked++) {
    const end = suffix.indexOf('\n', start + 1);
    const line = stripCarriageReturn(suffix.slice(start + 1, end < 0 ? undefined : end));
    if (line.trim() !== '') found.push(line);
    start = end;
  }
  return found;
}

/** The lines of `text` without their end-of-line characters. */
export function splitLines(text: string): string[] {
  return text.split('\n').map(stripCarriageReturn);
}

/** `text` up to (not including) the end-of-line before line `lineIndex`; '' for line 0. */
export function keepLinesBefore(text: string, lineIndex: number): string {
  let end = -1;
  for (let line = 0; line < lineIndex; line++) {
    end = text.indexOf('\n', end + 1);
    if (end < 0) return text;
  }
  if (end < 0) return '';
  return stripCarriageReturn(text.slice(0, end));
}

/** The run of spaces and tabs a line starts with. */
export function leadingWhitespace(line: string): string {
  return /^[ \t]*/.exec(line)![0];
}

function stripCarriageReturn(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
