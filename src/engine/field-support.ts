/** Where remembered facts are kept between sessions (VS Code's Memento fits). */
export interface KeyValueStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

/**
 * Remembers which servers refused one optional request field, so each such server is asked without
 * it from then on instead of failing first every time.
 */
export class FieldSupport {
  private readonly rejecting: Set<string>;

  constructor(
    private readonly storageKey: string,
    private readonly store?: KeyValueStore,
  ) {
    this.rejecting = new Set(store?.get<string[]>(storageKey) ?? []);
  }

  /** True unless `serverUrl` is known to refuse the field. */
  accepts(serverUrl: string): boolean {
    return !this.rejecting.has(serverUrl);
  }

  /** Records that `serverUrl` refused the field. */
  markRejected(serverUrl: string): void {
    if (this.rejecting.has(serverUrl)) return;
    this.rejecting.add(serverUrl);
    void this.store?.update(this.storageKey, [...this.rejecting]);
  }

  /** Forgets what was learnt, for example when the user changes server software behind the same URL. */
  forget(): void {
    this.rejecting.clear();
    void this.store?.update(this.storageKey, []);
  }
}

/** Servers that refused `stream_options` (asked for so streamed answers report their token usage). */
export class StreamUsageSupport extends FieldSupport {
  constructor(store?: KeyValueStore) {
    super('promptComplete.serversWithoutStreamUsage', store);
  }
}

/** Servers that refused `logprobs` or answered without any: requests to them leave the field out. */
export class LogprobsSupport extends FieldSupport {
  constructor(store?: KeyValueStore) {
    super('promptComplete.serversWithoutLogprobs', store);
  }
}
