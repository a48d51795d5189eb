import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

/** How fast the oracle "generates": a fixed time to the first token, then a fixed time per token. */
export interface OracleLatency {
  firstTokenMs: number;
  perTokenMs: number;
}

/** What the oracle saw of one completion request. */
export interface OracleRequestRecord {
  arrivedAt: number;
  /** The request's prompt and suffix as sent. */
  prompt: string;
  suffix: string;
  stream: boolean;
  maxTokens: number;
  /** Tokens the answer would have had if nobody left early. */
  plannedTokens: number;
  /** Tokens generated before the end or the client's departure. */
  generatedTokens: number;
  /** What the oracle would have answered in full, and what it wrote before the end or the client's departure. */
  planned: string;
  written: string;
  /** When the first token was written, and when the first line of the answer was complete (its first newline written), if they were. */
  firstTokenAt?: number;
  firstLineAt?: number;
  endedAt?: number;
  aborted: boolean;
  /** Whether the prompt was found in a benchmark file (false: answered with nothing). */
  matched: boolean;
}

/** A running oracle server. */
export interface OracleServer {
  /** `http://127.0.0.1:PORT/v1` */
  readonly baseUrl: string;
  readonly requests: OracleRequestRecord[];
  /** Forgets the requests recorded so far (between benchmark runs). */
  reset(): void;
  close(): Promise<void>;
}

/** Characters per "token": the oracle cuts its answers into pieces of this size (and at newlines). */
export const CHARS_PER_TOKEN = 4;
/** How much of the prompt's end is looked for in the files when the prompt is not a file's start. */
const PROMPT_TAIL_CHARS = 120;
/** How much of the suffix's start marks where the answer must end: the longest of these found after the prompt. */
const SUFFIX_HEAD_CHARS = [80, 40, 20, 10];

/**
 * An OpenAI-style Completions server that knows the benchmark files and answers every prompt with the
 * file's true continuation (an oracle model), so the benchmark measures the extension, not a model.
 * It generates at a fixed pace and counts requests, abandoned requests and tokens generated.
 */
