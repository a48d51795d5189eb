/** Texts of the built-in model's special tokens; the FIM names match Qwen2.5-Coder's, so its template works here too. */
export const SPECIAL_TOKEN_TEXTS = {
  endOfText: '<|endoftext|>',
  startOfText: '<|startoftext|>',
  fimPrefix: '<|fim_prefix|>',
  fimSuffix: '<|fim_suffix|>',
  fimMiddle: '<|fim_middle|>',
} as const;

export type SpecialTokenName = keyof typeof SPECIAL_TOKEN_TEXTS;

/** Ids of the special tokens, which follow the learned pieces in the vocabulary. */
export type SpecialTokenIds = Record<SpecialTokenName, number>;

/** Assigns special token ids after `pieceCount` ordinary tokens, in the order of SPECIAL_TOKEN_TEXTS. */
export function assignSpecialTokenIds(pieceCount: number): SpecialTokenIds {
  const names = Object.keys(SPECIAL_TOKEN_TEXTS) as SpecialTokenName[];
  return Object.fromEntries(names.map((name, i) => [name, pieceCount + i])) as SpecialTokenIds;
}
