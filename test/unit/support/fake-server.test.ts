import * as assert from 'node:assert/strict';
import { answers, startFakeServer, type FakeCompletionServer } from '../../support/fake-server';

async function post(server: FakeCompletionServer, body: object, signal?: AbortSignal): Promise<Response> {
  return fetch(`${server.baseUrl}/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer test-key' },
    body: JSON.stringify(body),
    signal,
  });
}

/** The parsed JSON body (the shapes are asserted field by field). */
async function json(response: Response): Promise<any> {
  return response.json();
}

function dataEvents(text: string): string[] {
  return text.split('\n\n').filter(Boolean).map((event) => event.replace(/^data: /, ''));
}

describe('The fake completion server used by the editor tests', () => {
  let server: FakeCompletionServer;
  beforeEach(async () => { server = await startFakeServer(); });
  afterEach(async () => { await server.close(); });

  it('answers the scripted text as a legacy completion and records the request', async () => {
    server.script(answers.text(' world'));
    const body = await json(await post(server, { model: 'm', prompt: 'hello' }));
    assert.equal(body.object, 'text_completion');
    assert.equal(body.choices[0].text, ' world');
    assert.equal(body.choices[0].finish_reason, 'stop');
    const request = await server.waitForRequest(1);
    assert.equal(request.path, '/v1/completions');
    assert.equal(request.headers.authorization, 'Bearer test-key');
    assert.deepEqual(request.body, { model: 'm', prompt: 'hello' });
  });

  it('returns n choices with logprobs whose offsets count from the start of the prompt', async () => {
    server.script(answers.choices(['a b', 'c']));
    const body = await json(await post(server, { prompt: 'xy', n: 2, logprobs: 1 }));
    assert.deepEqual(body.choices.map((c: { index: number; text: string }) => [c.index, c.text]), [[0, 'a b'], [1, 'c']]);
    assert.deepEqual(body.choices[0].logprobs.tokens, ['a', ' b']);
    assert.deepEqual(body.choices[0].logprobs.text_offset, [2, 3]);
  });

  it('streams one SSE event per token, then the finish event and [DONE]', async () => {
    server.script(answers.text('one two', { chunkDelayMs: 1 }));
    const response = await post(server, { prompt: 'p', stream: true });
    assert.equal(response.headers.get('content-type'), 'text/event-stream');
    const events = dataEvents(await response.text());
    assert.deepEqual(events.slice(0, 2).map((e) => JSON.parse(e).choices[0].text), ['one', ' two']);
    assert.equal(JSON.parse(events[2]).choices[0].finish_reason, 'stop');
    assert.equal(events[3], '[DONE]');
  });

  it('cuts the stream after the scripted number of events', async () => {
    server.script(answers.text('one two three', { cutAfterChunks: 1 }));
    const response = await post(server, { prompt: 'p', stream: true });
    await assert.rejects(response.text());
  });

  it('answers scripted errors with their status and body, JSON or HTML', async () => {
    server.script(answers.jsonError(401, 'bad key'), answers.rawError(502, '<html>gateway</html>'));
    const jsonResponse = await post(server, { prompt: 'p' });
    assert.equal(jsonResponse.status, 401);
    assert.equal((await json(jsonResponse)).error.message, 'bad key');
    const html = await post(server, { prompt: 'p' });
    assert.equal(html.status, 502);
    assert.equal(html.headers.get('content-type'), 'text/html');
    assert.equal(await html.text(), '<html>gateway</html>');
  });

  it('answers an unscripted request with a 500 that names it', async () => {
    const response = await post(server, { prompt: 'p' });
    assert.equal(response.status, 500);
    assert.match((await json(response)).error.message, /request #1/);
  });

  it('lists its models', async () => {
    const body = await json(await fetch(`${server.baseUrl}/models`));
    assert.deepEqual(body.data.map((m: { id: string }) => m.id), ['fake-model']);
  });

  it('holds a hanging request open and records that the client aborted it', async () => {
    server.script(answers.hang());
    const controller = new AbortController();
    const pending = post(server, { prompt: 'p' }, controller.signal).catch((err: Error) => err.name);
    const request = await server.waitForRequest(1);
    controller.abort();
    assert.equal(await pending, 'AbortError');
    assert.equal(await request.ended, 'aborted');
  });

  it('rejects a wait for a request that does not come, after the deadline', async () => {
    await assert.rejects(server.waitForRequest(1, 50), /request #1 did not arrive within 50 ms/);
  });
});
