import { RequestAbortedError } from '../../../src/client';
import type { CompletionCallOptions, CompletionInput, CompletionStreamer, StreamDelta, StreamingCompletion } from '../../../src/engine/completion-engine';
import { planAnswer } from '../../../bench/typing/oracle-server';
import type { VirtualClock } from './virtual-clock';

/** How fast the oracle "generates", in virtual milliseconds. */
export interface OracleTiming {
  firstTokenMs: number;
  perTokenMs: number;
}

/** What the oracle saw of one request. */
export interface OracleRequest {
  at: number;
  prefix: string;
  suffix: string;
  /** The prompt is exactly the true text before some point, and the suffix the true text after the typed span. */
  onTruth: boolean;
  /** Tokens generated before the end or the client's departure. */
  generatedTokens: number;
  aborted: boolean;
  endedAt?: number;
}

/**
 * An in-process completion source in virtual time that knows the true text and answers every request
 * with how the text really goes on from the prompt (up to the suffix), token by token at a fixed pace.
 * A prompt that is not the true text gets an empty answer. It records every request.
 */
export class OracleStreamer implements CompletionStreamer {
  readonly requests: OracleRequest[] = [];

  constructor(
    private readonly clock: VirtualClock,
    private readonly truth: string,
    /** The true text after the span being typed ('' when typing to the end). */
    private readonly trueSuffix: string,
    private readonly timing: OracleTiming,
    private readonly maxTokens = 64,
  ) {}

  async stream(input: CompletionInput, options: CompletionCallOptions = {}): Promise<StreamingCompletion> {
    const record: OracleRequest = {
      at: this.clock.now(),
      prefix: input.prefix,
      suffix: input.suffix,
      onTruth: this.truth.startsWith(input.prefix) && this.truth.slice(input.prefix.length).endsWith(input.suffix),
      generatedTokens: 0,
      aborted: false,
    };
    this.requests.push(record);
    const signal = options.signal;
    if (!(await this.clock.sleep(this.timing.firstTokenMs, signal))) {
      record.aborted = true;
      record.endedAt = this.clock.now();
      throw new RequestAbortedError();
    }
    // Tokens as the real-VS-Code benchmark's oracle server cuts them.
    const tokens = record.onTruth ? planAnswer(this.continuation(input), this.maxTokens, []).tokens : [];
    return { model: 'oracle', fim: 'suffix', prompt: input.prefix, deltas: this.deltas(tokens, record, signal) };
  }

  private continuation(input: CompletionInput): string {
    const end = this.truth.length - this.trueSuffix.length;
    return this.truth.slice(input.prefix.length, Math.max(input.prefix.length, end));
  }

  private async *deltas(tokens: string[], record: OracleRequest, signal: AbortSignal | undefined): AsyncGenerator<StreamDelta> {
    try {
      if (tokens.length === 0) {
        yield { index: 0, text: '', finishReason: 'stop', logprobs: null };
        return;
      }
      for (let i = 0; i < tokens.length; i++) {
        if (i > 0 && !(await this.clock.sleep(this.timing.perTokenMs, signal))) {
          record.aborted = true;
          throw new RequestAbortedError();
        }
        record.generatedTokens++;
        const last = i === tokens.length - 1;
        yield { index: 0, text: tokens[i]!, finishReason: last ? 'length' : null, logprobs: null };
      }
    } finally {
      record.endedAt = this.clock.now();
      if (record.generatedTokens < tokens.length) record.aborted = true;
    }
  }
}
