import * as assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { ConnectionError, IncompleteStreamError, ResponseValidationError, SDKError } from '../../../src/client';
import { collect, quickRetries, rejectionOf, sendJson, startClientFixture, type ClientFixture } from './fixtures';

function event(text: string, extra: Record<string, unknown> = {}): string {
  return `data: ${JSON.stringify({ id: 'cmpl-s', object: 'text_completion', created: 1, model: 'm', choices: [{ text, index: 0, finish_reason: null, logprobs: null }], ...extra })}\n\n`;
}

/** Writes each piece as its own write, waiting for it to be flushed before the next. */
async function writePieces(res: ServerResponse, pieces: Array<string | Buffer>): Promise<void> {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  res.flushHeaders();
  for (const piece of pieces) await new Promise<void>((resolve) => res.write(piece, () => resolve()));
  res.end();
}

describe('client: streaming completions', () => {
  let fixture: ClientFixture;
  let pieces: Array<string | Buffer> = [];
  let reply: ((res: ServerResponse) => void | Promise<void>) | undefined;
  beforeEach(async () => {
    reply = undefined;
    fixture = await startClientFixture((_req, res) => (reply ? reply(res) : writePieces(res, pieces)));
  });
  afterEach(() => fixture.stop());

  const texts = async () =>
    (await collect(fixture.gpt.completions.createCompletionStream({ model: 'm', prompt: 'x', maxTokens: 5 }))).map((chunk) => chunk.choices[0]?.text);

  it('sends stream: true and asks for an event stream', async () => {
    pieces = [event('a'), 'data: [DONE]\n\n'];
    await texts();
    const { body, headers } = fixture.server.requests[0];
    assert.deepEqual(JSON.parse(body), { model: 'm', prompt: 'x', max_tokens: 5, stream: true });
    assert.equal(headers.accept, 'text/event-stream');
  });

  it('takes a whole JSON completion from a server that ignores stream: true as one chunk', async () => {
    reply = (res) => sendJson(res, 200, { id: 'c', object: 'text_completion', created: 1, model: 'm', choices: [{ text: 'whole answer', index: 0, finish_reason: 'stop', logprobs: null }] });
    assert.deepEqual(await texts(), ['whole answer']);
  });

  it('throws ResponseValidationError for an HTML page answered with 200 to a stream request', async () => {
    reply = (res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<html><body>Please log in to the proxy</body></html>');
    };
    const error = await rejectionOf(texts());
    assert.ok(error instanceof ResponseValidationError, String(error));
  });

  it('yields each chunk in order and ends at [DONE]', async () => {
    pieces = [event('Hel'), event('lo'), event('!'), 'data: [DONE]\n\n'];
    assert.deepEqual(await texts(), ['Hel', 'lo', '!']);
  });

  it('maps chunk fields to camelCase, including the final usage-only chunk', async () => {
    pieces = [
      event('x', { choices: [{ text: 'x', index: 0, finish_reason: 'stop', logprobs: { tokens: ['x'], token_logprobs: [-0.2], top_logprobs: [{ x: -0.2 }], text_offset: [1] } }] }),
      event('', { choices: [], usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } }),
      'data: [DONE]\n\n',
    ];
    const chunks = await collect(fixture.gpt.completions.createCompletionStream({ model: 'm', prompt: 'x', streamOptions: { includeUsage: true } }));
    assert.equal(chunks[0].choices[0].finishReason, 'stop');
    assert.deepEqual(chunks[0].choices[0].logprobs?.tokenLogprobs, [-0.2]);
    assert.deepEqual(chunks[1].choices, []);
    assert.deepEqual(chunks[1].usage, { promptTokens: 1, completionTokens: 1, totalTokens: 2 });
  });

  it('reassembles events split mid-line, mid-JSON and inside a multi-byte character', async () => {
    const whole = Buffer.from(`${event('naïve 🎉')}${event('ok')}data: [DONE]\n\n`);
    const emoji = whole.indexOf(Buffer.from('🎉'));
    pieces = [whole.subarray(0, 3), whole.subarray(3, 20), whole.subarray(20, emoji + 2), whole.subarray(emoji + 2)];
    assert.deepEqual(await texts(), ['naïve 🎉', 'ok']);
  });

  it('accepts \\r\\n event separators and keep-alive comments', async () => {
    pieces = [': ping\r\n\r\n', event('a').replace(/\n/g, '\r\n'), 'data: [DONE]\r\n\r\n'];
    assert.deepEqual(await texts(), ['a']);
  });

  it('throws IncompleteStreamError, a ConnectionError, when the stream ends before [DONE]', async () => {
    pieces = [event('partial')];
    const received: string[] = [];
    const err = await rejectionOf(
      (async () => {
        for await (const chunk of fixture.gpt.completions.createCompletionStream({ model: 'm', prompt: 'x' })) received.push(chunk.choices[0].text);
      })(),
    );
    assert.deepEqual(received, ['partial']);
    assert.ok(err instanceof IncompleteStreamError && err instanceof ConnectionError, String(err));
  });

  it('throws IncompleteStreamError when the connection breaks mid-event', async () => {
    reply = async (res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      await new Promise<void>((resolve) => res.write(`${event('a')}data: {"choi`, () => resolve()));
      res.socket?.destroy();
    };
    assert.ok((await rejectionOf(texts())) instanceof ConnectionError);
  });

  it('accepts a final [DONE] without its blank line', async () => {
    pieces = [event('a'), 'data: [DONE]'];
    assert.deepEqual(await texts(), ['a']);
  });

  it('throws SDKError with the server message for an error event inside the stream', async () => {
    pieces = [event('a'), `data: ${JSON.stringify({ error: { message: 'model crashed', type: 'server_error' } })}\n\n`];
    const err = await rejectionOf(texts());
    assert.ok(err instanceof SDKError, String(err));
    assert.equal(err.message, 'API error in stream: model crashed');
    assert.equal(err.details?.type, 'server_error');
  });

  it('takes the status from a numeric HTTP code in a stream error event', async () => {
    pieces = [`data: ${JSON.stringify({ error: { message: 'slow down', code: 429 } })}\n\n`];
    const err = await rejectionOf(texts());
    assert.ok(err instanceof SDKError);
    assert.equal(err.statusCode, 429);
  });

  it('throws SDKError for a named error event with plain-text data', async () => {
    pieces = [event('a'), 'event: error\ndata: backend exploded\n\n'];
    const err = await rejectionOf(texts());
    assert.ok(err instanceof SDKError, String(err));
    assert.equal(err.message, 'API error in stream: backend exploded');
  });

  it('yields a chunk whose text mentions "error" as text', async () => {
    pieces = [event('throw new Error("error")'), 'data: [DONE]\n\n'];
    assert.deepEqual(await texts(), ['throw new Error("error")']);
  });

  it('throws ResponseValidationError for a chunk that is not JSON', async () => {
    pieces = ['data: {oops\n\n', 'data: [DONE]\n\n'];
    assert.ok((await rejectionOf(texts())) instanceof ResponseValidationError);
  });

  it('throws SDKError when the server refuses to start the stream', async () => {
    reply = (res) => sendJson(res, 400, { error: { message: 'stream not supported' } });
    const err = await rejectionOf(texts());
    assert.ok(err instanceof SDKError);
    assert.equal(err.message, 'API error 400: stream not supported');
  });

  it('retries opening a stream on 503 and then streams', async () => {
    await fixture.stop();
    let calls = 0;
    fixture = await startClientFixture(
      (_req, res) => (calls++ === 0 ? sendJson(res, 503, { error: { message: 'warming up' } }) : writePieces(res, [event('up'), 'data: [DONE]\n\n'])),
      { retryConfig: quickRetries },
    );
    assert.deepEqual(await texts(), ['up']);
    assert.equal(fixture.server.requests.length, 2);
  });

  it('streams 1000 chunks', async () => {
    pieces = [...Array.from({ length: 1000 }, (_, i) => event(`t${i} `)), 'data: [DONE]\n\n'];
    const received = await texts();
    assert.equal(received.length, 1000);
    assert.equal(received[999], 't999 ');
  });
});
