import * as assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { ConnectionError, Gpt, RequestAbortedError, SDKError, type RetryConfig } from '../../../src/client';
import { backoffDelay, parseRetryAfter } from '../../../src/client/lib/retries';
import { startHttpServer } from '../../support/http-server';
import { quickRetries, rejectionOf, sendJson, startClientFixture, waitFor, wireCompletion, type ClientFixture } from './fixtures';

/** Replies with the given statuses in turn, then with a completion. */
function failThenSucceed(statuses: number[], headers: Record<string, string> = {}) {
  let calls = 0;
  return (_req: unknown, res: ServerResponse) => {
    const status = statuses[calls++];
    if (status === undefined) sendJson(res, 200, wireCompletion('finally'));
    else sendJson(res, status, { error: { message: `try again (${status})` } }, headers);
  };
}

describe('client: retries', () => {
  let fixture: ClientFixture | undefined;
  afterEach(async () => {
    await fixture?.stop();
    fixture = undefined;
  });

  for (const status of [408, 409, 429, 500, 502, 503, 504]) {
    it(`retries a ${status} and returns the later success`, async () => {
      fixture = await startClientFixture(failThenSucceed([status]), { retryConfig: quickRetries });
      const { createCompletionResponse } = await fixture.gpt.completions.createCompletion({ model: 'm', prompt: 'x' });
      assert.equal(createCompletionResponse.choices[0].text, 'finally');
      assert.equal(fixture.server.requests.length, 2);
    });
  }

  for (const status of [400, 401, 403, 404, 422]) {
    it(`does not retry a ${status}`, async () => {
      fixture = await startClientFixture(failThenSucceed([status]), { retryConfig: quickRetries });
      const err = await rejectionOf(fixture.gpt.completions.createCompletion({ model: 'm', prompt: 'x' }));
      assert.ok(err instanceof SDKError);
      assert.equal(err.statusCode, status);
      assert.equal(fixture.server.requests.length, 1);
    });
  }

  it('makes exactly one attempt when the call passes retries: none', async () => {
    fixture = await startClientFixture(failThenSucceed([503]), { retryConfig: quickRetries });
    const err = await rejectionOf(fixture.gpt.completions.createCompletion({ model: 'm', prompt: 'x' }, { retries: { strategy: 'none' } }));
    assert.equal((err as SDKError).statusCode, 503);
    assert.equal(fixture.server.requests.length, 1);
  });

  it('gives up with the last error once maxElapsedTime would be exceeded', async () => {
    const retries: RetryConfig = { strategy: 'backoff', backoff: { initialInterval: 20, maxInterval: 20, exponent: 1, maxElapsedTime: 100 } };
    fixture = await startClientFixture(failThenSucceed(Array(100).fill(500)), { retryConfig: retries });
    const err = await rejectionOf(fixture.gpt.completions.createCompletion({ model: 'm', prompt: 'x' }));
    assert.equal((err as SDKError).statusCode, 500);
    assert.ok(fixture.server.requests.length >= 3 && fixture.server.requests.length <= 12, `${fixture.server.requests.length} attempts`);
  });

  it('waits what retry-after-ms asks instead of its own backoff', async () => {
    fixture = await startClientFixture(failThenSucceed([429], { 'retry-after-ms': '300' }), { retryConfig: quickRetries });
    const started = Date.now();
    await fixture.gpt.completions.createCompletion({ model: 'm', prompt: 'x' });
    assert.ok(Date.now() - started >= 290, `retried after ${Date.now() - started} ms`);
  });

  it('waits what retry-after asks in seconds', async () => {
    fixture = await startClientFixture(failThenSucceed([503], { 'retry-after': '1' }), { retryConfig: quickRetries });
    const started = Date.now();
    await fixture.gpt.completions.createCompletion({ model: 'm', prompt: 'x' });
    assert.ok(Date.now() - started >= 990, `retried after ${Date.now() - started} ms`);
  });

  it('fails at once when retry-after asks for longer than the retry budget', async () => {
    fixture = await startClientFixture(failThenSucceed([429], { 'retry-after': '3600' }), { retryConfig: quickRetries });
    const err = await rejectionOf(fixture.gpt.completions.createCompletion({ model: 'm', prompt: 'x' }));
    assert.equal((err as SDKError).statusCode, 429);
    assert.equal(fixture.server.requests.length, 1);
  });

  it('retries a dropped connection', async () => {
    let calls = 0;
    fixture = await startClientFixture(
      (_req, res) => (calls++ === 0 ? res.socket?.destroy() : sendJson(res, 200, wireCompletion('after reconnect'))),
      { retryConfig: quickRetries },
    );
    const { createCompletionResponse } = await fixture.gpt.completions.createCompletion({ model: 'm', prompt: 'x' });
    assert.equal(createCompletionResponse.choices[0].text, 'after reconnect');
  });

  it('does not retry a dropped connection when retryConnectionErrors is false', async () => {
    fixture = await startClientFixture((_req, res) => res.socket?.destroy(), {
      retryConfig: { ...quickRetries, retryConnectionErrors: false } as RetryConfig,
    });
    const err = await rejectionOf(fixture.gpt.completions.createCompletion({ model: 'm', prompt: 'x' }));
    assert.ok(err instanceof ConnectionError);
    assert.equal(fixture.server.requests.length, 1);
  });

  it('stops waiting and rejects with RequestAbortedError when aborted during the backoff wait', async () => {
    const server = await startHttpServer((_req, res) => sendJson(res, 503, { error: { message: 'busy' } }, { 'retry-after': '60' }));
    const gpt = new Gpt({
      serverURL: server.url,
      retryConfig: { strategy: 'backoff', backoff: { maxElapsedTime: 120_000 } },
    });
    const controller = new AbortController();
    const pending = rejectionOf(gpt.completions.createCompletion({ model: 'm', prompt: 'x' }, { signal: controller.signal }));
    await waitFor(() => server.requests.length === 1, 2000);
    const abortedAt = Date.now();
    controller.abort();
    const err = await pending;
    await gpt.close();
    await server.close();
    assert.ok(err instanceof RequestAbortedError, String(err));
    assert.ok(Date.now() - abortedAt < 1000);
  });
});

describe('client: retry timing rules', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');

  it('reads retry-after-ms before retry-after', () => {
    assert.equal(parseRetryAfter({ 'retry-after-ms': '250', 'retry-after': '9' }, now), 250);
  });

  it('reads retry-after as seconds', () => {
    assert.equal(parseRetryAfter({ 'retry-after': '2' }, now), 2000);
  });

  it('reads retry-after as an HTTP date', () => {
    assert.equal(parseRetryAfter({ 'retry-after': 'Thu, 01 Jan 2026 00:00:05 GMT' }, now), 5000);
  });

  it('ignores an unreadable retry-after', () => {
    assert.equal(parseRetryAfter({ 'retry-after': 'soon' }, now), undefined);
  });

  it('grows the backoff exponentially up to maxInterval, with half of it random', () => {
    const backoff = { initialInterval: 500, maxInterval: 8000, exponent: 1.5, maxElapsedTime: 30000 };
    assert.equal(backoffDelay(backoff, 0, 0), 250);
    assert.equal(backoffDelay(backoff, 0, 1), 500);
    assert.equal(backoffDelay(backoff, 2, 1), 1125);
    assert.equal(backoffDelay(backoff, 20, 1), 8000);
  });
});
