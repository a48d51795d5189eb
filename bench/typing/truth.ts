// How the document the typist sees stands against the true file. The editor may hold text the typist
// did not type: indentation it chose after Enter, closers it inserted after an opener (the "junk" after
// the cursor until the typist types over them or moves past them).

const CLOSER_OF: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' };
const QUOTES = new Set(['"', "'", '`']);

/** The length of the longest common start of `a` and `b`. */
export function commonPrefixLength(a: string, b: string): number {
  const limit = Math.min(a.length, b.length);
  let i = 0;
  while (i < limit && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/**
 * The text between the cursor and the part of the document the typist expects after it (`expectedAfter`):
 * what the editor inserted after the cursor. Undefined when the document no longer ends with the expected
 * text (something after the cursor was overwritten).
 */
export function junkBefore(after: string, expectedAfter: string): string | undefined {
  return after.endsWith(expectedAfter) ? after.slice(0, after.length - expectedAfter.length) : undefined;
}

/** The closers of the brackets `text` leaves open, innermost first (strings are not told apart: approximate). */
export function openClosers(text: string): string {
  const open: string[] = [];
  for (const char of text) {
    if (char in CLOSER_OF) open.push(CLOSER_OF[char]!);
    else if (open.length > 0 && open[open.length - 1] === char) open.pop();
  }
  return open.reverse().join('');
}

/**
 * Whether the editor's own text after the cursor (`junk`) is what a person would expect there, given the
 * true text up to the cursor: closers of brackets that are still open (innermost first) and a quote that
 * closes a string opened on the cursor's line. Anything else (a closer for a bracket already closed, say a
 * duplicate left by an accept) puts the document off the true text.
 */
export function junkJustified(junk: string, truthBeforeCursor: string): boolean {
  const closers = openClosers(truthBeforeCursor);
  const line = truthBeforeCursor.slice(truthBeforeCursor.lastIndexOf('\n') + 1);
  let next = 0;
  const quotesUsed = new Set<string>();
  for (const char of junk) {
    if (char === ' ' || char === '\t' || char === '\n' || char === '\r') continue;
    if (QUOTES.has(char) && !quotesUsed.has(char) && countOf(line, char) % 2 === 1) {
      quotesUsed.add(char);
      continue;
    }
    if (next < closers.length && closers[next] === char) {
      next++;
      continue;
    }
    return false;
  }
  return true;
}

function countOf(text: string, char: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === char) count++;
  }
  return count;
}

/** The text before `offset` on its line. */
export function lineBefore(text: string, offset: number): string {
  return text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset);
}

/** A document as the probe reported it: its text and the cursor's offset. */
export interface DocumentAt {
  text: string;
  offset: number;
}

/** What the typist is to produce: the true file, the part of it to type, and what the document holds after that part. */
export interface Target {
  truth: string;
  from: number;
  to: number;
  /** The document's text after the typed part (the rest of the file when filling a hole; '' when writing at the end). */
  after: string;
}

/**
 * Whether `text` can still become the target by typing on at the cursor: it ends with the text expected
 * after the typed part, everything before it is the true file up to some point, and whatever the editor
 * inserted in between is closers a person would expect there. Returns that point, or undefined.
 */
export function onTrack(text: string, target: Target): number | undefined {
  if (!text.endsWith(target.after)) return undefined;
  const body = text.slice(0, text.length - target.after.length);
  // A hole ends where the text after it begins; text written at the end of a file may run on.
  const limit = target.after === '' ? Infinity : target.to;
  const reached = Math.min(commonPrefixLength(body, target.truth), limit);
  if (reached < target.from) return undefined;
  return junkJustified(body.slice(reached), target.truth.slice(0, reached)) ? reached : undefined;
}

/** The document as it would read if the suggestion showing `shown` from the cursor were accepted. */
export function documentIfAccepted(doc: DocumentAt, shown: string): string {
  const after = doc.text.slice(doc.offset);
  const lineEnd = after.indexOf('\n');
  // The rest of the cursor's line is part of what shows (after the ghost text, or moved below it).
  return doc.text.slice(0, doc.offset) + shown + (lineEnd < 0 ? '' : after.slice(lineEnd));
}

/**
 * How a suggestion showing `shown` from the cursor stands: 'right' when accepting it keeps the document
 * on the true text and advances it; 'wrong' when it would not; 'unjudged' when the document before the
 * cursor is itself off the true text (the editor's own indentation, say), where no suggestion can be judged.
 */
export function judgeShown(doc: DocumentAt, shown: string, target: Target): 'right' | 'wrong' | 'unjudged' {
  const before = doc.text.slice(0, doc.offset);
  if (commonPrefixLength(before, target.truth) < before.length || before.length < target.from) return 'unjudged';
  const reached = onTrack(documentIfAccepted(doc, shown), target);
  return reached !== undefined && reached > before.length ? 'right' : 'wrong';
}
