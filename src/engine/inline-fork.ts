import { forkedTokens, forkKey, forkPoint } from '../core/fork-point';
import { completionTokens } from '../core/logprobs';
import type { BranchAnswer, BranchSource } from './branch';
import { factsAfterTyped, type CandidateFacts, type ShownCandidate } from './shown-candidates';

/** How a fork of the shown suggestion ended. */
export type ForkOutcome =
  | {
    kind: 'forked';
    /** The forked candidate's text from the user's position, and its facts (pinned first). */
    raw: string;
    facts: CandidateFacts;
    /** Where the alternative went, in `raw`, and what it replaced. */
    offset: number;
    replaced: string;
    alternative: string;
  }
  | { kind: 'nothingShown' }
  | { kind: 'noLogprobs' }
  | { kind: 'noAlternative' };

/**
 * Forks the first of the `shown` suggestions: its least likely token among those shown and the one it
 * was trimmed before gets the most likely alternative not tried there yet, and `branch` asks the server
 * to continue after it, the way the candidate was asked. The result is relative to the user's position.
 */
export async function forkShown(
  shown: readonly ShownCandidate[],
  brancher: { branch(source: BranchSource, options?: { signal?: AbortSignal }): Promise<BranchAnswer> },
  signal?: AbortSignal,
): Promise<ForkOutcome> {
  const top = shown[0];
  if (!top) return { kind: 'nothingShown' };
  if (!top.facts?.tokens) return { kind: 'noLogprobs' };
  const here = factsAfterTyped(top.facts, top.raw.slice(0, top.typed));
  const text = top.raw.slice(top.typed);
  const cut = top.cut - top.typed;
  // A trimmed suggestion's doubt sits in the token it was cut before, so that token may be forked too.
  const point = forkPoint(here.tokens!, text, { shownLength: cut < text.length ? cut + 1 : text.length, tried: new Set(here.tried) });
  if (!point) return { kind: 'noAlternative' };
  const answer = await brancher.branch(
    { prompt: here.origin.prompt, suffix: here.origin.suffix, model: here.origin.model, kept: point.kept, alternative: point.alternative.text },
    { signal },
  );
  const continuation = answer.logprobs && answer.logprobs.tokens.length > 0 ? completionTokens(answer.logprobs, answer.continuation) : [];
  return {
    kind: 'forked',
    raw: point.kept + point.alternative.text + answer.continuation,
    facts: {
      tokens: forkedTokens(here.tokens!, point, continuation),
      origin: here.origin,
      // The user chose the alternative: it is shown however unlikely the model found it.
      sureUntil: point.offset + point.alternative.text.length,
      pinned: true,
      tried: [...here.tried, forkKey(point.offset, point.replaced.text), forkKey(point.offset, point.alternative.text)],
    },
    offset: point.offset,
    replaced: point.replaced.text,
    alternative: point.alternative.text,
  };
}
