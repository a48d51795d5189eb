import { isObject, ShapeMismatch } from './shape';

/** Token probabilities of one choice; arrays are parallel, one entry per token. */
export interface CompletionLogprobs {
  tokens: string[];
  /** Log probability of each sampled token; null where the server has none (the first echoed token). */
  tokenLogprobs: (number | null)[];
  /** The most likely alternatives at each position, token -> log probability; null entries are kept. */
  topLogprobs: (Record<string, number> | null)[];
  /** Character offset of each token, counted from the start of the prompt. */
  textOffset: number[];
}

/** Maps the wire `logprobs` object (or null) to {@link CompletionLogprobs}. */
export function completionLogprobsFromWire(raw: unknown): CompletionLogprobs | null {
  if (raw === null || raw === undefined) return null;
  if (!isObject(raw)) throw new ShapeMismatch('logprobs is not an object');
  return {
    tokens: arrayOf(raw.tokens, 'tokens'),
    tokenLogprobs: arrayOf(raw.token_logprobs, 'token_logprobs'),
    topLogprobs: arrayOf(raw.top_logprobs, 'top_logprobs'),
    textOffset: arrayOf(raw.text_offset, 'text_offset'),
  };
}

// Entries are passed through as sent; checking each token would cost more than it protects.
function arrayOf<T>(value: unknown, name: string): T[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new ShapeMismatch(`logprobs.${name} is not an array`);
  return value as T[];
}
