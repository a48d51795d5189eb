import * as assert from 'node:assert/strict';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { RequestTimeoutError, SDKError } from '../../../src/client';
import { AttemptSignal, CallDeadline, DeadlineWatch } from '../../../src/client/lib/deadline';
import { withinDeadline } from '../../support/http-server';
import { collect, rejectionOf, sendJson, startClientFixture, waitFor, type ClientFixture } from './fixtures';

/** Calls `write` every `everyMs` until the client hangs up. */
function trickle(req: IncomingMessage, everyMs: number, write: () => void): void {
  const timer = setInterval(write, everyMs);
  req.socket.once('close', () => clearInterval(timer));
}

const timeoutMs = 400;
// Generous for a loaded machine, yet far below what any trickle here would last without the deadline.
const allowedMs = timeoutMs + 1500;

/** Awaits `call` expecting a RequestTimeoutError within the allowed time; returns how long it took. */
async function timesOut(call: Promise<unknown>): Promise<number> {
  const started = Date.now();
  const err = await withinDeadline(rejectionOf(call), 10_000, 'the timeout');
  const elapsed = Date.now() - started;
  assert.ok(err instanceof RequestTimeoutError, String(err));
  assert.equal(err.timeoutMs, timeoutMs);
  assert.ok(elapsed >= timeoutMs - 20, `ended after ${elapsed} ms, before the deadline`);
  assert.ok(elapsed < allowedMs, `ended after ${elapsed} ms`);
  return elapsed;
}

describe('client: timeoutMs bounds the whole request', () => {
  let fixture: ClientFixture;
  let reply: (req: IncomingMessage, res: ServerResponse) => void;
  beforeEach(async () => {
    fixture = await startClientFixture((req, res) => reply(req, res), { timeoutMs });
  });
  afterEach(() => fixture.stop());

  it('ends createCompletion whose JSON body arrives one byte at a time', async () => {
    reply = (req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"choices": [');
      trickle(req, 50, () => res.write(' '));
    };
    await timesOut(fixture.gpt.completions.createCompletion({ model: 'm', prompt: 'x' }));
    await withinDeadline(fixture.server.requests[0].socketClosed, 2000, 'the connection closing');
  });

  it('ends createCompletionStream kept open by a ": ping" comment every 50 ms', async () => {
    reply = (req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      trickle(req, 50, () => res.write(': ping\n\n'));
    };
    await timesOut(collect(fixture.gpt.completions.createCompletionStream({ model: 'm', prompt: 'x' })));
    await withinDeadline(fixture.server.requests[0].socketClosed, 2000, 'the connection closing');
  });

  it('ends a stream that keeps sending text past the deadline, after yielding what came in time', async () => {
    reply = (req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      trickle(req, 50, () => res.write(`data: ${JSON.stringify({ choices: [{ text: 'a', index: 0 }] })}\n\n`));
    };
    const texts: string[] = [];
    await timesOut(
      (async () => {
        for await (const chunk of fixture.gpt.completions.createCompletionStream({ model: 'm', prompt: 'x' })) texts.push(chunk.choices[0].text);
      })(),
    );
    assert.ok(texts.length > 0);
  });

  it('ends listModels whose body trickles', async () => {
    reply = (req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"data": [');
      trickle(req, 50, () => res.write(' '));
    };
    await timesOut(fixture.gpt.models.listModels());
  });

  it('ends a request whose server sends informational 103 responses and never a final one', async () => {
    reply = (req, res) => trickle(req, 50, () => res.writeEarlyHints({ link: '</a>; rel=preload' }));
    await timesOut(fixture.gpt.completions.createCompletion({ model: 'm', prompt: 'x' }));
  });

  it('ends the retries of a failing server at the deadline with the last error', async () => {
    reply = (_req, res) => sendJson(res, 503, { error: { message: 'busy' } });
    const started = Date.now();
    const err = await rejectionOf(fixture.gpt.completions.createCompletion({ model: 'm', prompt: 'x' }, { retries: { strategy: 'backoff', backoff: { initialInterval: 100, maxInterval: 100, exponent: 1, maxElapsedTime: 60_000 } } }));
    assert.ok(err instanceof SDKError, String(err));
    assert.ok(Date.now() - started < allowedMs, `retried for ${Date.now() - started} ms`);
  });

  it('answers a call that finishes in time', async () => {
    reply = (_req, res) => sendJson(res, 200, { choices: [{ text: 'fine', index: 0 }] });
    const { createCompletionResponse } = await fixture.gpt.completions.createCompletion({ model: 'm', prompt: 'x' });
    assert.equal(createCompletionResponse.choices[0].text, 'fine');
  });
});

describe('client: the deadline watch', () => {
  const attempt = (timeoutMs: number, watch: DeadlineWatch, caller?: AbortSignal) => {
    const signal = new AttemptSignal(caller, new CallDeadline(timeoutMs), watch);
    let fired = false;
    const listener = () => { fired = true; };
    signal.addEventListener('abort', listener);
    return { signal, listener, fired: () => fired };
  };

  it('aborts an attempt once its deadline has passed, with a RequestTimeoutError as the reason', async () => {
    const watch = new DeadlineWatch();
    const started = Date.now();
    const watched = attempt(100, watch);
    await waitFor(watched.fired, 2000);
    assert.ok(Date.now() - started >= 100);
    assert.ok(watched.signal.aborted);
    assert.ok(watched.signal.reason instanceof RequestTimeoutError);
  });

  it('leaves alone an attempt that undici let go of before its deadline', async () => {
    const watch = new DeadlineWatch();
    const finished = attempt(100, watch);
    finished.signal.removeEventListener('abort', finished.listener);
    const running = attempt(100, watch);
    await waitFor(running.fired, 2000);
    assert.equal(finished.fired(), false);
    assert.equal(finished.signal.aborted, false);
  });

  it('passes the caller\'s abort on, with the caller\'s reason', () => {
    const caller = new AbortController();
    const watched = attempt(60_000, new DeadlineWatch(), caller.signal);
    caller.abort(new Error('typed on'));
    assert.ok(watched.fired());
    assert.equal((watched.signal.reason as Error).message, 'typed on');
    watched.signal.removeEventListener('abort', watched.listener);
  });
});

