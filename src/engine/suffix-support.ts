/** Where remembered facts are kept between sessions (VS Code's Memento fits). */
export interface KeyValueStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

const STORAGE_KEY = 'promptComplete.serversWithoutSuffix';

/**
 * Remembers which servers rejected the native `suffix` field, so `fim: "auto"` asks each such
 * server with a fill-in-the-middle template from then on instead of failing first every time.
 */
export class SuffixSupport {
  private readonly rejecting: Set<string>;

  constructor(private readonly store?: KeyValueStore) {
    this.rejecting = new Set(store?.get<string[]>(STORAGE_KEY) ?? []);
  }

  /** True unless `serverUrl` is known to reject `suffix`. */
  accepts(serverUrl: string): boolean {
    return !this.rejecting.has(serverUrl);
  }

  /** Records that `serverUrl` rejected `suffix`. */
  markRejected(serverUrl: string): void {
    if (this.rejecting.has(serverUrl)) return;
    this.rejecting.add(serverUrl);
    void this.store?.update(STORAGE_KEY, [...this.rejecting]);
  }

  /** Forgets what was learnt, for example when the user changes server software behind the same URL. */
  forget(): void {
    this.rejecting.clear();
    void this.store?.update(STORAGE_KEY, []);
  }
}
