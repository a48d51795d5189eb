import { queryIdentifiers } from './identifiers';
import { packSnippets, presentLinesOf } from './pack';
import { rankCandidates } from './rank';
import { fixedCost } from './render';
import type { CandidateSource, ContextFile, PromptContext } from './snippet';
import type { StableOrder } from './stable-order';

export interface SelectContextInput {
  /** The gatherers' stores: what they have ready is used, nothing waits for more. */
  sources: readonly CandidateSource[];
  file: ContextFile;
  repoName?: string;
  /** The document being completed: its own chunks are stale copies of what prefix and suffix show. */
  documentKey?: string;
  prefix: string;
  suffix: string;
  /** The whole block's budget in characters (see `promptComplete.context.maxContextChars`); 0 is off. */
  maxChars: number;
  now: number;
  order: StableOrder;
}

/**
 * The context one request carries: the current file's identity and the best snippets for the text
 * around the cursor, within `maxChars` however they are rendered, in a stable order. Undefined when
 * the budget is 0 or cannot hold even the file's name.
 */
export function selectContext(input: SelectContextInput): PromptContext | undefined {
  if (input.maxChars <= 0) return undefined;
  const identity = { file: input.file, repoName: input.repoName };
  const fixed = fixedCost(identity);
  if (fixed > input.maxChars) return undefined;
  const query = queryIdentifiers(input.prefix, input.suffix);
  const candidates = input.sources.flatMap((source) => source.candidates(query)).filter(
    (c) => c.documentKey !== input.documentKey || c.snippet.source === 'definition' || c.snippet.source === 'typeDefinition',
  );
  const ranked = rankCandidates(candidates, query, { now: input.now, chosenBefore: input.order.previous });
  const packed = ranked.length > 0 ? packSnippets(ranked, presentLinesOf(input.prefix, input.suffix), input.maxChars - fixed) : [];
  return { ...identity, snippets: input.order.order(packed) };
}
