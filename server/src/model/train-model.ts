import { BigramTable } from './bigram';
import { BpeTokenizer, trainBpe } from './bpe';
import { assignSpecialTokenIds, SPECIAL_TOKEN_TEXTS, type SpecialTokenIds, type SpecialTokenName } from './special-tokens';
import { cutFimExamples, type TrainingDocument } from './training-data';

/** llama.cpp token types (`tokenizer.ggml.token_type`). */
export const TOKEN_TYPE = { normal: 1, control: 3 } as const;

/** How the built-in model is trained; changing any of these changes the model file. */
export interface TrainingOptions {
  /** Learned BPE pieces on top of the 256 byte tokens. */
  readonly mergeCount: number;
  /** Fill-in-the-middle examples cut from each document. */
  readonly fimExamplesPerDocument: number;
}

export const BUILTIN_TRAINING: TrainingOptions = { mergeCount: 763, fimExamplesPerDocument: 4 };

/** Everything the model file is made from, kept so tests can check the served numbers against it. */
export interface TrainedModel {
  /** Token text per id as GGUF stores it: byte-level symbols, or the special token's text. */
  readonly tokenTexts: readonly string[];
  readonly tokenTypes: readonly number[];
  /** Merges in rank order as GGUF stores them: "left right" in symbol form. */
  readonly merges: readonly string[];
  readonly special: SpecialTokenIds;
  readonly tokenizer: BpeTokenizer;
  readonly bigrams: BigramTable;
}

/** Trains the vocabulary and the bigram table on a corpus; deterministic for the same documents. */
export function trainModel(documents: readonly TrainingDocument[], options: TrainingOptions = BUILTIN_TRAINING): TrainedModel {
  const vocabulary = trainBpe(documents.map((d) => d.text), options.mergeCount);
  const tokenizer = new BpeTokenizer(vocabulary);
  const special = assignSpecialTokenIds(vocabulary.pieces.length);
  const specialNames = Object.keys(SPECIAL_TOKEN_TEXTS) as SpecialTokenName[];
  const tokenTexts = [...vocabulary.pieces, ...specialNames.map((name) => SPECIAL_TOKEN_TEXTS[name])];
  const tokenTypes = tokenTexts.map((_, id) => (id < vocabulary.pieces.length ? TOKEN_TYPE.normal : TOKEN_TYPE.control));
  const neverNext = new Set([special.startOfText, special.fimPrefix, special.fimSuffix, special.fimMiddle]);
  const allowedNext = tokenTexts.map((_, id) => !neverNext.has(id));
  const sequences = trainingSequences(documents, tokenizer, special, options.fimExamplesPerDocument);
  return {
    tokenTexts,
    tokenTypes,
    merges: vocabulary.merges.map(([left, right]) => `${vocabulary.pieces[left]} ${vocabulary.pieces[right]}`),
    special,
    tokenizer,
    bigrams: BigramTable.fromSequences(sequences, tokenTexts.length, allowedNext),
  };
}

/**
 * The token sequences the bigrams are counted on: each document as
 * `<|startoftext|> text <|endoftext|>`, plus its FIM examples as
 * `<|fim_prefix|> prefix <|fim_suffix|> suffix <|fim_middle|> middle <|endoftext|>`.
 */
export function* trainingSequences(
  documents: readonly TrainingDocument[],
  tokenizer: BpeTokenizer,
  special: SpecialTokenIds,
  fimExamplesPerDocument: number,
): Generator<number[]> {
  for (const [index, document] of documents.entries()) {
    yield [special.startOfText, ...tokenizer.encode(document.text), special.endOfText];
    for (const example of cutFimExamples(document, index, fimExamplesPerDocument)) {
      yield [
        special.fimPrefix, ...tokenizer.encode(example.prefix),
        special.fimSuffix, ...tokenizer.encode(example.suffix),
        special.fimMiddle, ...tokenizer.encode(example.middle), special.endOfText,
      ];
    }
  }
}
