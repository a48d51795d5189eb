// Check Unlikely Code, without the editor: scores existing text with the legacy API's `echo` (the
// server returns the probability of every token of the prompt) and finds the tokens the model found
// very improbable. Takes the client and plain text, so it is tested against real local servers.
import { SDKError, type CompletionLogprobs, type Gpt } from '../client';
import { toTokenProbabilities, type TokenProbability } from '../core/logprobs';
import { isFieldUnsupportedError } from '../core/field-refusal';
import { planScoringWindows, type ScoringWindow } from '../core/scoring-windows';
import { english, type Translate } from '../core/translate';
import { findUnlikelyTokens, withinScope, type UnlikelyScope, type UnlikelyToken } from '../core/unlikely-tokens';
import { TextWords } from '../core/word-slips';

/**
 * The server cannot score existing text: it refuses `echo` or returns no probabilities for the prompt.
 * `why` says how, in the user's language through `t`; the message is its English.
 */
export class EchoUnsupportedError extends Error {
  override readonly name = 'EchoUnsupportedError';

  constructor(readonly why: (t: Translate) => string) {
    super(why(english));
  }
}

/** Alternatives asked for at each position: the most the legacy API allows, for the quick fixes. */
export const SCORING_ALTERNATIVES = 5;
/** Below this many characters per window a context error is not worth another halving. */
const MIN_WINDOW_CHARS = 256;

/** What to check and how. */
export interface UnlikelyCodeInput {
  text: string;
  /** The part of `text` to judge (a selection); the whole text by default. Text before it is context. */
  from?: number;
  to?: number;
  model: string;
  /** A token below this probability is marked. */
  threshold: number;
  /** Which of those are marked (default `all`). */
  scope?: UnlikelyScope;
  /** Characters per request (context included); halved while the server says the context is exceeded. */
  windowChars: number;
  /** Characters of text before each window's judged part sent as its context. */
  contextChars: number;
}

export interface UnlikelyCodeOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Called after each window with the characters judged so far and in all. */
  onProgress?: (judgedChars: number, totalChars: number) => void;
}

/** What a check found and what it cost. */
export interface UnlikelyCodeReport {
  /** The marked tokens, with offsets into the input text. */
  marks: UnlikelyToken[];
  /** Tokens judged (each once, context left out). */
  judgedTokens: number;
  /** Prompt tokens the server billed for, context included (its `usage`, or the tokens it returned). */
  promptTokens: number;
  requests: number;
}

/**
 * Scores `input.text[from, to)` window by window with `echo: true, max_tokens: 0, logprobs: 5` and
 * marks the tokens below `input.threshold` that `input.scope` keeps (judged against the whole text). A server that refuses `max_tokens: 0` is asked for one
 * token instead (and that token ignored); one whose context a window overflows gets smaller windows.
 * Throws {@link EchoUnsupportedError} when the server cannot score a prompt.
 */
export async function checkUnlikelyCode(gpt: Gpt, input: UnlikelyCodeInput, options: UnlikelyCodeOptions = {}): Promise<UnlikelyCodeReport> {
  const from = Math.max(0, input.from ?? 0);
  const to = Math.min(input.text.length, input.to ?? input.text.length);
  const scorer = new WindowScorer(gpt, input.model, options);
  const words = new TextWords(input.text);
  const report: UnlikelyCodeReport = { marks: [], judgedTokens: 0, promptTokens: 0, requests: 0 };
  let windowChars = input.windowChars;
  let judgedUpTo = from;
  while (judgedUpTo < to) {
    const sizes = { windowChars, contextChars: Math.min(input.contextChars, Math.floor(windowChars / 4)) };
    const window = planScoringWindows(input.text, judgedUpTo, to, sizes)[0]!;
    let scored: ScoredWindow;
    try {
      scored = await scorer.score(input.text, window);
    } catch (error) {
      if (!isContextTooLong(error) || windowChars / 2 < MIN_WINDOW_CHARS) throw error;
      windowChars = Math.floor(windowChars / 2);
      continue;
    } finally {
      report.requests = scorer.requests;
    }
    report.promptTokens += scored.promptTokens;
    report.judgedTokens += scored.judged.length;
    report.marks.push(...withinScope(findUnlikelyTokens(scored.judged, { threshold: input.threshold }), words, input.scope ?? 'all'));
    judgedUpTo = window.end;
    options.onProgress?.(judgedUpTo - from, to - from);
  }
  return report;
}

