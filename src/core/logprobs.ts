/** The API's legacy `logprobs` object, as the client returns it (camelCase); any array may be short. */
export interface LegacyLogprobs {
  tokens: string[];
  tokenLogprobs: (number | null)[];
  topLogprobs?: (Record<string, number> | null)[] | null;
  textOffset?: number[] | null;
}

/** One alternative the model weighed at a position. */
export interface TokenAlternative {
  /** Display text: the token, or its bytes as `\xNN` when they are not whole UTF-8. */
  text: string;
  logprob: number;
  probability: number;
  /** True when the token is part of a multi-byte character, so it cannot be sent back as text. */
  partial: boolean;
}

/** One token of a completion, where it sits in the completion text, and what else was likely. */
export interface TokenProbability {
  /** Display text: the token, or its bytes as `\xNN` (without OpenAI's `bytes:` tag) when they are not whole UTF-8. */
  text: string;
  logprob: number | null;
  probability: number | null;
  /** Where the token starts in the completion text, in UTF-16 units. */
  offset: number;
  /**
   * How many UTF-16 units of the completion text the token accounts for. A character split across
   * tokens counts for the token that completes it; the tokens before it have length 0.
   */
  length: number;
  /** True when the token's bytes are only part of a character (see `length`). */
  partial: boolean;
  /** The top alternatives at this position, most likely first (the sampled token among them). */
  alternatives: TokenAlternative[];
}

/** Which leading tokens are the echoed prompt rather than the completion. */
export interface TokenProbabilityOptions {
  /**
   * With `echo`: where the completion begins in `text_offset`'s units (the prompt's length). Tokens
   * starting before it are the prompt and are left out.
   */
  completionStart?: number;
  /** With `echo`: how many leading tokens are the prompt (`usage.prompt_tokens`); wins over `completionStart`. */
  promptTokenCount?: number;
}

// OpenAI's `bytes:\xe2\x80`; llama.cpp's `byte: \xe2`.
const BYTES_TOKEN = /^bytes?:\s?((?:\\x[0-9a-fA-F]{2})+)$/;
const encoder = new TextEncoder();

/**
 * Maps the API's logprobs to display tokens with offsets into the completion text. Tokens whose
 * bytes are not whole UTF-8 are shown as `\xNN` and decoded together, so offsets stay those of the
 * completion text. A server that replaces such bytes with U+FFFD in its tokens (no way to recover
 * them) gets one offset per U+FFFD, which drifts from the completion text by the missing bytes.
 */
export function toTokenProbabilities(logprobs: LegacyLogprobs, options: TokenProbabilityOptions = {}): TokenProbability[] {
  const { tokens, tokenLogprobs, topLogprobs } = logprobs;
  const first = firstCompletionToken(logprobs, options);
  const decoder = new TextDecoder('utf-8');
  const result: TokenProbability[] = [];
  let offset = 0;
  for (let i = first; i < tokens.length; i++) {
    const token = readToken(tokens[i]!);
    const piece = decoder.decode(token.bytes, { stream: true });
    const logprob = finiteOrNull(tokenLogprobs[i]);
    result.push({
      text: token.text,
      logprob,
      probability: logprob === null ? null : Math.exp(logprob),
      offset,
      length: piece.length,
      partial: token.partial,
      alternatives: alternativesOf(topLogprobs?.[i] ?? null),
    });
    offset += piece.length;
  }
  // Bytes of a character the completion never finished decode as U+FFFD, as the completion text has it.
  const rest = decoder.decode();
  if (rest !== '' && result.length > 0) result[result.length - 1]!.length += rest.length;
  return result;
}

/** The confidence of a completion: the mean probability of its tokens; undefined without any. */
export function meanProbability(tokens: readonly TokenProbability[]): number | undefined {
  let sum = 0;
  let count = 0;
  for (const token of tokens) {
    if (token.probability === null) continue;
    sum += token.probability;
    count++;
  }
  return count === 0 ? undefined : sum / count;
}

