import type { CompletionLogprobs } from '../client';
import type { KeyValueStore } from './suffix-support';

const STORAGE_KEY = 'promptComplete.serversWithoutLogprobs';

/**
 * Remembers which servers refused `logprobs` or answered without any, so requests to them leave the
 * field out from then on: asking costs them a failed request (or nothing useful) every time.
 */
export class LogprobsSupport {
  private readonly without: Set<string>;

  constructor(private readonly store?: KeyValueStore) {
    this.without = new Set(store?.get<string[]>(STORAGE_KEY) ?? []);
  }

  /** True unless `serverUrl` is known to refuse `logprobs` or to return none. */
  gives(serverUrl: string): boolean {
    return !this.without.has(serverUrl);
  }

  /** Records that `serverUrl` refused `logprobs` or returned none when asked. */
  markWithout(serverUrl: string): void {
    if (this.without.has(serverUrl)) return;
    this.without.add(serverUrl);
    void this.store?.update(STORAGE_KEY, [...this.without]);
  }

  /** Forgets what was learnt, for example after the server behind a URL was upgraded. */
  forget(): void {
    this.without.clear();
    void this.store?.update(STORAGE_KEY, []);
  }
}

/**
 * True when an answer to a request that asked for `logprobs` shows the server ignores the field: some
 * candidate has text, yet no candidate carries a single token's logprob. An answer without text proves
 * nothing (an empty completion has no tokens to score).
 */
export function answeredWithoutLogprobs(candidates: readonly { text: string; logprobs: CompletionLogprobs | null }[]): boolean {
  if (!candidates.some((candidate) => candidate.text.length > 0)) return false;
  return candidates.every((candidate) => !candidate.logprobs || candidate.logprobs.tokens.length === 0);
}
