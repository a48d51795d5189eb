import type { CompletionModel } from './completion-model';
import type { FinishReason } from './completion-request';
import { logSoftmax, topTokens } from './logprobs';
import { chooseToken, type SamplingSettings } from './sampling';
import { findStop, undecidedTailLength } from './stop-sequences';
import { TokenTextBuilder, tokenDisplayText } from './token-text';

/** A token of a completion with its log-probability under the model (before any sampling setting). */
export interface ScoredToken {
  readonly token: number;
  /** The token as `logprobs.tokens` shows it. */
  readonly display: string;
  readonly logprob: number;
  /** The most likely alternatives plus the token itself, when logprobs were asked for. */
  readonly top: Readonly<Record<string, number>> | undefined;
  /** Where the token starts in the completion text. */
  readonly offset: number;
}

/** Text and tokens of a completion that are final and can be sent. */
export interface ChoiceDelta {
  readonly text: string;
  readonly tokens: readonly ScoredToken[];
  readonly finishReason: FinishReason | undefined;
}

export interface ChoiceOptions {
  readonly maxTokens: number;
  readonly sampling: SamplingSettings;
  readonly stops: readonly string[];
  /** Alternatives to list per token, or undefined when logprobs are not wanted. */
  readonly topLogprobs: number | undefined;
  readonly random: () => number;
  readonly signal: AbortSignal;
}

/** One finished completion. */
export interface GeneratedChoice {
  readonly text: string;
  readonly tokens: readonly ScoredToken[];
  readonly finishReason: FinishReason;
  /** Tokens sampled, including an end token and any cut off by a stop sequence. */
  readonly sampledTokens: number;
  /** Mean logprob of the sampled tokens (the end token included): how best_of ranks candidates. */
  readonly meanLogprob: number;
}

/**
 * Generates one completion after `promptTokens`, calling `onDelta` whenever more text is final:
 * text that might still turn into a stop sequence, or an unfinished UTF-8 character, waits. When
 * `onDelta` returns a promise (a client that has not read what it was sent), generation waits for it.
 */
export async function generateChoice(
  model: CompletionModel,
  promptTokens: readonly number[],
  options: ChoiceOptions,
  onDelta: (delta: ChoiceDelta) => void | Promise<void> = () => {},
): Promise<GeneratedChoice> {
  const builder = new TokenTextBuilder();
  const tokens: ScoredToken[] = [];
  const counts = new Map<number, number>();
  const maxTokens = Math.min(options.maxTokens, model.contextSize - promptTokens.length);
  let logprobSum = 0;
  let sampled = 0;
  let sentText = 0;
  let sentTokens = 0;
  let finishReason: FinishReason = 'length';
  let stopAt: number | undefined;

  let logits = maxTokens > 0 ? await model.evaluate(promptTokens) : undefined;
  while (logits && sampled < maxTokens) {
    throwIfAborted(options.signal);
    const token = chooseToken(logits, options.sampling, counts, options.random);
    const logprobs = logSoftmax(logits);
    sampled++;
    logprobSum += logprobs[token];
    if (model.isEndToken(token)) {
      finishReason = 'stop';
      break;
    }
    counts.set(token, (counts.get(token) ?? 0) + 1);
    const bytes = model.tokenBytes(token);
    const offset = builder.push(bytes);
    tokens.push({ token, display: tokenDisplayText(bytes), logprob: logprobs[token], top: options.topLogprobs === undefined ? undefined : topAlternatives(model, logprobs, token, options.topLogprobs), offset });
    stopAt = findStop(builder.text, options.stops, offset);
    if (stopAt !== undefined) {
      finishReason = 'stop';
      break;
    }
    const finalLength = builder.text.length - undecidedTailLength(builder.text, options.stops);
    const ready = tokens.slice(sentTokens).filter((t) => t.offset < finalLength);
    if (finalLength > sentText || ready.length > 0) {
      const sent = onDelta({ text: builder.text.slice(sentText, finalLength), tokens: ready, finishReason: undefined });
      sentText = finalLength;
      sentTokens += ready.length;
      if (sent) await sent;
    }
    logits = sampled < maxTokens ? await model.append(token) : undefined;
  }

  const text = stopAt === undefined ? builder.finish() : builder.text.slice(0, stopAt);
  const kept = stopAt === undefined ? tokens : tokens.filter((t) => t.offset < stopAt!);
  await onDelta({ text: text.slice(sentText), tokens: kept.slice(sentTokens), finishReason });
  return { text, tokens: kept, finishReason, sampledTokens: sampled, meanLogprob: sampled > 0 ? logprobSum / sampled : 0 };
}

/** The `count` most likely tokens plus the chosen one, by display text (the likelier wins a shared text). */
export function topAlternatives(model: CompletionModel, logprobs: Float64Array, chosen: number, count: number): Record<string, number> {
  const listed = topTokens(logprobs, count);
  if (!listed.includes(chosen)) listed.push(chosen);
  const entries: [string, number][] = [];
  for (const token of listed) {
    const display = tokenDisplayText(model.tokenBytes(token));
    if (!entries.some(([seen]) => seen === display)) entries.push([display, logprobs[token]]);
  }
  return Object.fromEntries(entries);
}

/** Thrown when the client went away mid-generation. */
export class GenerationAborted extends Error {
  constructor() {
    super('generation aborted');
    this.name = 'GenerationAborted';
  }
}

function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw new GenerationAborted();
}
