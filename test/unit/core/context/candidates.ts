import { identifierSet } from '../../../../src/core/context/identifiers';
import type { SnippetCandidate, SnippetSource } from '../../../../src/core/context/snippet';

/** A candidate for ranking and packing tests; `touchedAt` defaults to "now" in those tests (1,000,000). */
export function candidate(
  text: string,
  options: { path?: string; source?: SnippetSource; touchedAt?: number; startLine?: number; documentKey?: string; languageId?: string } = {},
): SnippetCandidate {
  const path = options.path ?? 'src/other.ts';
  return {
    snippet: { path, languageId: options.languageId ?? 'typescript', text, source: options.source ?? 'openEditor', startLine: options.startLine ?? 0 },
    identifiers: identifierSet(text),
    touchedAt: options.touchedAt ?? NOW,
    documentKey: options.documentKey ?? `file:///work/${path}`,
  };
}

export const NOW = 1_000_000;
