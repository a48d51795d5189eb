import type { LineSource } from '../context';

/** Whole lines of a document, from `startLine`. */
export interface Excerpt {
  startLine: number;
  text: string;
}

/** A line longer than this is minified or generated: an excerpt stops before it. */
const MAX_LINE_CHARS = 400;

/**
 * Up to `maxLines` whole lines centred on `line` (clamped to the document), within `maxChars`:
 * the chunk the working set keeps of code the developer looked at or changed.
 */
export function linesAround(source: LineSource, line: number, maxLines: number, maxChars: number): Excerpt | undefined {
  if (source.lineCount === 0) return undefined;
  const centre = clamp(line, 0, source.lineCount - 1);
  const first = clamp(centre - Math.floor((maxLines - 1) / 2), 0, Math.max(0, source.lineCount - maxLines));
  return linesFrom(source, first, first + maxLines - 1, maxChars);
}

/** Lines `first` to `last` (inclusive, clamped), stopping before the line that would pass `maxChars` or is too long. */
export function linesFrom(source: LineSource, first: number, last: number, maxChars: number): Excerpt | undefined {
  const lines: string[] = [];
  let used = 0;
  const end = Math.min(last, source.lineCount - 1);
  for (let i = Math.max(0, first); i <= end; i++) {
    const text = source.lineAt(i);
    if (text.length > MAX_LINE_CHARS || used + text.length + 1 > maxChars) break;
    lines.push(text);
    used += text.length + 1;
  }
  const trimmed = trimBlankEdges(lines);
  if (trimmed.lines.length === 0) return undefined;
  return { startLine: Math.max(0, first) + trimmed.dropped, text: trimmed.lines.join('\n') };
}

/**
 * The declaration that starts at `line`: its first line and what its indentation or brackets keep
 * with it (a Python body, a brace block up to its closing line), at most `maxLines` lines.
 */
export function declarationAt(source: LineSource, line: number, maxLines: number, maxChars: number): Excerpt | undefined {
  if (line < 0 || line >= source.lineCount) return undefined;
  const head = source.lineAt(line);
  const indent = indentationOf(head);
  let last = line;
  for (let i = line + 1; i < source.lineCount && i - line < maxLines; i++) {
    const text = source.lineAt(i);
    if (!text.trim()) continue;
    const lineIndent = indentationOf(text);
    if (lineIndent > indent) {
      last = i;
      continue;
    }
    // A closing bracket back at the declaration's own indentation ends it and belongs to it.
    if (lineIndent === indent && /^\s*[}\])]/.test(text)) last = i;
    break;
  }
  return linesFrom(source, line, last, maxChars);
}

function indentationOf(line: string): number {
  let width = 0;
  for (const char of line) {
    if (char === ' ') width++;
    else if (char === '\t') width += 4;
    else break;
  }
  return width;
}

function trimBlankEdges(lines: string[]): { lines: string[]; dropped: number } {
  let start = 0;
  let end = lines.length;
  while (start < end && !lines[start].trim()) start++;
  while (end > start && !lines[end - 1].trim()) end--;
  return { lines: lines.slice(start, end), dropped: start };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
