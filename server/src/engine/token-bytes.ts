import { symbolsToBytes } from '../model/byte-level';

// llama.cpp token types (`tokenizer.ggml.token_type`).
const NORMAL = 1;
const BYTE = 6;
const utf8 = new TextEncoder();

/**
 * The bytes each token stands for, from a GGUF vocabulary: byte-level BPE stores tokens as
 * mapped symbols, SentencePiece stores `▁` for spaces and `<0xNN>` byte tokens; special
 * tokens stand for their own text. llama.cpp only hands out decoded strings, which lose the
 * partial UTF-8 sequences that byte-level tokens carry, hence this table.
 */
export function tokenBytesTable(vocabularyType: string, tokenTexts: readonly string[], tokenTypes: readonly number[] | undefined): Uint8Array[] {
  return tokenTexts.map((text, id) => {
    const type = tokenTypes?.[id] ?? NORMAL;
    if (vocabularyType === 'bpe') return (type === NORMAL ? symbolsToBytes(text) : undefined) ?? utf8.encode(text);
    if (type === BYTE) {
      const byte = /^<0x([0-9A-Fa-f]{2})>$/.exec(text);
      if (byte) return Uint8Array.of(parseInt(byte[1], 16));
    }
    return utf8.encode(type === NORMAL ? text.replace(/\u2581/g, ' ') : text);
  });
}
