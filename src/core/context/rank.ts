import type { SnippetCandidate, SnippetSource } from './snippet';

/** A candidate with its score; higher is more worth the budget. */
export interface RankedCandidate {
  candidate: SnippetCandidate;
  score: number;
  /** Of the cursor's identifiers that any candidate contains, the weighted share this one contains (0 to 1). */
  overlap: number;
}

export interface RankOptions {
  now: number;
  /** Keys (see `snippetKey`) of the snippets the previous request carried: they keep their place unless clearly beaten. */
  chosenBefore?: ReadonlySet<string>;
}

/**
 * How much more a shared identifier is worth by where the snippet came from: a definition the
 * language server tied to a name at the cursor is the surest context there is.
 */
const SOURCE_BOOST: Readonly<Record<SnippetSource, number>> = {
  definition: 0.6,
  typeDefinition: 0.5,
  copied: 0.3,
  edited: 0.2,
  saved: 0.1,
  viewed: 0,
  openEditor: 0,
};

/** Recency counts this much at most, and halves every RECENCY_HALF_LIFE_MS. */
const RECENCY_WEIGHT = 0.3;
const RECENCY_HALF_LIFE_MS = 5 * 60_000;

/** Keeps last request's snippets unless a newcomer is clearly better, so the block (and the server's cache) holds. */
const STICKY_BONUS = 0.15;

/**
 * Code the developer just looked at, changed or copied is worth sending even without shared names
 * while this fresh (touched within one half-life): at the top of a new file, before any name points
 * anywhere, it is the best guess of what the file will use.
 */
const FRESH_WITHOUT_OVERLAP = 0.5;

/**
 * Scores each candidate by the identifiers it shares with the text around the cursor (rarer names
 * count more: a name in every snippet tells none apart), by where it came from and by how recently
 * the developer touched it, and returns the ones worth sending, best first.
 */
export function rankCandidates(
  candidates: readonly SnippetCandidate[],
  query: ReadonlyMap<string, number>,
  options: RankOptions,
): RankedCandidate[] {
  const weights = queryWeights(candidates, query);
  let total = 0;
  for (const weight of weights.values()) total += weight;
  const ranked: RankedCandidate[] = [];
  for (const candidate of candidates) {
    let shared = 0;
    if (total > 0) for (const [name, weight] of weights) if (candidate.identifiers.has(name)) shared += weight;
    const overlap = total > 0 ? shared / total : 0;
    const recency = 0.5 ** (Math.max(0, options.now - candidate.touchedAt) / RECENCY_HALF_LIFE_MS);
    const fresh = isRecentWork(candidate.snippet.source) && recency >= FRESH_WITHOUT_OVERLAP;
    if (overlap === 0 && !fresh) continue;
    const sticky = options.chosenBefore?.has(candidate.key) ? STICKY_BONUS : 0;
    const score = overlap * (1 + SOURCE_BOOST[candidate.snippet.source]) + RECENCY_WEIGHT * recency + sticky;
    ranked.push({ candidate, score, overlap });
  }
  // Ties (equal scores) fall back to a fixed order, so the same inputs always give the same block.
  return ranked.sort((a, b) => b.score - a.score || compareKeys(a.candidate, b.candidate));
}

/** Sources that record what the developer did, rather than what exists (open editors) or what a name leads to. */
function isRecentWork(source: SnippetSource): boolean {
  return source === 'edited' || source === 'copied' || source === 'saved' || source === 'viewed';
}

/** Each query identifier's weight times its rarity among the candidates (inverse document frequency). */
function queryWeights(candidates: readonly SnippetCandidate[], query: ReadonlyMap<string, number>): Map<string, number> {
  const weights = new Map<string, number>();
  const count = candidates.length;
  for (const [name, weight] of query) {
    let frequency = 0;
    for (const candidate of candidates) if (candidate.identifiers.has(name)) frequency++;
    if (frequency === 0) continue;
    weights.set(name, weight * Math.log(1 + (count + 1) / frequency));
  }
  return weights;
}

function compareKeys(a: SnippetCandidate, b: SnippetCandidate): number {
  const left = `${a.snippet.path}\u0000${a.snippet.startLine}\u0000${a.snippet.source}`;
  const right = `${b.snippet.path}\u0000${b.snippet.startLine}\u0000${b.snippet.source}`;
  return left < right ? -1 : left > right ? 1 : 0;
}
