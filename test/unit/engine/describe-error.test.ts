import * as assert from 'node:assert/strict';
import { Gpt } from '../../../src/client';
import { describeError } from '../../../src/engine/describe-error';
import { InsecureKeyError } from '../../../src/engine/key-policy';
import { NoModelError } from '../../../src/engine/model-resolver';
import { answers, startFakeServer, type FakeCompletionServer } from '../../support/fake-server';

/** The error a real request gets from a server scripted to answer `answer`. */
async function errorFrom(server: FakeCompletionServer, gpt: Gpt, answer: Parameters<FakeCompletionServer['script']>[0], timeoutMs?: number): Promise<unknown> {
  server.script(answer);
  try {
    await gpt.completions.createCompletion({ model: 'm', prompt: 'p' }, { retries: { strategy: 'none' }, timeoutMs });
  } catch (error) {
    return error;
  }
  throw new Error('the request did not fail');
}

describe('describing failures to the user', () => {
  let server: FakeCompletionServer;
  let gpt: Gpt;
  const KEY = 'sk-describe-secret-0042';

  beforeEach(async () => {
    server = await startFakeServer();
    gpt = new Gpt({ serverURL: server.baseUrl, apiKeyAuth: KEY });
  });

  afterEach(async () => {
    await gpt.close();
    await server.close();
  });

  const cases: { name: string; answer: Parameters<FakeCompletionServer['script']>[0]; kind: string; reason: RegExp }[] = [
    { name: 'a refused key', answer: answers.jsonError(401, 'Incorrect API key provided'), kind: 'auth', reason: /refused the API key \(401\): Incorrect API key provided/ },
    { name: 'an unknown model', answer: answers.jsonError(404, 'The model `nope` does not exist'), kind: 'model', reason: /404.*does not exist/ },
    { name: 'a rate limit', answer: answers.jsonError(429, 'Rate limit reached'), kind: 'rateLimit', reason: /rate limited.*429/ },
    { name: 'a gateway\'s HTML page', answer: answers.rawError(502, '<html><body><h1>502 Bad Gateway</h1></body></html>'), kind: 'server', reason: /server error 502: 502 Bad Gateway/ },
    { name: 'a bad request', answer: answers.jsonError(400, 'max_tokens is too large'), kind: 'badRequest', reason: /rejected the request \(400\): max_tokens is too large/ },
    { name: 'an error object sent with status 200', answer: answers.jsonError(200, 'You exceeded your current quota'), kind: 'server', reason: /^the server reported an error: You exceeded your current quota$/ },
  ];
  for (const { name, answer, kind, reason } of cases) {
    it(`names ${name} in one short line`, async () => {
      const failure = describeError(await errorFrom(server, gpt, answer), server.baseUrl);
      assert.equal(failure.kind, kind);
      assert.match(failure.reason, reason);
      assert.ok(failure.reason.length < 260);
      assert.doesNotMatch(failure.reason, /<html|<body/);
    });
  }

  it('never repeats the key, even when the server echoes it', async () => {
    const failure = describeError(await errorFrom(server, gpt, answers.jsonError(401, `Invalid key: Bearer ${KEY}`)), server.baseUrl);
    assert.doesNotMatch(failure.reason, new RegExp(KEY));
  });

  it('never repeats the key when the server echoes it with JSON escapes', async () => {
    const escaped = [...KEY].map((char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
    const answer = answers.rawError(401, `{"error": {"message": "Invalid key: ${escaped}"}}`, 'application/json');
    const failure = describeError(await errorFrom(server, gpt, answer), server.baseUrl);
    assert.equal(failure.reason, 'the server refused the API key (401): Invalid key: [redacted]');
  });

  it('names a server that does not answer in time', async () => {
    const failure = describeError(await errorFrom(server, gpt, answers.hang(), 300), server.baseUrl);
    assert.equal(failure.kind, 'timeout');
    assert.match(failure.reason, /no answer from 127\.0\.0\.1:\d+ in time/);
  });

  it('names a server that is not running', async () => {
    const url = server.baseUrl;
    await server.close();
    const down = new Gpt({ serverURL: url });
    const error = await down.completions.createCompletion({ model: 'm', prompt: 'p' }, { retries: { strategy: 'none' } }).catch((e: unknown) => e);
    await down.close();
    const failure = describeError(error, url);
    assert.equal(failure.kind, 'network');
    assert.match(failure.reason, /cannot reach 127\.0\.0\.1/);
    server = await startFakeServer();
  });

  it('treats an abort as silence', async () => {
    server.script(answers.hang());
    const abort = new AbortController();
    const pending = gpt.completions.createCompletion({ model: 'm', prompt: 'p' }, { signal: abort.signal }).catch((e: unknown) => e);
    await server.waitForRequest(1);
    abort.abort();
    assert.equal(describeError(await pending, server.baseUrl).kind, 'aborted');
  });

  it('keeps the server\'s own words for an error sent inside a stream', async () => {
    server.script(answers.rawError(200, 'data: {"error": {"message": "quota exceeded for this month", "type": "insufficient_quota"}}\n\n', 'text/event-stream'));
    const error = await (async () => {
      try {
        for await (const _chunk of gpt.completions.createCompletionStream({ model: 'm', prompt: 'p' }, { retries: { strategy: 'none' } })) void _chunk;
      } catch (e) {
        return e;
      }
      throw new Error('the stream did not fail');
    })();
    const failure = describeError(error, server.baseUrl);
    assert.match(failure.reason, /quota exceeded for this month/);
  });

  it('gives a key that may not travel and a missing model kinds of their own', () => {
    assert.equal(describeError(new InsecureKeyError('http://10.0.0.5:8080/v1'), 'http://10.0.0.5:8080/v1').kind, 'insecureKey');
    assert.equal(describeError(new NoModelError('http://127.0.0.1:1/v1'), 'http://127.0.0.1:1/v1').kind, 'noModel');
  });

  it('names the setting when extra request fields would carry the key, without the key', async () => {
    let error: unknown;
    try {
      await gpt.completions.createCompletion({ model: 'm', prompt: 'p', extraFields: { note: KEY } });
    } catch (caught) {
      error = caught;
    }
    const failure = describeError(error, server.baseUrl);
    assert.deepEqual(failure, { kind: 'configuration', reason: 'not sent: promptComplete.extraRequestFields must not contain the API key' });
    assert.equal(server.requests.length, 0);
  });
});