/** A stretch of the completion text whose tokens were all less likely than a threshold. */
export interface LowConfidenceRange {
  start: number;
  end: number;
  /** The lowest token probability in the stretch. */
  probability: number;
}

/** The stretches of the completion text made of tokens with probability below `threshold`, adjacent ones merged. */
export function lowConfidenceRanges(tokens: readonly TokenProbability[], threshold: number): LowConfidenceRange[] {
  const ends = spanEnds(tokens);
  const ranges: LowConfidenceRange[] = [];
  let current: LowConfidenceRange | undefined;
  tokens.forEach((token, i) => {
    const low = token.probability !== null && token.probability < threshold;
    if (!low) {
      current = undefined;
      return;
    }
    const end = ends[i]!;
    if (current && token.offset <= current.end) {
      current.end = Math.max(current.end, end);
      current.probability = Math.min(current.probability, token.probability!);
    } else {
      current = { start: token.offset, end, probability: token.probability! };
      ranges.push(current);
    }
  });
  return ranges.filter((range) => range.end > range.start);
}

// A token of length 0 (the first bytes of a split character) spans the character it starts.
function spanEnds(tokens: readonly TokenProbability[]): number[] {
  const ends = new Array<number>(tokens.length);
  for (let i = tokens.length - 1; i >= 0; i--) {
    const token = tokens[i]!;
    const next = tokens[i + 1];
    ends[i] = token.length > 0 || !next || next.offset !== token.offset ? token.offset + token.length : ends[i + 1]!;
  }
  return ends;
}

function firstCompletionToken(logprobs: LegacyLogprobs, options: TokenProbabilityOptions): number {
  if (options.promptTokenCount !== undefined) return Math.min(Math.max(0, options.promptTokenCount), logprobs.tokens.length);
  const start = options.completionStart;
  if (start === undefined) return 0;
  const offsets = logprobs.textOffset;
  if (offsets && offsets.length >= logprobs.tokens.length) {
    const index = offsets.findIndex((offset) => offset >= start);
    return index < 0 ? logprobs.tokens.length : index;
  }
  // Without server offsets, count the decoded text of the tokens up to the completion's start.
  const decoder = new TextDecoder('utf-8');
  let offset = 0;
  for (let i = 0; i < logprobs.tokens.length; i++) {
    if (offset >= start) return i;
    offset += decoder.decode(readToken(logprobs.tokens[i]!).bytes, { stream: true }).length;
  }
  return logprobs.tokens.length;
}

interface ReadToken {
  text: string;
  bytes: Uint8Array;
  partial: boolean;
}

function readToken(raw: string): ReadToken {
  const match = BYTES_TOKEN.exec(raw);
  if (!match) return { text: raw, bytes: encoder.encode(raw), partial: false };
  const escaped = match[1]!;
  const bytes = new Uint8Array(escaped.length / 4);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(escaped.slice(i * 4 + 2, i * 4 + 4), 16);
  return { text: escaped, bytes, partial: true };
}

function alternativesOf(top: Record<string, number> | null): TokenAlternative[] {
  if (!top) return [];
  const alternatives: TokenAlternative[] = [];
  for (const [raw, value] of Object.entries(top)) {
    const logprob = finiteOrNull(value);
    if (logprob === null) continue;
    const token = readToken(raw);
    alternatives.push({ text: token.text, logprob, probability: Math.exp(logprob), partial: token.partial });
  }
  return alternatives.sort((a, b) => b.logprob - a.logprob);
}

function finiteOrNull(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * The tokens of the completion text. The text may have been cut at a stop text after the server
 * produced more tokens; those are left out.
 */
export function completionTokens(logprobs: LegacyLogprobs, text: string): TokenProbability[] {
  return toTokenProbabilities(logprobs).filter((token) => token.offset < text.length || (token.offset === 0 && text.length === 0));
}
