/** Thrown to a waiter whose signal aborted before its turn came. */
export class WaitAborted extends Error {
  constructor() {
    super('stopped waiting for the model');
    this.name = 'WaitAborted';
  }
}

/** Hands out one turn at a time, in arrival order; waiters whose client left are skipped. */
export class FifoLock {
  private busy = false;
  private readonly waiting: (() => void)[] = [];

  /** Waits for this caller's turn; call the returned function to pass the turn on. */
  async acquire(signal: AbortSignal): Promise<() => void> {
    if (signal.aborted) throw new WaitAborted();
    if (!this.busy) {
      this.busy = true;
      return this.releaser();
    }
    await new Promise<void>((resolve, reject) => {
      const turn = () => {
        signal.removeEventListener('abort', leave);
        resolve();
      };
      const leave = () => {
        const at = this.waiting.indexOf(turn);
        if (at >= 0) this.waiting.splice(at, 1);
        reject(new WaitAborted());
      };
      this.waiting.push(turn);
      signal.addEventListener('abort', leave, { once: true });
    });
    return this.releaser();
  }

  /** How many callers are waiting for a turn. */
  get queued(): number {
    return this.waiting.length;
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.busy = false;
    };
  }
}
