import { candidateOf } from '../../../../src/core/context/candidate';
import type { SnippetCandidate, SnippetSource } from '../../../../src/core/context/snippet';

/** A candidate for ranking and packing tests; `touchedAt` defaults to "now" in those tests (1,000,000). */
export function candidate(
  text: string,
  options: { path?: string; source?: SnippetSource; touchedAt?: number; startLine?: number; documentKey?: string; languageId?: string } = {},
): SnippetCandidate {
  const path = options.path ?? 'src/other.ts';
  const snippet = { path, languageId: options.languageId ?? 'typescript', text, source: options.source ?? 'openEditor' as const, startLine: options.startLine ?? 0 };
  return candidateOf(snippet, options.touchedAt ?? NOW, options.documentKey ?? `file:///work/${path}`);
}

export const NOW = 1_000_000;
