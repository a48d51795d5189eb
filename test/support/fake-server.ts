import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A scriptable OpenAI-style Completions server on 127.0.0.1 for tests that need control:
 * fixed answers, n choices, logprobs, SSE streams with delays, errors, hangs and cut streams,
 * with every request recorded.
 *
 * @example
 * const server = await startFakeServer();
 * server.script(answers.text(' world'));
 * // ... point the client at server.baseUrl and send a request ...
 * const request = await server.waitForRequest(1);
 * assert.equal(request.body.prompt, 'hello');
 * await server.close();
 */

/** One token of a scripted completion, with the logprobs reported for it. */
export interface ScriptedToken {
  text: string;
  logprob: number;
  /** Alternatives shown in `top_logprobs`; the token itself is always added. */
  top?: Record<string, number>;
}

/** One scripted choice: plain text (split into word tokens) or explicit tokens. */
export type ScriptedChoice = string | { tokens: ScriptedToken[]; finishReason?: FinishReason };

export type FinishReason = 'stop' | 'length' | 'content_filter';

/** How a completion answer is delivered. */
export interface DeliveryOptions {
  /** Wait this long before the first byte (headers) is sent. */
  latencyMs?: number;
  /** When the request streams: wait this long between SSE events. */
  chunkDelayMs?: number;
  /** When the request streams: destroy the connection after this many content events. */
  cutAfterChunks?: number;
  finishReason?: FinishReason;
  /** Answer as a server that ignores `logprobs`: never any, even when asked. */
  withoutLogprobs?: boolean;
  /**
   * The token counts reported as `usage` (in the JSON body, or in a last chunk when the request asks
   * with `stream_options.include_usage`); default 1 prompt token and one per completion token.
   */
  usage?: { promptTokens: number; completionTokens: number };
}

export type ScriptedAnswer =
  | ({ kind: 'completion'; choices: ScriptedChoice[] } & DeliveryOptions)
  | { kind: 'error'; status: number; body: string | object; contentType?: string; latencyMs?: number }
  | { kind: 'models'; ids: string[]; latencyMs?: number }
  | { kind: 'hang' };

/** Builders for scripted answers, named as a test would say them. */
export const answers = {
  /** One choice with this text (streamed if the request asks to stream). */
  text: (text: string, options: DeliveryOptions = {}): ScriptedAnswer =>
    ({ kind: 'completion', choices: [text], ...options }),
  /** Several choices, as for a request with `n` > 1. */
  choices: (choices: ScriptedChoice[], options: DeliveryOptions = {}): ScriptedAnswer =>
    ({ kind: 'completion', choices, ...options }),
  /** One choice with explicit tokens and logprobs. */
  tokens: (tokens: ScriptedToken[], options: DeliveryOptions = {}): ScriptedAnswer =>
    ({ kind: 'completion', choices: [{ tokens }], ...options }),
  /** An OpenAI-style JSON error body with this status. */
  jsonError: (status: number, message: string, type = 'invalid_request_error'): ScriptedAnswer =>
    ({ kind: 'error', status, body: { error: { message, type, param: null, code: null } } }),
  /** A raw body with this status, as gateways answer (HTML by default). */
  rawError: (status: number, body: string, contentType = 'text/html'): ScriptedAnswer =>
    ({ kind: 'error', status, body, contentType }),
  /** The model list answered by GET /v1/models. */
  models: (ids: string[]): ScriptedAnswer => ({ kind: 'models', ids }),
  /** Never answers: the connection stays open until the client gives up or the server closes. */
  hang: (): ScriptedAnswer => ({ kind: 'hang' }),
};

/** A request the server received. */
export interface RecordedRequest {
  /** 1-based position in arrival order. */
  index: number;
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  /** The parsed JSON body, or undefined when the body is empty or not JSON. */
  body: any;
  rawBody: string;
  /** Settles when the exchange ends: 'completed' if the answer was sent, 'aborted' if the client left first. */
  ended: Promise<'completed' | 'aborted'>;
}

export interface FakeServerOptions {
  /** Answered to completions requests when the script is empty (default: a 500 naming the request). */
  defaultAnswer?: ScriptedAnswer;
  /** Models listed by GET /v1/models when not scripted (default: ['fake-model']). */
  models?: string[];
}

