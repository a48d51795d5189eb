import { RequestTimeoutError } from '../models/errors/httpclienterrors';

/** When a call must be over: `timeoutMs` after it started, or never when `timeoutMs` is 0. */
export class CallDeadline {
  private readonly endsAt: number;

  constructor(readonly timeoutMs: number) {
    this.endsAt = timeoutMs > 0 && Number.isFinite(timeoutMs) ? Date.now() + timeoutMs : Infinity;
  }

  get bounded(): boolean {
    return this.endsAt !== Infinity;
  }

  /** Milliseconds left (Infinity when unbounded); throws RequestTimeoutError once none are. */
  remainingMs(): number {
    if (!this.bounded) return Infinity;
    const left = this.endsAt - Date.now();
    if (left <= 0) throw new RequestTimeoutError(this.timeoutMs);
    return left;
  }
}

/**
 * The signal undici gets for one attempt: it aborts when the caller's signal does, or when the call's
 * deadline passes (then its reason is a RequestTimeoutError, which undici rejects or destroys the body
 * with). Undici holds its listener until the response body closes or the request fails, so the timer
 * runs exactly that long: a body that trickles bytes or keep-alive comments cannot outlive the deadline.
 *
 * A plain object rather than an AbortController: undici only needs add/removeEventListener, and an
 * AbortController per request cost a measurable share of a small request.
 */
export class AttemptSignal {
  private listener: (() => void) | undefined;
  private timer: NodeJS.Timeout | undefined;
  private timedOut: RequestTimeoutError | undefined;

  constructor(
    private readonly caller: AbortSignal | undefined,
    private readonly remainingMs: number,
    private readonly timeoutMs: number,
  ) {}

  get aborted(): boolean {
    return this.timedOut !== undefined || this.caller?.aborted === true;
  }

  get reason(): unknown {
    return this.timedOut ?? this.caller?.reason;
  }

  addEventListener(_type: 'abort', listener: () => void): void {
    this.listener = listener;
    this.caller?.addEventListener('abort', listener, { once: true });
    this.timer = setTimeout(this.expire, this.remainingMs);
  }

  removeEventListener(_type: 'abort', listener: () => void): void {
    if (this.listener !== listener) return;
    this.listener = undefined;
    this.caller?.removeEventListener('abort', listener);
    clearTimeout(this.timer);
  }

  private readonly expire = (): void => {
    const listener = this.listener;
    if (!listener) return;
    this.timedOut = new RequestTimeoutError(this.timeoutMs);
    this.removeEventListener('abort', listener);
    listener();
  };
}