export async function startOracleServer(files: readonly string[], latency: OracleLatency): Promise<OracleServer> {
  const requests: OracleRequestRecord[] = [];
  const server = http.createServer((req, res) => {
    void handle(req, res).catch(() => res.destroy());
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const body = await readBody(req);
    if (req.method === 'GET' && req.url?.endsWith('/models')) {
      sendJson(res, { object: 'list', data: [{ id: 'oracle', object: 'model', created: 0, owned_by: 'bench' }] });
      return;
    }
    if (req.method !== 'POST' || !req.url?.endsWith('/completions')) {
      res.writeHead(404).end();
      return;
    }
    const request = JSON.parse(body) as { prompt?: string; suffix?: string; max_tokens?: number; stop?: string | string[]; stream?: boolean };
    const continuation = trueContinuation(files, request.prompt ?? '', request.suffix ?? '');
    const maxTokens = request.max_tokens ?? 16;
    const { tokens, finishReason } = planAnswer(continuation ?? '', maxTokens, stopsOf(request.stop));
    const record: OracleRequestRecord = {
      arrivedAt: Date.now(), prompt: request.prompt ?? '', suffix: request.suffix ?? '', stream: request.stream === true, maxTokens,
      plannedTokens: tokens.length, planned: tokens.join(''), written: '', generatedTokens: 0, aborted: false, matched: continuation !== undefined,
    };
    requests.push(record);
    await answer(res, record, tokens, finishReason, latency);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    reset: () => { requests.length = 0; },
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/**
 * The text that follows `prompt` in one of the files, up to where `suffix` starts; undefined when the
 * prompt is in no file. A prompt that is a file's start is the usual case; otherwise its tail is searched.
 */
export function trueContinuation(files: readonly string[], prompt: string, suffix: string): string | undefined {
  for (const file of files) {
    let at = file.startsWith(prompt) ? prompt.length : -1;
    if (at < 0 && prompt.length > 0) {
      const tail = prompt.slice(-PROMPT_TAIL_CHARS);
      const found = file.indexOf(tail);
      if (found >= 0 && tail.length >= 8) at = found + tail.length;
    }
    if (at < 0) at = startOfFileEnding(prompt, file);
    if (at < 0) continue;
    return file.slice(at, suffixStart(file, at, suffix));
  }
  return undefined;
}

/**
 * Where `suffix` begins in `file` after `at`: found by its first 80 characters, or fewer when the suffix
 * holds text the file does not have further on (a later hole, closers the editor inserted); the file's end
 * when no start of it is found or the suffix is only whitespace.
 */
function suffixStart(file: string, at: number, suffix: string): number {
  // Blank lines at the end of a document say nothing about where the answer ends.
  if (suffix.trim() === '') return file.length;
  for (const length of SUFFIX_HEAD_CHARS) {
    const head = suffix.slice(0, length);
    if (head === '' || (head.length < length && length !== SUFFIX_HEAD_CHARS[0])) continue;
    const found = file.indexOf(head, at);
    if (found >= 0) return found;
  }
  return file.length;
}

/**
 * The length of the longest start of `file` (at least 8 characters, shorter than the tail searched
 * above) that `prompt` ends with, or -1: a prompt whose head is something else, such as context from
 * other files, and whose end is the start of the file being typed.
 */
function startOfFileEnding(prompt: string, file: string): number {
  for (let length = Math.min(prompt.length, file.length, PROMPT_TAIL_CHARS); length >= 8; length--) {
    if (prompt.endsWith(file.slice(0, length))) return length;
  }
  return -1;
}

/** Cuts `text` into tokens (at most CHARS_PER_TOKEN characters, a newline ends one), up to the limit or a stop. */
export function planAnswer(text: string, maxTokens: number, stops: readonly string[]): { tokens: string[]; finishReason: 'stop' | 'length' } {
  let usable = text;
  for (const stop of stops) {
    const at = stop ? usable.indexOf(stop) : -1;
    if (at >= 0) usable = usable.slice(0, at);
  }
  const tokens = oracleTokens(usable, maxTokens);
  // Cut short by max_tokens: 'length'; ended at a stop or at the end of the file: 'stop'.
  return { tokens, finishReason: tokens.join('').length < usable.length ? 'length' : 'stop' };
}

/** Cuts text into the oracle's tokens: at most CHARS_PER_TOKEN characters, a newline ends one. */
export function oracleTokens(text: string, maxTokens = Infinity): string[] {
  const tokens: string[] = [];
  let rest = text;
  while (rest.length > 0 && tokens.length < maxTokens) {
    const newline = rest.indexOf('\n');
    const size = newline >= 0 && newline < CHARS_PER_TOKEN ? newline + 1 : CHARS_PER_TOKEN;
    tokens.push(rest.slice(0, size));
    rest = rest.slice(size);
  }
  return tokens;
}

function stopsOf(stop: string | string[] | undefined): string[] {
  if (stop === undefined) return [];
  return Array.isArray(stop) ? stop : [stop];
}

/**
 * Generates the tokens at the oracle's pace and writes them (one SSE event each when streaming; the
 * whole text at the end otherwise). A client that leaves stops generation: only tokens made so far count.
 */
async function answer(
  res: http.ServerResponse,
  record: OracleRequestRecord,
  tokens: string[],
  finishReason: string,
  latency: OracleLatency,
): Promise<void> {
  let gone = false;
  res.on('close', () => {
    if (!res.writableFinished) {
      gone = true;
      record.aborted = true;
      record.endedAt ??= Date.now();
    }
  });
  const started = Date.now();
  let written = '';
  for (let i = 0; i < tokens.length; i++) {
    // Token i is ready at first-token time + i * per-token time after arrival (no drift across tokens).
    const readyAt = started + latency.firstTokenMs + i * latency.perTokenMs;
    await sleep(readyAt - Date.now());
    if (gone) return;
    record.generatedTokens++;
    record.firstTokenAt ??= Date.now();
    written += tokens[i];
    record.written = written;
    if (record.firstLineAt === undefined && /\S[^\n]*\n/.test(written)) record.firstLineAt = Date.now();
    if (record.stream) {
      if (i === 0) res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      res.write(`data: ${JSON.stringify(chunk(tokens[i]!, null))}\n\n`);
    }
  }
  if (tokens.length === 0) await sleep(started + latency.firstTokenMs - Date.now());
  if (gone) return;
  record.endedAt = Date.now();
  if (record.stream) {
    if (!res.headersSent) res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    res.write(`data: ${JSON.stringify(chunk('', finishReason))}\n\n`);
    res.end('data: [DONE]\n\n');
  } else {
    sendJson(res, { ...envelope(), choices: [{ text: written, index: 0, logprobs: null, finish_reason: finishReason }],
      usage: { prompt_tokens: 0, completion_tokens: tokens.length, total_tokens: tokens.length } });
  }
}

function chunk(text: string, finishReason: string | null): object {
  return { ...envelope(), choices: [{ text, index: 0, logprobs: null, finish_reason: finishReason }] };
}

function envelope(): object {
  return { id: 'cmpl-oracle', object: 'text_completion', created: Math.floor(Date.now() / 1000), model: 'oracle' };
}

function sendJson(res: http.ServerResponse, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (part: Buffer) => parts.push(part));
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}

function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
