import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { repoRoot } from '../support/paths';

/** A running `server/dist/main.mjs` child process. */
export interface LocalServer {
  /** e.g. `http://127.0.0.1:41234/v1`, as the ready line prints it. */
  readonly baseUrl: string;
  readonly modelId: string;
  readonly process: ChildProcess;
  /** Everything the server wrote to stdout and stderr so far. */
  output(): string;
  /** Sends SIGTERM and waits for the process to exit. */
  stop(): Promise<void>;
}

const READY_LINE = /Prompt Complete local server listening on (http:\/\/\S+\/v1) \(model: (.+)\)/;

/** Starts the real server on a fresh port (`--port 0` plus `args`) and waits for its ready line. */
export function startLocalServer(args: readonly string[] = [], timeoutMs = 15000): Promise<LocalServer> {
  const child = spawn(process.execPath, [path.join(repoRoot, 'server', 'dist', 'main.mjs'), '--port', '0', ...args], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise<LocalServer>((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`the server printed no ready line within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = READY_LINE.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ baseUrl: match[1], modelId: match[2], process: child, output: () => output, stop });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString('utf8'); });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code ?? signal}) before it was ready:\n${output}`));
    });
  });
}

/** Runs the server CLI to completion and returns its exit code and output (for flag errors). */
export function runServerCli(args: readonly string[], timeoutMs = 15000): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [path.join(repoRoot, 'server', 'dist', 'main.mjs'), ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString('utf8'); });
  child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString('utf8'); });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server CLI did not exit within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/** POSTs JSON to `{baseUrl}/completions` and returns the status and parsed body. */
export async function postCompletion(baseUrl: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const response = await fetch(`${baseUrl}/completions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
}

/** POSTs a streaming request and returns the parsed `data:` events (the final `[DONE]` as the string). */
export async function postStream(baseUrl: string, body: Record<string, unknown>): Promise<{ contentType: string | null; events: any[] }> {
  const response = await fetch(`${baseUrl}/completions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...body, stream: true }),
  });
  const text = await response.text();
  const events = text.split('\n\n').filter((block) => block.startsWith('data: '))
    .map((block) => block.slice('data: '.length))
    .map((data) => (data === '[DONE]' ? data : JSON.parse(data)));
  return { contentType: response.headers.get('content-type'), events };
}
