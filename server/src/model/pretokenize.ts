// The GPT-2 pre-tokenizer: BPE merges never cross these word boundaries. This is the exact
// expression llama.cpp applies for `tokenizer.ggml.pre = "gpt-2"`, so training here and
// tokenizing there split text the same way.
const GPT2_WORDS = /'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+/gu;

/** Splits text into the words the BPE merges work inside. */
export function splitWords(text: string): string[] {
  return text.match(GPT2_WORDS) ?? [];
}
