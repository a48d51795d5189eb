import { addTokens, DEFAULT_CHARS_PER_TOKEN, NO_TOKENS, tokensOf, type RequestUsage, type TokenCount } from '../core/usage';
import type { KeyValueStore } from './field-support';

const DAY_KEY = 'promptComplete.usageToday';
const NOTICE_KEY = 'promptComplete.budgetNoticeDay';
/** Prompt tokens a server must have reported before its own characters-per-token ratio is trusted. */
const MIN_TOKENS_TO_LEARN = 50;

/** The day's count as kept in the store (shared by every window of the editor). */
interface StoredDay extends TokenCount {
  /** The local date, `YYYY-MM-DD`. */
  day: string;
}

/**
 * Counts the tokens requests cost, for this session and for today (kept in the store, so it survives
 * a restart and adds up across windows; it starts again from zero on a new local day).
 */
export class UsageMeter {
  private sessionCount: TokenCount = NO_TOKENS;
  private memoryDay: StoredDay | undefined;
  private reportedChars = 0;
  private reportedTokens = 0;
  private noticeDay: string | undefined;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly store?: KeyValueStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Adds one finished request; returns what it cost. */
  record(usage: RequestUsage): TokenCount {
    if (usage.reported && usage.reported.promptTokens > 0) {
      this.reportedChars += usage.promptChars;
      this.reportedTokens += usage.reported.promptTokens;
    }
    const cost = tokensOf(usage, this.charsPerToken);
    this.sessionCount = addTokens(this.sessionCount, cost);
    // Read the stored day again: another window may have added to it since.
    const day: StoredDay = { day: this.day, ...addTokens(this.today, cost) };
    this.memoryDay = day;
    void this.store?.update(DAY_KEY, day);
    for (const listener of this.listeners) listener();
    return cost;
  }

  /** Tokens since the extension started. */
  get session(): TokenCount {
    return this.sessionCount;
  }

  /** Tokens since local midnight. */
  get today(): TokenCount {
    const stored = this.store ? asStoredDay(this.store.get(DAY_KEY)) : this.memoryDay;
    if (!stored || stored.day !== this.day) return NO_TOKENS;
    return { promptTokens: stored.promptTokens, completionTokens: stored.completionTokens, estimated: stored.estimated };
  }

  /** Today's local date, `YYYY-MM-DD`: the day the day count belongs to. */
  get day(): string {
    return localDay(this.now());
  }

  /** Milliseconds until the day count starts again. */
  msUntilNextDay(): number {
    const now = this.now();
    const midnight = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
    return Math.max(1, midnight.getTime() - now.getTime());
  }

  /**
   * True the first time it is asked on a given day (across windows and restarts): for a notice that
   * should be shown once a day at most.
   */
  claimDailyNotice(): boolean {
    const day = this.day;
    if (this.store?.get<string>(NOTICE_KEY) === day || this.noticeDay === day) return false;
    this.noticeDay = day;
    void this.store?.update(NOTICE_KEY, day);
    return true;
  }

  /** True when `dailyBudget` is set (above 0) and today's tokens have reached it. */
  budgetSpent(dailyBudget: number): boolean {
    return dailyBudget > 0 && totalTokens(this.today) >= dailyBudget;
  }

  /** Characters per prompt token: learnt from the server's own counts, a common middle until then. */
  get charsPerToken(): number {
    return this.reportedTokens >= MIN_TOKENS_TO_LEARN ? this.reportedChars / this.reportedTokens : DEFAULT_CHARS_PER_TOKEN;
  }

  /** Calls `listener` after every recorded request; returns how to stop. */
  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }
}

/** Total tokens of a count. */
export function totalTokens(count: TokenCount): number {
  return count.promptTokens + count.completionTokens;
}

function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The stored record when it has the expected shape (a store edited by hand or an old version may not). */
function asStoredDay(value: unknown): StoredDay | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const count = (x: unknown) => typeof x === 'number' && Number.isFinite(x) && x >= 0;
  if (typeof v.day !== 'string' || !count(v.promptTokens) || !count(v.completionTokens)) return undefined;
  return { day: v.day, promptTokens: v.promptTokens as number, completionTokens: v.completionTokens as number, estimated: v.estimated === true };
}
