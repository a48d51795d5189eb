import type { Clock } from '../../src/engine/clock';

interface Timer {
  at: number;
  seq: number;
  fire: () => void;
}

/**
 * A clock whose time moves only when the simulation says so: sleeping registers a timer, and
 * `advanceTo` fires the timers due in time order, letting the promise chains they wake run in between.
 * The inline session runs on it exactly as on the real clock, only without waiting.
 */
export class VirtualClock implements Clock {
  private time = 0;
  private seq = 0;
  private timers: Timer[] = [];

  // Arrow functions: callers may hold `now` and `sleep` apart from the clock.
  readonly now = (): number => this.time;

  readonly sleep = (ms: number, signal?: AbortSignal): Promise<boolean> => {
    if (signal?.aborted) return Promise.resolve(false);
    if (ms <= 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer: Timer = { at: this.time + ms, seq: this.seq++, fire: () => resolve(true) };
      const onAbort = () => {
        this.timers = this.timers.filter((t) => t !== timer);
        resolve(false);
      };
      timer.fire = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve(true);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.timers.push(timer);
    });
  };

  /** Fires every timer due up to `time` (those they set too), then sets the clock to `time`. */
  async advanceTo(time: number): Promise<void> {
    await settle();
    for (;;) {
      const next = this.timers.filter((t) => t.at <= time).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!next) break;
      this.timers = this.timers.filter((t) => t !== next);
      this.time = Math.max(this.time, next.at);
      next.fire();
      await settle();
    }
    this.time = Math.max(this.time, time);
    await settle();
  }
}

/** Lets every promise chain that can run now run (no I/O is involved, so a macrotask turn suffices). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
}
