import type { CompletionModel } from './completion-model';
import type { CompletionRequest, FinishReason, LegacyLogprobs, Usage } from './completion-request';
import { generateChoice, topAlternatives, type GeneratedChoice, type ScoredToken } from './generate-choice';
import { logSoftmax } from './logprobs';
import type { PreparedPrompt } from './prepare-prompts';
import { mixSeed, seededRandom } from '../random';
import { TokenTextBuilder, tokenDisplayText } from './token-text';

/** One returned choice. */
export interface CompletionChoice {
  readonly index: number;
  readonly text: string;
  readonly logprobs: LegacyLogprobs | null;
  readonly finishReason: FinishReason;
}

/** A piece of a streamed choice. */
export interface ChoiceChunk {
  readonly index: number;
  readonly text: string;
  readonly logprobs: LegacyLogprobs | null;
  readonly finishReason: FinishReason | null;
}

export interface CompletionResult {
  readonly choices: readonly CompletionChoice[];
  readonly usage: Usage;
}

/**
 * Runs a validated request: for each prompt, `bestOf` candidates (seeded per prompt and
 * candidate, so a request seed reproduces every choice), keeping the `n` with the best mean
 * logprob. With `onChunk`, each choice is also reported piece by piece as it is generated
 * (streaming requires best_of = n, so every candidate is a returned choice); generation waits for a
 * promise `onChunk` returns.
 */
export async function runCompletion(
  model: CompletionModel,
  request: CompletionRequest,
  prompts: readonly PreparedPrompt[],
  seed: number,
  signal: AbortSignal,
  onChunk?: (chunk: ChoiceChunk) => void | Promise<void>,
): Promise<CompletionResult> {
  const choices: CompletionChoice[] = [];
  let completionTokens = 0;
  for (const [promptIndex, prompt] of prompts.entries()) {
    const echo = request.echo ? await echoedPrompt(model, prompt, request.logprobs) : undefined;
    const candidates: { generated: GeneratedChoice; candidate: number }[] = [];
    for (let candidate = 0; candidate < request.bestOf; candidate++) {
      const index = promptIndex * request.n + candidate;
      let first = true;
      const generated = await generateChoice(model, prompt.tokens, {
        maxTokens: request.maxTokens,
        sampling: request.sampling,
        stops: request.stop,
        topLogprobs: request.logprobs,
        random: seededRandom(mixSeed(seed, promptIndex, candidate)),
        signal,
      }, onChunk && ((delta) => {
        const lead = first ? echo : undefined;
        first = false;
        return onChunk({
          index,
          text: (lead?.text ?? '') + delta.text,
          logprobs: request.logprobs === undefined ? null : joinLogprobs(lead?.logprobs, completionLogprobs(delta.tokens, prompt.text.length)),
          finishReason: delta.finishReason ?? null,
        });
      }));
      completionTokens += generated.sampledTokens;
      candidates.push({ generated, candidate });
    }
    const kept = request.bestOf > request.n
      ? [...candidates].sort((a, b) => b.generated.meanLogprob - a.generated.meanLogprob || a.candidate - b.candidate).slice(0, request.n)
      : candidates;
    kept.forEach(({ generated }, j) => choices.push({
      index: promptIndex * request.n + j,
      text: (echo?.text ?? '') + generated.text,
      logprobs: request.logprobs === undefined ? null : joinLogprobs(echo?.logprobs, completionLogprobs(generated.tokens, prompt.text.length)),
      finishReason: generated.finishReason,
    }));
  }
  const promptTokens = prompts.reduce((sum, p) => sum + p.countedTokens, 0);
  return { choices, usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens } };
}

/** The prompt as `echo` returns it; with logprobs, scored from the logits at every prompt position. */
async function echoedPrompt(model: CompletionModel, prompt: PreparedPrompt, topCount: number | undefined): Promise<{ text: string; logprobs: LegacyLogprobs | undefined }> {
  if (topCount === undefined) return { text: prompt.text, logprobs: undefined };
  const builder = new TokenTextBuilder();
  const logprobs: LegacyLogprobs = { tokens: [], token_logprobs: [], top_logprobs: [], text_offset: [] };
  const promptEnd = prompt.promptStart + prompt.promptLength;
  const score = (position: number, logits: Float32Array | undefined) => {
    const token = prompt.tokens[position];
    const bytes = model.tokenBytes(token);
    logprobs.tokens.push(tokenDisplayText(bytes));
    logprobs.text_offset.push(builder.push(bytes));
    if (!logits) {
      // The first prompt token has no context of its own in the legacy API's view.
      logprobs.token_logprobs.push(null);
      logprobs.top_logprobs.push(null);
      return;
    }
    const distribution = logSoftmax(logits);
    logprobs.token_logprobs.push(distribution[token]);
    logprobs.top_logprobs.push(topAlternatives(model, distribution, token, topCount));
  };
  if (prompt.promptLength > 0) score(prompt.promptStart, undefined);
  // The logits after position p score the token at p + 1.
  await model.evaluate(prompt.tokens, (position, logits) => {
    if (position + 1 > prompt.promptStart && position + 1 < promptEnd) score(position + 1, logits);
  });
  return { text: prompt.text, logprobs };
}

function completionLogprobs(tokens: readonly ScoredToken[], promptLength: number): LegacyLogprobs {
  return {
    tokens: tokens.map((t) => t.display),
    token_logprobs: tokens.map((t) => t.logprob),
    top_logprobs: tokens.map((t) => ({ ...t.top })),
    text_offset: tokens.map((t) => promptLength + t.offset),
  };
}

function joinLogprobs(lead: LegacyLogprobs | undefined, rest: LegacyLogprobs): LegacyLogprobs {
  if (!lead) return rest;
  return {
    tokens: [...lead.tokens, ...rest.tokens],
    token_logprobs: [...lead.token_logprobs, ...rest.token_logprobs],
    top_logprobs: [...lead.top_logprobs, ...rest.top_logprobs],
    text_offset: [...lead.text_offset, ...rest.text_offset],
  };
}
