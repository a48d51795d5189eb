/** Where a context snippet came from. */
export type SnippetSource =
  | 'definition'
  | 'typeDefinition'
  | 'openEditor'
  | 'viewed'
  | 'saved'
  | 'copied'
  | 'edited';

/**
 * The sources from the most settled to the most changeable: a definition changes only when its
 * file does, a chunk around an edit changes with every edit there. Newcomers enter a block in this
 * order, so what is likely to stay sits at its head.
 */
export const SETTLEDNESS: readonly SnippetSource[] = ['definition', 'typeDefinition', 'openEditor', 'viewed', 'saved', 'copied', 'edited'];

/** A piece of code from elsewhere in the workspace that the model should see before the prefix. */
export interface ContextSnippet {
  /** Workspace-relative path (forward slashes), or the display name of an untitled file. */
  path: string;
  languageId: string;
  /** Whole lines joined with `\n`, no trailing newline. */
  text: string;
  source: SnippetSource;
  /** Zero-based line of `text`'s first line in its file. */
  startLine: number;
}

/** The file being completed, as the prompt names it. */
export interface ContextFile {
  /** Workspace-relative path, or an untitled file's name with its language's extension. */
  path: string;
  languageId: string;
}

/** Everything a request carries besides the text around the cursor. */
export interface PromptContext {
  file: ContextFile;
  /** The workspace folder's name, for formats that open with a repository name. */
  repoName?: string;
  /** Already chosen, packed and ordered (most settled first). */
  snippets: ContextSnippet[];
}

/**
 * A snippet waiting to be chosen, with what ranking and packing need, worked out once when a store
 * takes it in (see `candidateOf`) so that a request only looks things up.
 */
export interface SnippetCandidate {
  readonly snippet: ContextSnippet;
  /** `snippetKey(snippet)`. */
  readonly key: string;
  /** The identifiers in `snippet.text` (see `identifierSet`). */
  readonly identifiers: ReadonlySet<string>;
  /** The snippet's telling lines (see `tellingLines`), for the already-present and duplicate tests. */
  readonly lines: ReadonlySet<string>;
  /** When the developer last touched this code (ms since the epoch). */
  touchedAt: number;
  /** Names the document the snippet was read from, so one file's snippets can be told apart from another's. */
  readonly documentKey: string;
}

/** True when `documentKey` is `under` itself or a document inside it (a deleted folder takes its files). */
export function isUnder(documentKey: string, under: string): boolean {
  return documentKey === under || documentKey.startsWith(under.endsWith('/') ? under : `${under}/`);
}

/** A key that is the same exactly when two snippets would render the same. */
export function snippetKey(snippet: ContextSnippet): string {
  return `${snippet.path}\u0000${snippet.text}`;
}

/** Identifier weights around the cursor (see `queryIdentifiers`). */
export type IdentifierQuery = ReadonlyMap<string, number>;

/** A store of ready snippets; asked once per request, it answers from memory without waiting. */
export interface CandidateSource {
  candidates(query: IdentifierQuery): readonly SnippetCandidate[];
}
