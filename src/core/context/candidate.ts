import { tellingLines } from './dedupe';
import { identifierSet } from './identifiers';
import { snippetKey, type ContextSnippet, type SnippetCandidate } from './snippet';

/**
 * A store's candidate for `snippet`: its key, identifiers and telling lines worked out now, off the
 * request's path. `aboutName` is a name the snippet is known to be about even if it does not spell it
 * (the name a definition was looked up for).
 */
export function candidateOf(snippet: ContextSnippet, touchedAt: number, documentKey: string, aboutName?: string): SnippetCandidate {
  const identifiers = identifierSet(snippet.text);
  if (aboutName) identifiers.add(aboutName);
  return { snippet, key: snippetKey(snippet), identifiers, lines: tellingLines(snippet.text), touchedAt, documentKey };
}
