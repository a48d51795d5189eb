/** Lines this short (`}`, `end`, `)`) are in every file: they prove nothing about overlap. */
const MIN_TELLING_LINE = 3;

/** A snippet counts as already present when this share of its telling lines is already in the text. */
export const CONTAINED_SHARE = 0.8;

/** Two snippets are near-duplicates when this share of the smaller one's lines is in the other. */
export const DUPLICATE_SHARE = 0.8;

/** The distinct trimmed lines of `text` that say something (not blank, not a lone bracket). */
export function tellingLines(text: string): Set<string> {
  const lines = new Set<string>();
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.length >= MIN_TELLING_LINE) lines.add(line);
  }
  return lines;
}

/**
 * True when the prompt already shows `snippet` (most of its telling lines are among `present`, the
 * lines of the prefix and suffix), so sending it again would only spend the budget. A snippet with
 * nothing telling is dropped too.
 */
export function isAlreadyPresent(snippet: ReadonlySet<string>, present: ReadonlySet<string>): boolean {
  if (snippet.size === 0) return true;
  let shared = 0;
  for (const line of snippet) if (present.has(line)) shared++;
  return shared / snippet.size >= CONTAINED_SHARE;
}

/** True when most of the smaller snippet's lines are in the larger (two views of the same code). */
export function isNearDuplicate(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return true;
  let shared = 0;
  for (const line of small) if (large.has(line)) shared++;
  return shared / small.size >= DUPLICATE_SHARE;
}
