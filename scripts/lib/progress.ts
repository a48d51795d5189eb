/** Prints what the start command is doing, one line per step, with how long each took. */
export class Progress {
  private readonly started = Date.now();

  /** isInterrupted tells whether Ctrl+C came: no further step starts after it. */
  constructor(private readonly isInterrupted: () => boolean) {}

  /** Prints "label…", runs the step, then prints how long it took. */
  async step<T>(label: string, run: () => T | Promise<T>): Promise<T> {
    if (this.isInterrupted()) throw new Error('interrupted');
    console.log(`${label}…`);
    const began = Date.now();
    const result = await run();
    console.log(`  done in ${seconds(Date.now() - began)}`);
    return result;
  }

  /** Seconds since the command started, for the closing line. */
  elapsed(): string {
    return seconds(Date.now() - this.started);
  }
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
