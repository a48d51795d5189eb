// Bracket and quote bookkeeping for deciding which closing characters a completion owns.
// Deliberately approximate (brackets inside strings count too): it only has to tell a closer that
// ends the completion's own `f(x)` from one that closes what the prefix opened.

const OPENER_OF: Readonly<Record<string, string>> = { ')': '(', ']': '[', '}': '{' };
const QUOTES = new Set(['"', "'", '`']);
const SEPARATORS = new Set([';', ',']);

/** Characters an editor auto-inserts or a statement ends with: what may sit alone after the cursor. */
export function isCloserChar(char: string): boolean {
  return char in OPENER_OF || QUOTES.has(char) || SEPARATORS.has(char);
}

/** True when `text` has at least one closer and otherwise only closers and spaces. */
export function isClosersOnly(text: string): boolean {
  let sawCloser = false;
  for (const char of text) {
    if (isCloserChar(char)) sawCloser = true;
    else if (char !== ' ' && char !== '\t') return false;
  }
  return sawCloser;
}

/** True when `text` leaves no bracket it opened unclosed. */
export function closesWhatItOpens(text: string): boolean {
  let depth = 0;
  for (const char of text) {
    if (char === '(' || char === '[' || char === '{') depth++;
    else if (char in OPENER_OF && depth > 0) depth--;
  }
  return depth === 0;
}

/** True for `;` and `,`, which end a statement or item rather than close a bracket. */
export function isSeparatorChar(char: string): boolean {
  return SEPARATORS.has(char);
}

/**
 * The positions, in order, of the brackets and quotes in `text` that close something opened before
 * `text` began (not a bracket or quote `text` opened itself).
 */
export function foreignCloserPositions(text: string): number[] {
  const foreign = new Set<number>();
  const open: string[] = [];
  const lastQuoteAt = new Map<string, number>();
  const quoteCount = new Map<string, number>();
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '\\') {
      i++; // an escaped character neither opens nor closes
    } else if (char === '(' || char === '[' || char === '{') {
      open.push(char);
    } else if (char in OPENER_OF) {
      if (open.length > 0 && open[open.length - 1] === OPENER_OF[char]) open.pop();
      else foreign.add(i);
    } else if (QUOTES.has(char)) {
      lastQuoteAt.set(char, i);
      quoteCount.set(char, (quoteCount.get(char) ?? 0) + 1);
    }
  }
  // An odd count of a quote means its last occurrence closes a string the prefix opened.
  for (const [quote, count] of quoteCount) if (count % 2 === 1) foreign.add(lastQuoteAt.get(quote)!);
  return [...foreign].sort((a, b) => a - b);
}
