/** Fill-in-the-middle marker tokens a model declares. */
export interface FimTokens {
  readonly prefix: number;
  readonly suffix: number;
  readonly middle: number;
}

/**
 * What the completion logic needs from a language model: its vocabulary, and raw next-token
 * logits for a token sequence. One sequence at a time: callers serialise their use.
 */
export interface CompletionModel {
  readonly id: string;
  readonly vocabSize: number;
  /** Most tokens the sequence can hold (prompt plus completion). */
  readonly contextSize: number;
  /** Token put before every prompt, when the model wants one. */
  readonly beginToken: number | undefined;
  readonly fim: FimTokens | undefined;
  /** Tokens that end generation (end of text, end of turn). */
  isEndToken(token: number): boolean;
  /** Token ids of text; special-token texts such as `<|fim_prefix|>` become those tokens. */
  tokenize(text: string): number[];
  /** The bytes a token stands for in generated text (special tokens: their text). */
  tokenBytes(token: number): Uint8Array;
  /**
   * Makes the model's sequence exactly `tokens` (reusing what is already evaluated) and returns
   * the logits after the last token. With `eachPosition`, every token is evaluated afresh and the
   * logits after each one are handed over in order, as they are computed (not all kept at once:
   * a long prompt times a large vocabulary would not fit in memory).
   */
  evaluate(tokens: readonly number[], eachPosition?: (position: number, logits: Float32Array) => void): Promise<Float32Array>;
  /** Appends one token to the sequence and returns the logits after it. */
  append(token: number): Promise<Float32Array>;
  dispose(): Promise<void>;
}
