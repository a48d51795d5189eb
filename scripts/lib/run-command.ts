import { spawn } from 'node:child_process';

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Show the command's output as it runs (long installs); otherwise it is shown only on failure. */
  showOutput?: boolean;
}

/**
 * Runs a build command to completion. Asynchronous so that Ctrl+C reaches the start command's
 * handler while it runs (the command itself sits in the same process group and gets it too).
 */
export function runCommand(command: string, args: string[], options: RunOptions): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: options.showOutput ? 'inherit' : ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => { output += chunk.toString('utf8'); });
    child.stderr?.on('data', (chunk: Buffer) => { output += chunk.toString('utf8'); });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve(output);
      else reject(new Error(`${[command, ...args].join(' ')} failed (${code ?? signal})${output ? `:\n${output.trimEnd()}` : ''}`));
    });
  });
}
