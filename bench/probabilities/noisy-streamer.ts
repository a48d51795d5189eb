import { RequestAbortedError, type CompletionLogprobs } from '../../src/client';
import type { BranchAnswer, BranchSource } from '../../src/engine/branch';
import type { CompletionCallOptions, CompletionInput, StreamDelta, StreamingCompletion } from '../../src/engine/completion-engine';
import type { OracleRequest } from '../../test/support/simulation/oracle-streamer';
import type { SimulatedServer, SimulatedWorld } from '../../test/support/simulation/typing-simulation';
import { hashText, noisyAnswer, type NoiseModel, type NoisyToken } from './noisy-oracle';

/**
 * The noisy oracle in virtual time: for a prompt that is the true text up to some point, the noisy
 * answer of noisy-oracle.ts (seeded by the position and the candidate, so every run and every feature
 * setting sees the same answers), with logprobs, streamed token by token at the world's pace. A prompt
 * off the true text gets an empty answer. It forks too (branch requests), answering the same way.
 */
export class NoisyStreamer implements SimulatedServer {
  readonly requests: OracleRequest[] = [];

  constructor(
    private readonly world: SimulatedWorld,
    private readonly noise: NoiseModel,
    /** Mixed into every answer's seed: another value gives other, equally noisy answers. */
    private readonly noiseSeed: number,
  ) {}

  async stream(input: CompletionInput, options: CompletionCallOptions = {}): Promise<StreamingCompletion> {
    const { clock, settings, timing } = this.world;
    const record = this.record(input.prefix, input.suffix);
    const candidates = Array.from({ length: options.n ?? settings.n }, (_, c) => this.answer(input.prefix, input.suffix, c, options.maxTokens ?? settings.maxTokens));
    if (!(await clock.sleep(timing.firstTokenMs, options.signal))) {
      record.aborted = true;
      record.endedAt = clock.now();
      throw new RequestAbortedError();
    }
    return { model: 'oracle', fim: 'suffix', prompt: input.prefix, deltas: this.deltas(candidates, settings.logprobs > 0, record, options.signal) };
  }

  async branch(source: BranchSource, options: CompletionCallOptions = {}): Promise<BranchAnswer> {
    const { clock, settings, timing } = this.world;
    const prompt = source.prompt + source.kept + source.alternative;
    const record = this.record(prompt, source.suffix ?? '');
    const tokens = this.answer(prompt, source.suffix ?? '', 0, settings.maxTokens);
    if (!(await clock.sleep(timing.firstTokenMs + tokens.length * timing.perTokenMs, options.signal))) throw new RequestAbortedError();
    record.generatedTokens = tokens.length;
    record.endedAt = clock.now();
    return { continuation: tokens.map((t) => t.text).join(''), logprobs: logprobsOf(tokens), prompt };
  }

  private record(prefix: string, suffix: string): OracleRequest {
    const { text } = this.world;
    const record: OracleRequest = {
      at: this.world.clock.now(), prefix, suffix, generatedTokens: 0, aborted: false,
      onTruth: text.startsWith(prefix) && text.slice(prefix.length).endsWith(suffix),
    };
    this.requests.push(record);
    return record;
  }

  private answer(prefix: string, suffix: string, candidate: number, maxTokens: number): NoisyToken[] {
    const { text, trueSuffix } = this.world;
    if (!text.startsWith(prefix) || !text.slice(prefix.length).endsWith(suffix)) return [];
    const truth = text.slice(prefix.length, Math.max(prefix.length, text.length - trueSuffix.length));
    const seed = (hashText(`${this.noiseSeed}\u0000${prefix.slice(-400)}\u0000${suffix.slice(0, 80)}`) ^ Math.imul(candidate + 1, 0x9e3779b9)) >>> 0;
    return noisyAnswer(truth, text, seed, maxTokens, this.noise);
  }

  private async *deltas(candidates: NoisyToken[][], withLogprobs: boolean, record: OracleRequest, signal: AbortSignal | undefined): AsyncGenerator<StreamDelta> {
    const { clock, timing } = this.world;
    const longest = Math.max(0, ...candidates.map((tokens) => tokens.length));
    let finished = false;
    try {
      for (const [index, tokens] of candidates.entries()) if (tokens.length === 0) yield { index, text: '', finishReason: 'stop', logprobs: null };
      for (let i = 0; i < longest; i++) {
        if (i > 0 && !(await clock.sleep(timing.perTokenMs, signal))) throw new RequestAbortedError();
        for (const [index, tokens] of candidates.entries()) {
          const token = tokens[i];
          if (!token) continue;
          record.generatedTokens++;
          yield { index, text: token.text, finishReason: i === tokens.length - 1 ? 'length' : null, logprobs: withLogprobs ? logprobsOf([token]) : null };
        }
      }
      finished = true;
    } finally {
      record.endedAt = clock.now();
      if (!finished) record.aborted = true;
    }
  }
}

function logprobsOf(tokens: readonly NoisyToken[]): CompletionLogprobs {
  return { tokens: tokens.map((t) => t.text), tokenLogprobs: tokens.map((t) => t.logprob), topLogprobs: tokens.map((t) => t.top), textOffset: [] };
}
