import { isAlreadyPresent, isNearDuplicate, tellingLines } from './dedupe';
import type { RankedCandidate } from './rank';
import { snippetCost } from './render';
import type { ContextSnippet } from './snippet';

/** A cut snippet shorter than this many lines says too little to be worth its header. */
const MIN_CUT_LINES = 3;

/** No more snippets than this, however small: each costs a header and the model's attention. */
export const MAX_SNIPPETS = 12;

/**
 * Takes ranked candidates best first while they fit in `budget` characters (as rendered, headers
 * included), skipping what the prompt already shows (`presentLines`, the prefix's and suffix's) and
 * near-duplicates of snippets already taken. The first that does not fit whole is cut to the whole
 * lines that do; after it, nothing more is tried.
 */
export function packSnippets(ranked: readonly RankedCandidate[], presentLines: ReadonlySet<string>, budget: number): ContextSnippet[] {
  const taken: { snippet: ContextSnippet; lines: ReadonlySet<string> }[] = [];
  let left = budget;
  for (const { candidate } of ranked) {
    if (taken.length >= MAX_SNIPPETS || left <= 0) break;
    const { snippet, lines } = candidate;
    if (isAlreadyPresent(lines, presentLines)) continue;
    if (taken.some((other) => isNearDuplicate(lines, other.lines))) continue;
    const cost = snippetCost(snippet);
    if (cost <= left) {
      taken.push({ snippet, lines });
      left -= cost;
      continue;
    }
    const cut = cutToFit(snippet, left);
    if (cut) taken.push({ snippet: cut, lines: tellingLines(cut.text) });
    break;
  }
  return taken.map(({ snippet }) => snippet);
}

/** The snippet's first whole lines that fit in `budget` as rendered, or undefined when too few do. */
function cutToFit(snippet: ContextSnippet, budget: number): ContextSnippet | undefined {
  const room = budget - snippetCost({ path: snippet.path, text: '' });
  if (room <= 0) return undefined;
  const lines = snippet.text.split('\n');
  let used = 0;
  let count = 0;
  while (count < lines.length && used + lines[count].length + (count > 0 ? 1 : 0) <= room) {
    used += lines[count].length + (count > 0 ? 1 : 0);
    count++;
  }
  if (count < MIN_CUT_LINES) return undefined;
  return { ...snippet, text: lines.slice(0, count).join('\n') };
}

/** The telling lines of the text around the cursor, for `packSnippets`' already-present test. */
export function presentLinesOf(prefix: string, suffix: string): Set<string> {
  const lines = tellingLines(prefix);
  for (const line of tellingLines(suffix)) lines.add(line);
  return lines;
}
