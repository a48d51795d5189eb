/** A document seen line by line, so context extraction never needs the whole text. */
export interface LineSource {
  readonly lineCount: number;
  /** The text of one line, without its end-of-line characters. */
  lineAt(line: number): string;
}

/** A zero-based line and UTF-16 character offset, as editors count them. */
export interface Position {
  line: number;
  character: number;
}

/** How many characters of text before and after the cursor a request may carry. */
export interface ContextBudget {
  maxPrefixChars: number;
  maxSuffixChars: number;
}

/** The text around the cursor. */
export interface ExtractedContext {
  prefix: string;
  suffix: string;
}

/**
 * A line is only cut in the middle when whole lines would leave more than this share of the budget
 * unused (a minified file, a very long line); otherwise the context starts or ends at a line boundary,
 * which models handle better than half a statement.
 */
const MAX_UNUSED_SHARE_BEFORE_CUTTING_MID_LINE = 0.5;

/**
 * The text before and after `position`, each within its budget, reading only the lines it keeps
 * (plus one) so a 10 MB document costs what a small one does.
 */
export function extractContext(
  source: LineSource,
  position: Position,
  budget: ContextBudget,
  eol = '\n',
): ExtractedContext {
  if (source.lineCount === 0) return { prefix: '', suffix: '' };
  const line = clamp(position.line, 0, source.lineCount - 1);
  const cursorLine = source.lineAt(line);
  const character = clamp(position.character, 0, cursorLine.length);
  const before = collectBefore(source, line, cursorLine.slice(0, character), Math.max(0, budget.maxPrefixChars), eol);
  const after = collectAfter(source, line, cursorLine.slice(character), Math.max(0, budget.maxSuffixChars), eol);
  return { prefix: before, suffix: after };
}

function collectBefore(source: LineSource, line: number, head: string, budget: number, eol: string): string {
  if (head.length >= budget) {
    return dropLeadingLowSurrogate(head.slice(head.length - budget));
  }
  const parts = [head];
  let used = head.length;
  let next = line - 1;
  while (next >= 0) {
    const piece = source.lineAt(next) + eol;
    if (used + piece.length > budget) {
      const room = budget - used;
      if (room > budget * MAX_UNUSED_SHARE_BEFORE_CUTTING_MID_LINE) parts.push(dropLeadingLowSurrogate(piece.slice(piece.length - room)));
      break;
    }
    parts.push(piece);
    used += piece.length;
    next--;
  }
  return parts.reverse().join('');
}

function collectAfter(source: LineSource, line: number, tail: string, budget: number, eol: string): string {
  const lastLine = source.lineCount - 1;
  if (tail.length >= budget) {
    return dropTrailingHighSurrogate(tail.slice(0, budget));
  }
  const parts = [tail];
  let used = tail.length;
  let next = line + 1;
  while (next <= lastLine) {
    const piece = eol + source.lineAt(next);
    if (used + piece.length > budget) {
      const room = budget - used;
      if (room > budget * MAX_UNUSED_SHARE_BEFORE_CUTTING_MID_LINE) parts.push(dropTrailingHighSurrogate(piece.slice(0, room)));
      break;
    }
    parts.push(piece);
    used += piece.length;
    next++;
  }
  return parts.join('');
}

// A cut between the two halves of a surrogate pair would send a lone half, which encodes as U+FFFD.
function dropLeadingLowSurrogate(text: string): string {
  const code = text.charCodeAt(0);
  return code >= 0xdc00 && code <= 0xdfff ? text.slice(1) : text;
}

function dropTrailingHighSurrogate(text: string): string {
  const code = text.charCodeAt(text.length - 1);
  return code >= 0xd800 && code <= 0xdbff ? text.slice(0, -1) : text;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
