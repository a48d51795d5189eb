/** How much of the context a cache key looks at, and how far back typed-ahead lookups walk. */
export interface CacheLimits {
  /** Characters at the end of the prefix that identify a position (default 2000). */
  prefixTailChars: number;
  /** Characters at the start of the suffix that identify a position (default 500). */
  suffixHeadChars: number;
  /** How many characters typed since a cached request are still served from it (default 200). */
  maxTypedAheadChars: number;
}

const DEFAULT_LIMITS: CacheLimits = { prefixTailChars: 2000, suffixHeadChars: 500, maxTypedAheadChars: 200 };

/** Completions found for a prefix, with what the user typed since the cached request. */
export interface CacheHit<T = unknown> {
  /** What is left of each cached completion after the typed characters; in the order cached. */
  completions: string[];
  /** What was cached with each of those completions (undefined where nothing was), in the same order. */
  data: (T | undefined)[];
  /** The characters typed after the cached prefix ('' for an exact hit). */
  typed: string;
}

interface Entry<T> {
  prefixTail: string;
  suffixHead: string;
  completions: readonly string[];
  data: readonly (T | undefined)[];
}

// An odd multiplier for a polynomial hash modulo 2^32. Hashes only pick candidates; every candidate
// is confirmed by comparing the strings, so a collision costs time, never a wrong answer.
const HASH_BASE = 0x01000193;

/**
 * A bounded LRU of completions keyed by the text around the cursor. Lookups also serve the user who
 * keeps typing what a cached completion says: they walk back over the last typed characters and
 * return the rest of each completion that matches. A lookup costs O(prefixTailChars +
 * maxTypedAheadChars + suffixHeadChars), however long the document.
 */
export class CompletionCache<T = unknown> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly limits: CacheLimits;
  private readonly fullWindowPower: number;

  constructor(
    private readonly maxEntries = 250,
    limits: Partial<CacheLimits> = {},
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
    this.fullWindowPower = power(HASH_BASE, this.limits.prefixTailChars);
  }

  /** How many positions are cached. */
  get size(): number {
    return this.entries.size;
  }

  /**
   * Remembers the completions for the cursor between `prefix` and `suffix` (an empty list too: "nothing
   * here"), each with what `data` holds at its index (what the caller needs to judge it again later).
   */
  set(prefix: string, suffix: string, completions: readonly string[], data: readonly (T | undefined)[] = []): void {
    const prefixTail = prefix.slice(Math.max(0, prefix.length - this.limits.prefixTailChars));
    const suffixHead = suffix.slice(0, this.limits.suffixHeadChars);
    const key = entryKey(hashOf(prefixTail), prefixTail.length, hashOf(suffixHead));
    this.entries.delete(key);
    this.entries.set(key, { prefixTail, suffixHead, completions: [...completions], data: completions.map((_, i) => data[i]) });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  /** The completions for this position, or the rest of those the user is typing into; undefined on a miss. */
  get(prefix: string, suffix: string): string[] | undefined {
    return this.findByLongestPrefix(prefix, suffix)?.completions;
  }

  /**
   * Walks back over the last typed characters (up to `maxTypedAheadChars`) to the longest cached
   * prefix whose completions start with what was typed since, and returns their rest. Completions
   * that do not match, or that were typed in full, are dropped; an exact hit returns the list as cached.
   */
  findByLongestPrefix(prefix: string, suffix: string): CacheHit<T> | undefined {
    if (this.entries.size === 0) return undefined;
    const suffixHead = suffix.slice(0, this.limits.suffixHeadChars);
    const suffixHash = hashOf(suffixHead);
    const { prefixTailChars, maxTypedAheadChars } = this.limits;
    const regionStart = Math.max(0, prefix.length - maxTypedAheadChars - prefixTailChars);
    const hashes = prefixHashes(prefix, regionStart);
    for (let typedLength = 0; typedLength <= Math.min(maxTypedAheadChars, prefix.length); typedLength++) {
      const end = prefix.length - typedLength;
      const start = Math.max(0, end - prefixTailChars);
      // A window shorter than prefixTailChars starts at the region's start, where the hash is 0.
      const windowHash = (hashes[end - regionStart]! - Math.imul(hashes[start - regionStart]!, this.fullWindowPower)) >>> 0;
      const key = entryKey(windowHash, end - start, suffixHash);
      const entry = this.entries.get(key);
      if (!entry || entry.suffixHead !== suffixHead || entry.prefixTail !== prefix.slice(start, end)) continue;
      const typed = prefix.slice(end);
      const kept = entry.completions.flatMap((text, i) => (typed === '' || (text.length > typed.length && text.startsWith(typed)) ? [i] : []));
      if (typed !== '' && kept.length === 0) continue;
      this.entries.delete(key); // most recently used goes last
      this.entries.set(key, entry);
      return { completions: kept.map((i) => entry.completions[i]!.slice(typed.length)), data: kept.map((i) => entry.data[i]), typed };
    }
    return undefined;
  }

  /** Forgets everything (after a settings change, for example). */
  clear(): void {
    this.entries.clear();
  }
}

function entryKey(prefixHash: number, prefixLength: number, suffixHash: number): string {
  return `${prefixHash}:${prefixLength}:${suffixHash}`;
}

function hashOf(text: string): number {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (Math.imul(hash, HASH_BASE) + text.charCodeAt(i)) >>> 0;
  return hash;
}

// hashes[i] is the hash of text[from, from + i); a window's hash follows from two of them.
function prefixHashes(text: string, from: number): Uint32Array {
  const hashes = new Uint32Array(text.length - from + 1);
  for (let i = from; i < text.length; i++) {
    hashes[i - from + 1] = (Math.imul(hashes[i - from]!, HASH_BASE) + text.charCodeAt(i)) >>> 0;
  }
  return hashes;
}

function power(base: number, exponent: number): number {
  let result = 1;
  for (let i = 0; i < exponent; i++) result = Math.imul(result, base) >>> 0;
  return result;
}
