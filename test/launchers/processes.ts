import { spawn } from 'node:child_process';

/** A child process started in its own process group, so stopping it stops everything it started. */
export interface GroupProcess {
  readonly pid: number;
  readonly name: string;
  /** Resolves with the exit code (or the signal name) when the group leader exits. */
  readonly exited: Promise<number | string>;
  /** Everything the process wrote to stdout and stderr so far (the last 256 KB). */
  output(): string;
  /** Resolves with the first match of pattern in the output; rejects on exit or after the deadline. */
  waitForOutput(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray>;
  /** SIGTERM to the group, SIGKILL after a grace period; safe to call twice. */
  stop(graceMs?: number): Promise<void>;
}

export interface StartOptions {
  name: string;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Copy the output to this process's stdout, each line prefixed with `[name] ` (or with echoPrefix). */
  echo?: boolean;
  echoPrefix?: string;
  /**
   * Sent to the group if this process exits first (default SIGKILL). SIGTERM suits a child that
   * stops its own children on SIGTERM (the mocha layers load exit-on-signal for that).
   */
  exitSignal?: NodeJS.Signals;
}

const OUTPUT_LIMIT = 256 * 1024;

/** Starts command in a new process group; the group is killed if this process exits first. */
export function startGroupProcess(command: string, args: string[], options: StartOptions): GroupProcess {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error(`${options.name}: could not start ${command}`);
  const pid = child.pid;
  let output = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer): void => {
    const text = chunk.toString('utf8');
    output = (output + text).slice(-OUTPUT_LIMIT);
    if (options.echo) process.stdout.write(prefixLines(text, options.echoPrefix ?? `[${options.name}] `));
    listeners.forEach((listener) => listener());
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);

  // Synchronous last resort: a runner that dies must not leave servers or browsers behind.
  const killOnExit = (): void => killGroup(pid, options.exitSignal ?? 'SIGKILL');
  process.on('exit', killOnExit);

  const exited = new Promise<number | string>((resolve) => {
    child.on('exit', (code, signal) => {
      listeners.forEach((listener) => listener());
      resolve(code ?? signal ?? 'unknown');
    });
    child.on('error', (err) => {
      output += `\n${err.message}`;
      resolve('spawn-error');
    });
  });
  let leaderExited = false;
  void exited.then(() => { leaderExited = true; });

  return {
    pid,
    name: options.name,
    exited,
    output: () => output,
    waitForOutput: (pattern, timeoutMs) => new Promise((resolve, reject) => {
      const finish = (error?: Error, match?: RegExpMatchArray): void => {
        clearTimeout(timer);
        listeners.delete(check);
        if (error) reject(error); else resolve(match!);
      };
      const check = (): void => {
        const match = output.match(pattern);
        if (match) finish(undefined, match);
        else if (leaderExited || child.exitCode !== null || child.signalCode !== null) {
          finish(new Error(`${options.name} exited before printing ${pattern}:\n${tail(output)}`));
        }
      };
      const timer = setTimeout(() => finish(new Error(
        `${options.name} did not print ${pattern} within ${timeoutMs} ms:\n${tail(output)}`)), timeoutMs);
      listeners.add(check);
      check();
    }),
    stop: async (graceMs = 5000) => {
      killGroup(pid, 'SIGTERM');
      const deadline = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), graceMs).unref());
      await Promise.race([exited, deadline]);
      // Children of the leader may outlive it: the group gets SIGKILL either way.
      killGroup(pid, 'SIGKILL');
      process.off('exit', killOnExit);
    },
  };
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

function prefixLines(text: string, prefix: string): string {
  return text.replace(/^(?=.)/gm, prefix);
}

/** The last lines of a process's output, for error messages. */
export function tail(text: string, lines = 30): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

/**
 * Rejects after timeoutMs with the message, or as soon as stop aborts (the user stopped the run),
 * unless the promise settles first.
 */
export async function withDeadline<T>(promise: Promise<T>, timeoutMs: number, message: string,
  stop?: AbortSignal): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let onStop: (() => void) | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${message} (after ${Math.round(timeoutMs / 1000)} s)`)), timeoutMs);
    onStop = () => reject(new Error(`${message}: the run was stopped`));
    if (stop?.aborted) onStop();
    stop?.addEventListener('abort', onStop, { once: true });
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
    if (onStop) stop?.removeEventListener('abort', onStop);
  }
}