interface ScoredWindow {
  /** The judged tokens, with offsets into the whole text. */
  judged: TokenProbability[];
  promptTokens: number;
}

/** Sends one window at a time, learning on the way whether the server takes `max_tokens: 0`. */
class WindowScorer {
  private maxTokens = 0;
  requests = 0;

  constructor(
    private readonly gpt: Gpt,
    private readonly model: string,
    private readonly options: UnlikelyCodeOptions,
  ) {}

  async score(text: string, window: ScoringWindow): Promise<ScoredWindow> {
    const prompt = text.slice(window.start, window.end);
    const { logprobs, promptTokens } = await this.ask(prompt);
    const tokens = promptTokensOf(logprobs, prompt);
    const judgedFrom = window.judgedFrom - window.start;
    const judged = tokens
      .filter((token) => token.offset >= judgedFrom && token.offset < prompt.length)
      .map((token) => ({ ...token, offset: token.offset + window.start }));
    return { judged, promptTokens: promptTokens ?? tokens.length };
  }

  private async ask(prompt: string): Promise<{ logprobs: CompletionLogprobs; promptTokens: number | undefined }> {
    for (;;) {
      this.requests++;
      try {
        const { createCompletionResponse } = await this.gpt.completions.createCompletion(
          { model: this.model, prompt, maxTokens: this.maxTokens, echo: true, logprobs: SCORING_ALTERNATIVES, temperature: 0 },
          { signal: this.options.signal, timeoutMs: this.options.timeoutMs, retries: { strategy: 'none' } },
        );
        const choice = createCompletionResponse.choices.find((c) => (c.index ?? 0) === 0) ?? createCompletionResponse.choices[0];
        if (!choice?.logprobs || choice.logprobs.tokens.length === 0) {
          throw new EchoUnsupportedError((t) => t('it returned no token probabilities for the text'));
        }
        return { logprobs: choice.logprobs, promptTokens: createCompletionResponse.usage?.promptTokens };
      } catch (error) {
        if (this.maxTokens === 0 && refuses(error, 'max_tokens')) {
          this.maxTokens = 1;
          continue;
        }
        if (refuses(error, 'echo')) {
          const status = (error as SDKError).statusCode;
          throw new EchoUnsupportedError((t) => t('it refused echo ({0})', status));
        }
        throw error;
      }
    }
  }
}

/** The echoed prompt's tokens; their text must spell the prompt, or the offsets would mark the wrong code. */
function promptTokensOf(logprobs: CompletionLogprobs, prompt: string): TokenProbability[] {
  const tokens = toTokenProbabilities(logprobs);
  const inPrompt = tokens.filter((token) => token.offset < prompt.length);
  const last = inPrompt[inPrompt.length - 1];
  const spelled = last ? last.offset + last.length : 0;
  const scored = inPrompt.some((token) => token.probability !== null);
  if (spelled < prompt.length || !scored) {
    throw new EchoUnsupportedError((t) => t('it did not return the probabilities of the text itself'));
  }
  return inPrompt;
}

function refuses(error: unknown, field: string): boolean {
  return error instanceof SDKError && isFieldUnsupportedError(field, error.statusCode, `${error.message} ${error.details?.param ?? ''}`);
}

/** True when the server says the prompt does not fit its context. */
export function isContextTooLong(error: unknown): boolean {
  if (!(error instanceof SDKError) || error.statusCode < 400 || error.statusCode >= 500) return false;
  if (error.details?.code === 'context_length_exceeded') return true;
  return /context (length|size|window)|too many tokens|prompt is too long|exceeds? the (maximum|context)/i.test(error.message.slice(0, 4000));
}
