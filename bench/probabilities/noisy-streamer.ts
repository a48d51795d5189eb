import type { CompletionLogprobs } from '../../src/client';
import type { BranchAnswer, BranchSource } from '../../src/engine/branch';
import type { CompletionCallOptions, CompletionInput, StreamDelta, StreamingCompletion } from '../../src/engine/completion-engine';
import type { Settings } from '../../src/engine/settings';
import type { OracleLatency } from '../typing/oracle-server';
import { trueContinuation } from '../typing/oracle-server';
import { hashText, noisyAnswer, type NoiseModel, type NoisyToken } from './noisy-oracle';
import type { VirtualClock } from './virtual-clock';

/** What the simulated server did. */
export interface ServerCounts {
  requests: number;
  /** Requests the client left before the end (early stops included). */
  aborted: number;
  /** Tokens generated, counting only those made before the client left. */
  tokensGenerated: number;
}

/**
 * The noisy oracle as the inline session's streamer, in-process on a virtual clock: the same answers the
 * noisy oracle server gives (seeded by position and candidate), at a local model server's pace.
 */
export class NoisyStreamer {
  readonly counts: ServerCounts = { requests: 0, aborted: 0, tokensGenerated: 0 };

  constructor(
    private readonly files: readonly string[],
    private readonly clock: VirtualClock,
    private readonly latency: OracleLatency,
    private readonly settings: () => Settings,
    private readonly noise: NoiseModel,
    /** Mixed into every answer's seed: another value gives other (equally noisy) answers. */
    private readonly noiseSeed = 0,
  ) {}

  async stream(input: CompletionInput, options: CompletionCallOptions = {}): Promise<StreamingCompletion> {
    this.counts.requests++;
    const settings = this.settings();
    const maxTokens = options.maxTokens ?? settings.maxTokens;
    const candidates = Array.from({ length: options.n ?? settings.n }, (_, c) => this.answer(input.prefix, input.suffix, c, maxTokens));
    const signal = options.signal;
    if (!(await this.clock.sleep(this.latency.firstTokenMs, signal))) {
      this.counts.aborted++;
      throw abortError();
    }
    return { model: 'oracle', fim: 'suffix', prompt: input.prefix, deltas: this.deltas(candidates, settings.logprobs > 0, signal) };
  }

  async branch(source: BranchSource, options: CompletionCallOptions = {}): Promise<BranchAnswer> {
    this.counts.requests++;
    const prompt = source.prompt + source.kept + source.alternative;
    const tokens = this.answer(prompt, source.suffix ?? '', 0, this.settings().maxTokens);
    if (!(await this.clock.sleep(this.latency.firstTokenMs + tokens.length * this.latency.perTokenMs, options.signal))) throw abortError();
    this.counts.tokensGenerated += tokens.length;
    return { continuation: tokens.map((t) => t.text).join(''), logprobs: logprobsOf(tokens), prompt };
  }

  private answer(prefix: string, suffix: string, candidate: number, maxTokens: number): NoisyToken[] {
    const found = this.truthAt(prefix, suffix);
    if (!found) return [];
    const seed = (hashText(`${this.noiseSeed}\u0000${prefix.slice(-400)}\u0000${suffix.slice(0, 80)}`) ^ Math.imul(candidate + 1, 0x9e3779b9)) >>> 0;
    return noisyAnswer(found.truth, found.file, seed, maxTokens, this.noise);
  }

  private truthAt(prefix: string, suffix: string): { truth: string; file: string } | undefined {
    for (const file of this.files) {
      const truth = trueContinuation([file], prefix, suffix);
      if (truth !== undefined) return { truth, file };
    }
    return undefined;
  }

  private async *deltas(candidates: NoisyToken[][], withLogprobs: boolean, signal: AbortSignal | undefined): AsyncGenerator<StreamDelta> {
    const longest = Math.max(0, ...candidates.map((tokens) => tokens.length));
    let finished = false;
    try {
      for (let i = 0; i < longest; i++) {
        if (i > 0 && !(await this.clock.sleep(this.latency.perTokenMs, signal))) return;
        for (const [index, tokens] of candidates.entries()) {
          const token = tokens[i];
          if (!token) continue;
          this.counts.tokensGenerated++;
          const last = i === tokens.length - 1;
          yield { index, text: token.text, finishReason: last ? 'length' : null, logprobs: withLogprobs ? logprobsOf([token]) : null };
        }
      }
      for (const [index, tokens] of candidates.entries()) if (tokens.length === 0) yield { index, text: '', finishReason: 'stop', logprobs: null };
      finished = true;
    } finally {
      if (!finished) this.counts.aborted++;
    }
  }
}

function logprobsOf(tokens: readonly NoisyToken[]): CompletionLogprobs {
  return { tokens: tokens.map((t) => t.text), tokenLogprobs: tokens.map((t) => t.logprob), topLogprobs: tokens.map((t) => t.top), textOffset: [] };
}

function abortError(): Error {
  const error = new Error('aborted');
  error.name = 'AbortError';
  return error;
}
