import { byteSymbol, symbolsToBytes } from './byte-level';
import { splitWords } from './pretokenize';

/** A byte-level BPE vocabulary: ids 0-255 are the bytes, then one piece per learned merge, in rank order. */
export interface BpeVocabulary {
  /** Token text in byte-level symbol form, indexed by token id. */
  readonly pieces: readonly string[];
  /** Learned merges in rank order; merge r joins [left, right] into token 256 + r. */
  readonly merges: readonly (readonly [number, number])[];
}

const pairKey = (left: number, right: number): number => left * 65536 + right;
const utf8 = new TextEncoder();

/** Learns up to `mergeCount` merges, most frequent pair first (ties: lowest ids), never below `minPairCount`. */
export function trainBpe(texts: Iterable<string>, mergeCount: number, minPairCount = 2): BpeVocabulary {
  const wordCounts = new Map<string, number>();
  for (const text of texts) {
    for (const word of splitWords(text)) wordCounts.set(word, (wordCounts.get(word) ?? 0) + 1);
  }
  const words = [...wordCounts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([word, count]) => ({ ids: [...utf8.encode(word)], count }));
  const pieces = Array.from({ length: 256 }, (_, b) => byteSymbol(b));
  const merges: [number, number][] = [];

  while (merges.length < mergeCount) {
    const pairCounts = new Map<number, number>();
    for (const { ids, count } of words) {
      for (let i = 0; i + 1 < ids.length; i++) {
        const key = pairKey(ids[i], ids[i + 1]);
        pairCounts.set(key, (pairCounts.get(key) ?? 0) + count);
      }
    }
    let bestKey = -1;
    let bestCount = 0;
    for (const [key, count] of pairCounts) {
      if (count > bestCount || (count === bestCount && key < bestKey)) {
        bestKey = key;
        bestCount = count;
      }
    }
    if (bestCount < minPairCount) break;
    const left = Math.floor(bestKey / 65536);
    const right = bestKey % 65536;
    const merged = pieces.length;
    pieces.push(pieces[left] + pieces[right]);
    merges.push([left, right]);
    for (const word of words) word.ids = mergeEverywhere(word.ids, left, right, merged);
  }
  return { pieces, merges };
}

function mergeEverywhere(ids: number[], left: number, right: number, merged: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < ids.length; i++) {
    if (i + 1 < ids.length && ids[i] === left && ids[i + 1] === right) {
      out.push(merged);
      i++;
    } else {
      out.push(ids[i]);
    }
  }
  return out;
}

/** Applies a vocabulary's merges the way llama.cpp does: lowest rank first, leftmost on ties. */
export class BpeTokenizer {
  private readonly mergeRanks = new Map<number, number>();
  private readonly wordCache = new Map<string, readonly number[]>();

  constructor(private readonly vocabulary: BpeVocabulary) {
    vocabulary.merges.forEach(([left, right], rank) => this.mergeRanks.set(pairKey(left, right), rank));
  }

  /** The token ids of plain text (no special tokens are recognised). */
  encode(text: string): number[] {
    const ids: number[] = [];
    for (const word of splitWords(text)) ids.push(...this.encodeWord(word));
    return ids;
  }

  /** The bytes a list of (non-special) token ids stands for. */
  decode(ids: readonly number[]): Uint8Array {
    return symbolsToBytes(ids.map((id) => this.vocabulary.pieces[id]).join('')) ?? new Uint8Array();
  }

  private encodeWord(word: string): readonly number[] {
    const cached = this.wordCache.get(word);
    if (cached) return cached;
    let ids = [...utf8.encode(word)];
    for (;;) {
      let bestRank = Infinity;
      let bestAt = -1;
      for (let i = 0; i + 1 < ids.length; i++) {
        const rank = this.mergeRanks.get(pairKey(ids[i], ids[i + 1]));
        if (rank !== undefined && rank < bestRank) {
          bestRank = rank;
          bestAt = i;
        }
      }
      if (bestAt < 0) break;
      ids = [...ids.slice(0, bestAt), 256 + bestRank, ...ids.slice(bestAt + 2)];
    }
    this.wordCache.set(word, ids);
    return ids;
  }
}
