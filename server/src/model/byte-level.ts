// GPT-2 style byte-level symbols: every byte maps to one printable Unicode character, so a
// BPE vocabulary over those characters covers any input, and llama.cpp's "gpt2" tokenizer
// (which stores token text in this mapped form) reads our vocabulary as it reads real models'.

const byteToSymbol: readonly string[] = buildByteToSymbol();
const symbolToByte: ReadonlyMap<string, number> = new Map(byteToSymbol.map((symbol, byte) => [symbol, byte]));

function buildByteToSymbol(): string[] {
  const printable: number[] = [];
  for (let b = 0x21; b <= 0x7e; b++) printable.push(b);
  for (let b = 0xa1; b <= 0xac; b++) printable.push(b);
  for (let b = 0xae; b <= 0xff; b++) printable.push(b);
  const symbols = new Array<string>(256);
  let shifted = 0;
  for (let b = 0; b < 256; b++) {
    symbols[b] = printable.includes(b) ? String.fromCodePoint(b) : String.fromCodePoint(256 + shifted++);
  }
  return symbols;
}

/** The mapped symbol string of some bytes (one character per byte). */
export function bytesToSymbols(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += byteToSymbol[b];
  return out;
}

/** The bytes a mapped symbol string stands for; undefined when a character is not a byte symbol. */
export function symbolsToBytes(symbols: string): Uint8Array | undefined {
  const bytes: number[] = [];
  for (const ch of symbols) {
    const b = symbolToByte.get(ch);
    if (b === undefined) return undefined;
    bytes.push(b);
  }
  return Uint8Array.from(bytes);
}

/** The symbol standing for one byte. */
export function byteSymbol(byte: number): string {
  return byteToSymbol[byte];
}
