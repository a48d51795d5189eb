/**
 * A least-recently-used cache with a fixed capacity.
 * Reading or writing a key makes it the most recent one; when the cache is full,
 * the least recent entry is dropped.
 */
export class LruCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity <= 0) {
      throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
    }
  }

  /** The number of entries currently stored. */
  get size(): number {
    return this.entries.size;
  }

  /** Returns the value for a key and marks it as recently used. */
  get(key: K): V | undefined {
    if (!this.entries.has(key)) {
      return undefined;
    }
    const value = this.entries.get(key) as V;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  /** Returns true when the key is stored, without changing its position. */
  has(key: K): boolean {
    return this.entries.has(key);
  }

  /** Stores a value, evicting the least recently used entry when the cache is full. */
  set(key: K, value: V): this {
    if (this.entries.has(key)) {
      this.entries.delete(key);
    } else if (this.entries.size >= this.capacity) {
      const oldest = this.entries.keys().next().value as K;
      this.entries.delete(oldest);
    }
    this.entries.set(key, value);
    return this;
  }

  /** Removes a key; returns true when it was present. */
  delete(key: K): boolean {
    return this.entries.delete(key);
  }

  /** Removes every entry. */
  clear(): void {
    this.entries.clear();
  }

  /** Keys from the least to the most recently used. */
  keys(): K[] {
    return [...this.entries.keys()];
  }
}

export function memoize<A extends unknown[], R>(fn: (...args: A) => R, capacity = 100): (...args: A) => R {
  const cache = new LruCache<string, R>(capacity);
  return (...args: A): R => {
    const key = JSON.stringify(args);
    const cached = cache.get(key);
    if (cached !== undefined) {
      return cached;
    }
    const result = fn(...args);
    cache.set(key, result);
    return result;
  };
}
