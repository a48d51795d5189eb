import type { CompletionLogprobs } from '../client';
import { rankByConfidence } from '../core/confidence-rank';
import { confidentLength } from '../core/confident-prefix';
import { completionTokens, meanProbability, type TokenProbability } from '../core/logprobs';
import { continueProcessed, type CompletionContext, type ProcessedCompletion } from '../core/postprocess';

/** Where a candidate came from: what a fork re-asks with. */
export interface CandidateOrigin {
  /** The exact prompt sent (any fill-in-the-middle template applied), plus what was typed since. */
  prompt: string;
  /** The suffix sent natively, when one was. */
  suffix?: string;
  model: string;
}

/** What the session keeps with each cached candidate, to judge it again wherever the user is. */
export interface CandidateFacts {
  /** The tokens of the whole candidate text, or null when the server sent no logprobs. */
  tokens: TokenProbability[] | null;
  origin: CandidateOrigin;
  /** Tokens starting before this were chosen by the user (a fork's alternative): they are not judged. */
  sureUntil: number;
  /** Shown before every other candidate (a fork the user just asked for). */
  pinned: boolean;
  /** Tokens that have already stood at a position (see forkKey), so forking again moves on. */
  tried: string[];
}

/** A candidate as shown at one position. */
export interface ShownCandidate {
  suggestion: ProcessedCompletion;
  /** The whole candidate text, from the position it was asked at. */
  raw: string;
  /** How much of `raw` the user has typed. */
  typed: number;
  /** Where the confident part of `raw` ends (`raw.length` when nothing was trimmed). */
  cut: number;
  /** Mean probability of the tokens the suggestion shows; undefined without logprobs. */
  confidence?: number;
  facts?: CandidateFacts;
}

/** How sure a suggestion must be. */
export interface ConfidencePolicy {
  /** Cut each suggestion before its first token below this probability (0: never). */
  trimBelow: number;
  /** Hide suggestions whose mean token probability is below this (0: never). */
  minConfidence: number;
}

/** A candidate to show: its whole text as it shows where it was asked, how much of it was typed, and its facts. */
export interface CandidateAt {
  raw: string;
  typed: number;
  facts?: CandidateFacts;
}

/**
 * The suggestions `candidates` make at the position of `context`: each cut to its confident part (judged
 * from where the user is, so a candidate whose doubtful token the user has typed past shows its rest),
 * post-processed, without blanks, repeats and the not confident enough, most confident first (a
 * pinned fork before all). A candidate whose first judged token is unsure shows nothing.
 */
export function showCandidates(candidates: readonly CandidateAt[], context: CompletionContext, policy: ConfidencePolicy): ShownCandidate[] {
  const shown: ShownCandidate[] = [];
  const seen = new Set<string>();
  for (const { raw, typed, facts } of candidates) {
    const tokens = facts?.tokens ?? null;
    const cut = tokens ? confidentLength(tokens, raw.length, policy.trimBelow, Math.max(typed, facts!.sureUntil)) : raw.length;
    if (cut <= typed) continue;
    // `raw` is already post-processed for the position it was asked at: only its rest is shown here.
    const suggestion = continueProcessed(raw.slice(typed, cut), context);
    if (!suggestion.text.trim() || seen.has(suggestion.text)) continue;
    const confidence = tokens ? confidenceOver(tokens, typed, typed + shownLength(raw.slice(typed, cut), suggestion.text)) : undefined;
    if (confidence !== undefined && confidence < policy.minConfidence) continue;
    seen.add(suggestion.text);
    shown.push({ suggestion, raw, typed, cut, confidence, facts });
  }
  const pinned = shown.filter(({ facts }) => facts?.pinned);
  const ranked = rankByConfidence(shown.filter(({ facts }) => !facts?.pinned), ({ confidence }) => confidence);
  return [...pinned, ...ranked];
}

/** The facts of a candidate fresh from the server. */
export function factsOf(raw: string, logprobs: CompletionLogprobs | null, origin: CandidateOrigin): CandidateFacts {
  const tokens = logprobs && logprobs.tokens.length > 0 ? completionTokens(logprobs, raw) : null;
  return { tokens, origin, sureUntil: 0, pinned: false, tried: [] };
}

/** The facts of a candidate as seen `typed` characters into it (for caching its rest at the user's position). */
export function factsAfterTyped(facts: CandidateFacts, typedText: string): CandidateFacts {
  const typed = typedText.length;
  const tried = facts.tried.flatMap((key) => {
    const colon = key.indexOf(':');
    const offset = Number(key.slice(0, colon)) - typed;
    return offset >= 0 ? [`${offset}${key.slice(colon)}`] : [];
  });
  return {
    tokens: facts.tokens?.filter((token) => token.offset >= typed).map((token) => ({ ...token, offset: token.offset - typed })) ?? null,
    origin: { ...facts.origin, prompt: facts.origin.prompt + typedText },
    sureUntil: Math.max(0, facts.sureUntil - typed),
    pinned: facts.pinned,
    tried,
  };
}

/** Mean probability of the tokens starting in [from, to). */
function confidenceOver(tokens: readonly TokenProbability[], from: number, to: number): number | undefined {
  return meanProbability(tokens.filter((token) => token.offset >= from && token.offset < to));
}

/** How much of `raw` the processed suggestion shows (tokens past it were never seen). */
function shownLength(raw: string, shown: string): number {
  const at = raw.indexOf(shown);
  return at >= 0 ? at + shown.length : raw.length;
}
