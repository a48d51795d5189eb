import * as assert from 'node:assert/strict';
import { RequestAbortedError, RequestTimeoutError } from '../../../src/client';
import { withinDeadline } from '../../support/http-server';
import { collect, rejectionOf, startClientFixture, waitFor, type ClientFixture } from './fixtures';

describe('client: timeouts and aborts', () => {
  let fixture: ClientFixture;
  let answer: 'never' | 'stream-then-stall' = 'never';
  beforeEach(async () => {
    fixture = await startClientFixture((_req, res) => {
      if (answer === 'stream-then-stall') {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.write('data: {"choices":[{"text":"first","index":0}]}\n\n');
      }
      // otherwise: never answer
    });
  });
  afterEach(() => fixture.stop());

  const request = { model: 'm', prompt: 'x' };

  it('rejects with RequestTimeoutError when the server never answers within timeoutMs', async () => {
    answer = 'never';
    const err = await rejectionOf(fixture.gpt.completions.createCompletion(request, { timeoutMs: 100 }));
    assert.ok(err instanceof RequestTimeoutError, String(err));
    assert.equal(err.timeoutMs, 100);
  });

  it('uses the client timeoutMs when the call sets none', async () => {
    answer = 'never';
    await fixture.stop();
    fixture = await startClientFixture(() => {}, { timeoutMs: 80 });
    assert.ok((await rejectionOf(fixture.gpt.completions.createCompletion(request))) instanceof RequestTimeoutError);
  });

  it('rejects with RequestAbortedError and closes the socket when the caller aborts', async () => {
    answer = 'never';
    const controller = new AbortController();
    const pending = rejectionOf(fixture.gpt.completions.createCompletion(request, { signal: controller.signal }));
    await waitFor(() => fixture.server.requests.length === 1, 2000);
    controller.abort();
    assert.ok((await pending) instanceof RequestAbortedError);
    await withinDeadline(fixture.server.requests[0].socketClosed, 2000, 'server-side socket close');
  });

  it('rejects at once without sending when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const err = await rejectionOf(fixture.gpt.completions.createCompletion(request, { signal: controller.signal }));
    assert.ok(err instanceof RequestAbortedError);
    assert.equal(fixture.server.requests.length, 0);
  });

  it('times out a stream that goes silent between chunks', async () => {
    answer = 'stream-then-stall';
    const texts: string[] = [];
    const err = await rejectionOf(
      (async () => {
        for await (const chunk of fixture.gpt.completions.createCompletionStream(request, { timeoutMs: 150 })) texts.push(chunk.choices[0].text);
      })(),
    );
    assert.deepEqual(texts, ['first']);
    assert.ok(err instanceof RequestTimeoutError, String(err));
    await withinDeadline(fixture.server.requests[0].socketClosed, 2000, 'server-side socket close');
  });

  it('closes the socket when the caller aborts a stream', async () => {
    answer = 'stream-then-stall';
    const controller = new AbortController();
    const err = await rejectionOf(
      (async () => {
        for await (const _chunk of fixture.gpt.completions.createCompletionStream(request, { signal: controller.signal })) controller.abort();
      })(),
    );
    assert.ok(err instanceof RequestAbortedError, String(err));
    await withinDeadline(fixture.server.requests[0].socketClosed, 2000, 'server-side socket close');
  });

  it('closes the socket when the consumer breaks out of the stream', async () => {
    answer = 'stream-then-stall';
    for await (const _chunk of fixture.gpt.completions.createCompletionStream(request)) break;
    await withinDeadline(fixture.server.requests[0].socketClosed, 2000, 'server-side socket close');
  });

  it('closes the socket when a stream is aborted before its first chunk', async () => {
    answer = 'never';
    const controller = new AbortController();
    const pending = rejectionOf(collect(fixture.gpt.completions.createCompletionStream(request, { signal: controller.signal })));
    await waitFor(() => fixture.server.requests.length === 1, 2000);
    controller.abort();
    assert.ok((await pending) instanceof RequestAbortedError);
    await withinDeadline(fixture.server.requests[0].socketClosed, 2000, 'server-side socket close');
  });
});
