import { english, type Translate } from './translate';

/** What one finished request cost, as far as the answer tells. */
export interface RequestUsage {
  /** Characters sent as context (the prompt, and the suffix when it went natively). */
  promptChars: number;
  /** Characters of every candidate received. */
  completionChars: number;
  /** The server's own count, when the answer carried `usage`. */
  reported?: { promptTokens: number; completionTokens: number };
  /**
   * For a stream: the pieces with text that arrived. Servers stream about one token per piece, so
   * this counts what a stream closed early (before the server's count) has cost.
   */
  streamedPieces?: number;
}

/** Token counts; `estimated` when any part of them is an estimate rather than the server's count. */
export interface TokenCount {
  promptTokens: number;
  completionTokens: number;
  estimated: boolean;
}

/**
 * Common code tokenizers average 3 to 4 characters per token; until a server has reported a count
 * to learn its own ratio from, estimates use the middle.
 */
export const DEFAULT_CHARS_PER_TOKEN = 3.5;

/** The tokens a request cost: the server's count when it gave one, an estimate otherwise. */
export function tokensOf(usage: RequestUsage, charsPerToken = DEFAULT_CHARS_PER_TOKEN): TokenCount {
  if (usage.reported) return { ...usage.reported, estimated: false };
  const ratio = charsPerToken > 0 ? charsPerToken : DEFAULT_CHARS_PER_TOKEN;
  return {
    promptTokens: Math.ceil(usage.promptChars / ratio),
    completionTokens: usage.streamedPieces ?? Math.ceil(usage.completionChars / ratio),
    estimated: true,
  };
}

/** Adds two counts. */
export function addTokens(a: TokenCount, b: TokenCount): TokenCount {
  return {
    promptTokens: a.promptTokens + b.promptTokens,
    completionTokens: a.completionTokens + b.completionTokens,
    estimated: a.estimated || b.estimated,
  };
}

export const NO_TOKENS: TokenCount = { promptTokens: 0, completionTokens: 0, estimated: false };

/** A count for people: "1,234" below ten thousand, "12.3k", "50k", "4.56M". */
export function formatTokens(tokens: number): string {
  const short = (value: number, digits: number) => value.toFixed(digits).replace(/\.0+$|(\.\d*?)0+$/, '$1');
  if (tokens < 10_000) return tokens.toLocaleString('en-US');
  if (tokens < 1_000_000) return `${short(tokens / 1000, tokens < 100_000 ? 1 : 0)}k`;
  return `${short(tokens / 1_000_000, 2)}M`;
}

/** "≈12.3k (11.9k prompt, 400 completion)": a count with its split, marked when estimated. */
export function describeTokens(count: TokenCount, t: Translate = english): string {
  const total = formatTokens(count.promptTokens + count.completionTokens);
  const split = t('{0} ({1} prompt, {2} completion)', total, formatTokens(count.promptTokens), formatTokens(count.completionTokens));
  return `${count.estimated ? '≈' : ''}${split}`;
}

/** One line for the status bar tooltip: today's tokens, against the budget when one is set, and this session's. */
export function usageSummary(today: TokenCount, session: TokenCount, dailyBudget: number, t: Translate = english): string {
  return dailyBudget > 0
    ? t('Tokens today: {0} of {1} budget; this session: {2}.', describeTokens(today, t), formatTokens(dailyBudget), describeTokens(session, t))
    : t('Tokens today: {0}; this session: {1}.', describeTokens(today, t), describeTokens(session, t));
}
