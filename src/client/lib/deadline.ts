import { RequestTimeoutError } from '../models/errors/httpclienterrors';

/** When a call must be over: `timeoutMs` after it started, or never when `timeoutMs` is 0. */
export class CallDeadline {
  readonly endsAt: number;

  constructor(readonly timeoutMs: number) {
    this.endsAt = timeoutMs > 0 && Number.isFinite(timeoutMs) ? Date.now() + timeoutMs : Infinity;
  }

  get bounded(): boolean {
    return this.endsAt !== Infinity;
  }

  /** Throws RequestTimeoutError once the deadline has passed. */
  check(): void {
    if (Date.now() >= this.endsAt) throw new RequestTimeoutError(this.timeoutMs);
  }
}

/** How often the watch looks for attempts past their deadline; a deadline fires at most this late. */
const WATCH_INTERVAL_MS = 50;

/**
 * Watches the attempts in flight of one client and aborts those past their deadline. One interval
 * timer for all of them, running only while there are some, instead of a timer per request: a timer
 * set and cleared per request cost a measurable share of a small request.
 */
export class DeadlineWatch {
  private readonly watched = new Set<AttemptSignal>();
  private timer: NodeJS.Timeout | undefined;

  add(signal: AttemptSignal): void {
    this.watched.add(signal);
    if (!this.timer) {
      this.timer = setInterval(this.sweep, WATCH_INTERVAL_MS);
      // An attempt in flight keeps its socket, and so the process, alive; the watch need not.
      this.timer.unref();
    }
  }

  delete(signal: AttemptSignal): void {
    this.watched.delete(signal);
  }

  private readonly sweep = (): void => {
    if (this.watched.size === 0) {
      clearInterval(this.timer);
      this.timer = undefined;
      return;
    }
    const now = Date.now();
    for (const signal of this.watched) if (signal.endsAt <= now) signal.expire();
  };
}

/**
 * The signal undici gets for one attempt: it aborts when the caller's signal does, or when the call's
 * deadline passes (then its reason is a RequestTimeoutError, which undici rejects or destroys the body
 * with). Undici holds its listener until the response body closes or the request fails, and the attempt
 * is watched exactly that long: a body that trickles bytes or keep-alive comments cannot outlive the
 * deadline. A plain object rather than an AbortController: undici only needs add/removeEventListener,
 * and an AbortController per request cost a measurable share of a small request.
 */
export class AttemptSignal {
  private listener: (() => void) | undefined;
  private timedOut: RequestTimeoutError | undefined;

  constructor(
    private readonly caller: AbortSignal | undefined,
    private readonly deadline: CallDeadline,
    private readonly watch: DeadlineWatch,
  ) {}

  get endsAt(): number {
    return this.deadline.endsAt;
  }

  get aborted(): boolean {
    return this.timedOut !== undefined || this.caller?.aborted === true;
  }

  get reason(): unknown {
    return this.timedOut ?? this.caller?.reason;
  }

  addEventListener(_type: 'abort', listener: () => void): void {
    this.listener = listener;
    this.caller?.addEventListener('abort', listener, { once: true });
    this.watch.add(this);
  }

  removeEventListener(_type: 'abort', listener: () => void): void {
    if (this.listener !== listener) return;
    this.listener = undefined;
    this.caller?.removeEventListener('abort', listener);
    this.watch.delete(this);
  }

  /** Aborts the attempt with a RequestTimeoutError (the watch calls this once the deadline has passed). */
  expire(): void {
    const listener = this.listener;
    if (!listener) return;
    this.timedOut = new RequestTimeoutError(this.deadline.timeoutMs);
    this.removeEventListener('abort', listener);
    listener();
  }
}
