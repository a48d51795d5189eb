import type { Excerpt } from './excerpt';
import { candidateOf } from './candidate';
import { isUnder, type CandidateSource, type IdentifierQuery, type SnippetCandidate } from './snippet';

/** A declaration a language server pointed to for a name near the cursor. */
export interface FoundDefinition {
  documentKey: string;
  path: string;
  languageId: string;
  excerpt: Excerpt;
  source: 'definition' | 'typeDefinition';
}

/** Names whose definitions are kept; the least recently looked up leave first. */
export const DEFAULT_DEFINITION_NAMES = 64;

/**
 * Definitions looked up for the identifiers near the cursor, by name. Filled in the background after
 * the cursor moves; a request takes those of the names around the cursor that are ready.
 */
export class DefinitionStore implements CandidateSource {
  private readonly byName = new Map<string, { candidates: SnippetCandidate[]; stale: boolean }>();

  constructor(private readonly capacity = DEFAULT_DEFINITION_NAMES) {}

  /** True when the name was never looked up, or a document its definitions came from has changed since. */
  needsLookup(name: string): boolean {
    return this.byName.get(name)?.stale ?? true;
  }

  set(name: string, found: readonly FoundDefinition[], at: number): void {
    this.byName.delete(name);
    // The declaration is about the name it was found for, whether or not it spells it (a type
    // definition of `customer` reads `interface Customer`).
    const candidates = found.map((definition) => candidateOf(
      { ...definition.excerpt, path: definition.path, languageId: definition.languageId, source: definition.source },
      at,
      definition.documentKey,
      name,
    ));
    this.byName.set(name, { candidates, stale: false });
    while (this.byName.size > this.capacity) this.byName.delete(this.byName.keys().next().value!);
  }

  /**
   * Marks the definitions read from a document that changed for a fresh lookup. They are served
   * until the new ones arrive: dropping them at once would change the block twice for nothing when
   * the declaration itself did not change.
   */
  invalidate(documentKey: string): void {
    for (const entry of this.byName.values()) {
      if (entry.candidates.some((candidate) => candidate.documentKey === documentKey)) entry.stale = true;
    }
  }

  /** Forgets every definition read from a document, or from any document in a folder (deleted). */
  forget(documentKey: string): void {
    for (const [name, entry] of this.byName) {
      if (entry.candidates.some((candidate) => isUnder(candidate.documentKey, documentKey))) this.byName.delete(name);
    }
  }

  /** Forgets everything (context was turned off). */
  clear(): void {
    this.byName.clear();
  }

  /** The definitions of the names in `query` (a name far from the cursor has nothing to add). */
  candidates(query: IdentifierQuery): readonly SnippetCandidate[] {
    const found: SnippetCandidate[] = [];
    for (const name of query.keys()) {
      const entry = this.byName.get(name);
      if (entry) found.push(...entry.candidates);
    }
    return found;
  }
}
