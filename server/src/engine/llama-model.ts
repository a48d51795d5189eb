import type { Llama, LlamaContextSequence, LlamaModel, Token } from 'node-llama-cpp';
import type { CompletionModel, FimTokens } from './completion-model';
import { tokenBytesTable } from './token-bytes';

/** How to load a GGUF model with llama.cpp. */
export interface LlamaModelOptions {
  readonly modelPath: string;
  readonly id: string;
  /** Context size in tokens; defaults to the model's training context, at most 8192. */
  readonly contextSize?: number;
  readonly threads: number;
}

const DEFAULT_MAX_CONTEXT = 8192;
// Prompt tokens scored per llama.cpp call when every position's logits are wanted (echo with logprobs).
const SCORING_BATCH = 8;

/** Loads a GGUF file on the CPU (never building or downloading llama.cpp) as a CompletionModel. */
export async function loadLlamaModel(options: LlamaModelOptions): Promise<CompletionModel> {
  const { getLlama, LlamaLogLevel } = await import('node-llama-cpp');
  const llama = await getLlama({ gpu: false, build: 'never', logLevel: LlamaLogLevel.error, progressLogs: false });
  try {
    const model = await llama.loadModel({ modelPath: options.modelPath });
    const contextSize = options.contextSize ?? Math.min(model.trainContextSize, DEFAULT_MAX_CONTEXT);
    const context = await model.createContext({ contextSize, sequences: 1, threads: options.threads });
    return new LlamaCompletionModel(llama, model, context.getSequence(), options.id);
  } catch (error) {
    await llama.dispose();
    throw error;
  }
}

class LlamaCompletionModel implements CompletionModel {
  readonly vocabSize: number;
  readonly contextSize: number;
  readonly beginToken: number | undefined;
  readonly fim: FimTokens | undefined;
  private readonly bytesByToken: Uint8Array[];

  constructor(
    private readonly llama: Llama,
    private readonly model: LlamaModel,
    private readonly sequence: LlamaContextSequence,
    readonly id: string,
  ) {
    const tokenizerInfo = model.fileInfo.metadata.tokenizer?.ggml as { tokens?: readonly string[]; token_type?: readonly number[] } | undefined;
    const texts = tokenizerInfo?.tokens ?? [];
    if (texts.length === 0) throw new Error('the model file lists no tokens (tokenizer.ggml.tokens)');
    this.vocabSize = texts.length;
    this.contextSize = sequence.contextSize;
    this.beginToken = model.tokens.shouldPrependBosToken ? model.tokens.bos ?? undefined : undefined;
    const { prefix, suffix, middle } = model.tokens.infill;
    this.fim = prefix !== null && suffix !== null && middle !== null ? { prefix, suffix, middle } : undefined;
    this.bytesByToken = tokenBytesTable(model.vocabularyType, texts, tokenizerInfo?.token_type);
  }

  isEndToken(token: number): boolean {
    return this.model.isEogToken(token as Token);
  }

  tokenize(text: string): number[] {
    return this.model.tokenize(text, true);
  }

  tokenBytes(token: number): Uint8Array {
    return this.bytesByToken[token] ?? new Uint8Array();
  }

  async evaluate(tokens: readonly number[], eachPosition?: (position: number, logits: Float32Array) => void): Promise<Float32Array> {
    const kept = eachPosition ? 0 : Math.min(this.sequence.compareContextTokens(tokens as Token[]).firstDifferentIndex, tokens.length - 1);
    if (kept < this.sequence.nextTokenIndex) {
      await this.sequence.eraseContextTokenRanges([{ start: kept, end: this.sequence.nextTokenIndex }]);
    }
    if (!eachPosition) {
      const fresh = tokens.slice(kept) as Token[];
      const results = await this.sequence.controlledEvaluate([...fresh.slice(0, -1), [fresh[fresh.length - 1], { generateNext: { logits: true } }]]);
      return this.toArray(results[results.length - 1]?.next.logits);
    }
    let last: Float32Array = new Float32Array(0);
    for (let start = 0; start < tokens.length; start += SCORING_BATCH) {
      const batch = tokens.slice(start, start + SCORING_BATCH) as Token[];
      const results = await this.sequence.controlledEvaluate(batch.map((token) => [token, { generateNext: { logits: true } }]));
      results.forEach((result, i) => {
        last = this.toArray(result?.next.logits);
        eachPosition(start + i, last);
      });
    }
    return last;
  }

  async append(token: number): Promise<Float32Array> {
    const [result] = await this.sequence.controlledEvaluate([[token as Token, { generateNext: { logits: true } }]]);
    return this.toArray(result?.next.logits);
  }

  async dispose(): Promise<void> {
    await this.llama.dispose();
  }

  private toArray(logits: ReadonlyMap<Token, number> | undefined): Float32Array {
    if (!logits) throw new Error('llama.cpp returned no logits');
    const array = new Float32Array(this.vocabSize).fill(-Infinity);
    for (const [token, logit] of logits) if (token < this.vocabSize) array[token] = logit;
    return array;
  }
}