/** A running fake server. */
export interface FakeCompletionServer {
  /** `http://127.0.0.1:PORT/v1`: what a client takes as its server URL. */
  readonly baseUrl: string;
  readonly requests: readonly RecordedRequest[];
  /** Queues answers for the next completions requests, in order. */
  script(...answers: ScriptedAnswer[]): void;
  /** Queues answers for the next GET /v1/models requests, in order. */
  scriptModels(...answers: ScriptedAnswer[]): void;
  /** Resolves with the nth request (1-based) once it has arrived; rejects after the deadline. */
  waitForRequest(n: number, timeoutMs?: number): Promise<RecordedRequest>;
  /** Resolves with the first request (already arrived or still to come) that matches; rejects after the deadline. */
  waitForRequestWhere(matches: (request: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
  /** Stops listening and drops every open connection, hanging ones included. */
  close(): Promise<void>;
}

/** Starts a fake server on a free port of 127.0.0.1. */
export async function startFakeServer(options: FakeServerOptions = {}): Promise<FakeCompletionServer> {
  const completionScript: ScriptedAnswer[] = [];
  const modelScript: ScriptedAnswer[] = [];
  const requests: RecordedRequest[] = [];
  const waiters: Array<() => void> = [];
  const modelIds = options.models ?? ['fake-model'];

  const server = http.createServer((req, res) => {
    collectBody(req).then((rawBody) => {
      const recorded = record(req, res, rawBody, requests.length + 1);
      requests.push(recorded);
      waiters.splice(0).forEach((wake) => wake());
      const route = routeOf(req);
      const answer = route === 'completions'
        ? completionScript.shift() ?? options.defaultAnswer ?? unscripted(recorded.index)
        : route === 'models'
          ? modelScript.shift() ?? answers.models(modelIds)
          : answers.jsonError(404, `fake server: no route for ${req.method} ${req.url}`);
      return deliver(answer, recorded, res);
    }).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(err));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    script: (...more) => { completionScript.push(...more); },
    scriptModels: (...more) => { modelScript.push(...more); },
    waitForRequest: (n, timeoutMs = 10_000) => waitFor(() => requests[n - 1], waiters, timeoutMs,
      () => `fake server: request #${n} did not arrive within ${timeoutMs} ms (${requests.length} arrived)`),
    waitForRequestWhere: (matches, timeoutMs = 10_000) => waitFor(() => requests.find(matches), waiters, timeoutMs,
      () => `fake server: no matching request within ${timeoutMs} ms (${requests.length} arrived)`),
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

function routeOf(req: http.IncomingMessage): 'completions' | 'models' | 'unknown' {
  const path = (req.url ?? '').split('?')[0].replace(/\/+$/, '');
  if (req.method === 'POST' && path.endsWith('/completions')) return 'completions';
  if (req.method === 'GET' && path.endsWith('/models')) return 'models';
  return 'unknown';
}

function unscripted(index: number): ScriptedAnswer {
  return answers.jsonError(500, `fake server: no answer scripted for request #${index}`, 'server_error');
}

function collectBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function record(req: http.IncomingMessage, res: http.ServerResponse, rawBody: string, index: number): RecordedRequest {
  let body: unknown;
  try { body = rawBody ? JSON.parse(rawBody) : undefined; } catch { body = undefined; }
  const ended = new Promise<'completed' | 'aborted'>((resolve) => {
    res.on('close', () => resolve(res.writableFinished ? 'completed' : 'aborted'));
  });
  return { index, method: req.method ?? '', path: req.url ?? '', headers: req.headers, body, rawBody, ended };
}

async function deliver(answer: ScriptedAnswer, request: RecordedRequest, res: http.ServerResponse): Promise<void> {
  if (answer.kind === 'hang') return;
  if (answer.latencyMs) await delay(answer.latencyMs, res);
  if (res.destroyed) return;
  switch (answer.kind) {
    case 'error': {
      const json = typeof answer.body !== 'string';
      const text = json ? JSON.stringify(answer.body) : answer.body as string;
      res.writeHead(answer.status, { 'content-type': answer.contentType ?? (json ? 'application/json' : 'text/html') });
      res.end(text);
      return;
    }
    case 'models':
      sendJson(res, { object: 'list', data: answer.ids.map((id) => ({ id, object: 'model', created: 0, owned_by: 'fake' })) });
      return;
    case 'completion':
      if (request.body?.stream === true) await stream(answer, request, res);
      else sendJson(res, completionBody(answer, request));
  }
}

function sendJson(res: http.ServerResponse, body: unknown): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

type CompletionAnswer = Extract<ScriptedAnswer, { kind: 'completion' }>;

function completionBody(answer: CompletionAnswer, request: RecordedRequest): object {
  const promptLength = promptText(request).length;
  const choices = answer.choices.map((choice, index) => {
    const tokens = tokensOf(choice);
    return {
      text: tokens.map((t) => t.text).join(''),
      index,
      logprobs: wantsLogprobs(request) && !answer.withoutLogprobs ? logprobsOf(tokens, promptLength) : null,
      finish_reason: finishReasonOf(choice, answer),
    };
  });
  return { ...envelope(request), choices, usage: usageOf(answer) };
}

function usageOf(answer: CompletionAnswer): object {
  const promptTokens = answer.usage?.promptTokens ?? 1;
  const completionTokens = answer.usage?.completionTokens ?? answer.choices.reduce((sum: number, choice) => sum + tokensOf(choice).length, 0);
  return { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens };
}

function wantsStreamUsage(request: RecordedRequest): boolean {
  return request.body?.stream_options?.include_usage === true;
}

/** Streams one SSE event per token and choice, then the finish events and [DONE]. */
async function stream(answer: CompletionAnswer, request: RecordedRequest, res: http.ServerResponse): Promise<void> {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const promptLength = promptText(request).length;
  const events: object[] = [];
  answer.choices.forEach((choice, index) => {
    let offset = promptLength;
    for (const token of tokensOf(choice)) {
      const logprobs = wantsLogprobs(request) && !answer.withoutLogprobs ? logprobsOf([token], offset) : null;
      events.push({ ...envelope(request), choices: [{ text: token.text, index, logprobs, finish_reason: null }] });
      offset += token.text.length;
    }
  });
  let sent = 0;
  for (const event of events) {
    if (answer.cutAfterChunks !== undefined && sent >= answer.cutAfterChunks) {
      res.destroy();
      return;
    }
    if (sent > 0 && answer.chunkDelayMs) await delay(answer.chunkDelayMs, res);
    if (res.destroyed) return;
    await write(res, `data: ${JSON.stringify(event)}\n\n`);
    sent++;
  }
  if (answer.cutAfterChunks !== undefined && sent >= answer.cutAfterChunks) {
    res.destroy();
    return;
  }
  answer.choices.forEach((choice, index) => {
    const finish = { ...envelope(request), choices: [{ text: '', index, logprobs: null, finish_reason: finishReasonOf(choice, answer) }] };
    res.write(`data: ${JSON.stringify(finish)}\n\n`);
  });
  if (wantsStreamUsage(request)) res.write(`data: ${JSON.stringify({ ...envelope(request), choices: [], usage: usageOf(answer) })}\n\n`);
  res.end('data: [DONE]\n\n');
}

function envelope(request: RecordedRequest): object {
  return {
    id: `cmpl-fake-${request.index}`,
    object: 'text_completion',
    created: Math.floor(Date.now() / 1000),
    model: typeof request.body?.model === 'string' ? request.body.model : 'fake-model',
  };
}

function finishReasonOf(choice: ScriptedChoice, answer: CompletionAnswer): FinishReason {
  return (typeof choice === 'string' ? undefined : choice.finishReason) ?? answer.finishReason ?? 'stop';
}

/** Plain text becomes word-sized tokens (a word with its leading spaces), each with logprob -0.1. */
function tokensOf(choice: ScriptedChoice): ScriptedToken[] {
  if (typeof choice !== 'string') return choice.tokens;
  return (choice.match(/\s*\S+|\s+/g) ?? []).map((text) => ({ text, logprob: -0.1 }));
}

function logprobsOf(tokens: ScriptedToken[], startOffset: number): object {
  const textOffset: number[] = [];
  let offset = startOffset;
  for (const token of tokens) {
    textOffset.push(offset);
    offset += token.text.length;
  }
  return {
    tokens: tokens.map((t) => t.text),
    token_logprobs: tokens.map((t) => t.logprob),
    top_logprobs: tokens.map((t) => ({ ...t.top, [t.text]: t.logprob })),
    text_offset: textOffset,
  };
}

function wantsLogprobs(request: RecordedRequest): boolean {
  return typeof request.body?.logprobs === 'number';
}

function promptText(request: RecordedRequest): string {
  const prompt = request.body?.prompt;
  return typeof prompt === 'string' ? prompt : '';
}

/** Writes and waits until the data is handed to the socket, so a scripted cut comes after it. */
function write(res: http.ServerResponse, data: string): Promise<void> {
  return new Promise((resolve) => res.write(data, () => resolve()));
}

/** Waits, unless the client goes away first (then the answer is moot). */
function delay(ms: number, res: http.ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    // The close listener goes when the delay ends, so a long stream does not pile one up per chunk.
    const onClose = (): void => { clearTimeout(timer); resolve(); };
    const timer = setTimeout(() => { res.off('close', onClose); resolve(); }, ms);
    res.once('close', onClose);
  });
}

function waitFor<T>(probe: () => T | undefined, waiters: Array<() => void>, timeoutMs: number,
  describeTimeout: () => string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(describeTimeout())), timeoutMs);
    const check = (): void => {
      const value = probe();
      if (value !== undefined) {
        clearTimeout(timer);
        resolve(value);
      } else {
        waiters.push(check);
      }
    };
    check();
  });
}
