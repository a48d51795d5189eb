import type { Clock } from '../../../src/engine/clock';

interface Timer {
  at: number;
  order: number;
  fire: () => void;
}

/**
 * A clock whose time moves only when the simulation says so. Timers fire in time order, and after
 * each one every promise chain it started settles before time moves on, so a whole typing session
 * runs in milliseconds of real time and the same way every run.
 */
export class VirtualClock implements Clock {
  private time = 0;
  private order = 0;
  private timers: Timer[] = [];

  now(): number {
    return this.time;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
    if (signal?.aborted) return Promise.resolve(false);
    return new Promise((resolve) => {
      const timer = this.at(this.time + Math.max(0, ms), () => {
        signal?.removeEventListener('abort', onAbort);
        resolve(true);
      });
      const onAbort = () => {
        this.cancel(timer);
        resolve(false);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Runs `fire` at virtual time `at` (or now, if that has passed). */
  at(at: number, fire: () => void): Timer {
    const timer = { at: Math.max(at, this.time), order: this.order++, fire };
    this.timers.push(timer);
    return timer;
  }

  cancel(timer: Timer): void {
    this.timers = this.timers.filter((t) => t !== timer);
  }

  /** Lets every pending promise chain run (no real I/O or timers take part in a simulation). */
  async settle(): Promise<void> {
    for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
  }

  /** Fires timers in order until none is left before `until` (or none at all); returns when time stands at the last one fired. */
  async run(until = Infinity): Promise<void> {
    await this.settle();
    for (;;) {
      let next: Timer | undefined;
      for (const timer of this.timers) if (!next || timer.at < next.at || (timer.at === next.at && timer.order < next.order)) next = timer;
      if (!next || next.at > until) break;
      this.cancel(next);
      this.time = next.at;
      next.fire();
      await this.settle();
    }
    if (until !== Infinity && until > this.time) this.time = until;
  }
}
