import { SETTLEDNESS, snippetKey, type ContextSnippet } from './snippet';

/**
 * Remembers the last block's snippets and the order they first entered it, so that a block built
 * from the same snippets is byte-for-byte the same (the server's prompt cache reuses it whole), and a
 * newcomer goes last, changing only the block's tail. One per completion pipeline; not shared.
 */
export class StableOrder {
  private entered = new Map<string, number>();
  private next = 0;

  /** The keys (see `snippetKey`) of the snippets the last block carried, for ranking's stickiness. */
  get previous(): ReadonlySet<string> {
    return this.keys;
  }

  private keys: ReadonlySet<string> = new Set();

  /**
   * `chosen` in block order: snippets the last block carried keep their relative order, newcomers
   * follow, the more settled kinds first (see SETTLEDNESS), then in the order given (best first).
   * Remembers the result as the last block.
   */
  order(chosen: readonly ContextSnippet[]): ContextSnippet[] {
    const entered = new Map<string, number>();
    const bySettledness = [...chosen].sort((a, b) => SETTLEDNESS.indexOf(a.source) - SETTLEDNESS.indexOf(b.source));
    for (const snippet of bySettledness) {
      const key = snippetKey(snippet);
      if (!entered.has(key)) entered.set(key, this.entered.get(key) ?? this.next++);
    }
    this.entered = entered;
    this.keys = new Set(entered.keys());
    const unique = new Map(chosen.map((snippet) => [snippetKey(snippet), snippet]));
    return [...unique.entries()].sort((a, b) => entered.get(a[0])! - entered.get(b[0])!).map(([, snippet]) => snippet);
  }
}
