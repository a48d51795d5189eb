import type { SamplingSettings } from './sampling';

/** One prompt: text, or token ids given directly. */
export type PromptInput = { readonly text: string } | { readonly tokens: readonly number[] };

/** A validated `/v1/completions` request, with OpenAI's defaults filled in. */
export interface CompletionRequest {
  readonly model: string;
  readonly prompts: readonly PromptInput[];
  readonly suffix: string | undefined;
  readonly maxTokens: number;
  readonly sampling: SamplingSettings;
  /** Choices returned per prompt. */
  readonly n: number;
  /** Candidates generated per prompt, of which the `n` with the best mean logprob are returned. */
  readonly bestOf: number;
  readonly stop: readonly string[];
  readonly echo: boolean;
  /** Alternatives listed per position, or undefined for no logprobs at all. */
  readonly logprobs: number | undefined;
  readonly seed: number | undefined;
  readonly stream: boolean;
  readonly includeUsage: boolean;
}

/** The legacy Completions `logprobs` object. */
export interface LegacyLogprobs {
  tokens: string[];
  token_logprobs: (number | null)[];
  top_logprobs: (Record<string, number> | null)[];
  text_offset: number[];
}

export type FinishReason = 'stop' | 'length';

export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}
