import * as assert from 'node:assert/strict';
import { Gpt, type CreateCompletionRequest } from '../../../src/client';
import { startHttpServer } from '../../support/http-server';
import { noRetries, sendJson, startClientFixture, wireCompletion, type ClientFixture } from './fixtures';

describe('client: what goes on the wire', () => {
  let fixture: ClientFixture;
  beforeEach(async () => {
    fixture = await startClientFixture((_req, res) => sendJson(res, 200, wireCompletion()));
  });
  afterEach(() => fixture.stop());

  it('sends every request field in snake_case with logit_bias keys as given', async () => {
    const request: CreateCompletionRequest = {
      model: 'm',
      prompt: ['a', 'b'],
      suffix: 'tail',
      maxTokens: 16,
      temperature: 0.5,
      topP: 0.9,
      n: 2,
      streamOptions: { includeUsage: true },
      logprobs: 3,
      echo: true,
      stop: ['\n\n', 'END'],
      presencePenalty: 0.1,
      frequencyPenalty: -0.2,
      bestOf: 3,
      logitBias: { '50256': -100, '1234': 5 },
      seed: 42,
      user: 'user-1234',
    };
    await fixture.gpt.completions.createCompletion(request);
    assert.deepEqual(JSON.parse(fixture.server.requests[0].body), {
      model: 'm',
      prompt: ['a', 'b'],
      suffix: 'tail',
      max_tokens: 16,
      temperature: 0.5,
      top_p: 0.9,
      n: 2,
      stream_options: { include_usage: true },
      logprobs: 3,
      echo: true,
      stop: ['\n\n', 'END'],
      presence_penalty: 0.1,
      frequency_penalty: -0.2,
      best_of: 3,
      logit_bias: { '50256': -100, '1234': 5 },
      seed: 42,
      user: 'user-1234',
    });
  });

  it('sends only the fields that were set, so the server applies its own defaults', async () => {
    await fixture.gpt.completions.createCompletion({ model: 'm', prompt: 'x' });
    assert.equal(fixture.server.requests[0].body, '{"model":"m","prompt":"x"}');
  });

  it('passes token-id prompts through unchanged', async () => {
    await fixture.gpt.completions.createCompletion({ model: 'm', prompt: [[1, 2], [3]] });
    assert.deepEqual(JSON.parse(fixture.server.requests[0].body).prompt, [[1, 2], [3]]);
  });

  it('posts to {serverURL}/completions with bearer auth, JSON content type and a user agent', async () => {
    await fixture.gpt.completions.createCompletion({ model: 'm', prompt: 'x' });
    const { method, url, headers } = fixture.server.requests[0];
    assert.equal(method, 'POST');
    assert.equal(url, '/v1/completions');
    assert.equal(headers.authorization, 'Bearer sk-test-key-123456');
    assert.equal(headers['content-type'], 'application/json');
    assert.equal(headers.accept, 'application/json');
    assert.match(headers['user-agent'] ?? '', /\S/);
  });

  it('reports the method and full URL in httpMeta', async () => {
    const { httpMeta } = await fixture.gpt.completions.createCompletion({ model: 'm', prompt: 'x' });
    assert.deepEqual(httpMeta.request, { method: 'POST', url: `${fixture.server.url}/v1/completions` });
    assert.equal(httpMeta.response.status, 200);
    assert.equal(httpMeta.response.headers['content-type'], 'application/json');
  });

  it('sends no Authorization header when the key is empty', async () => {
    const gpt = new Gpt({ apiKeyAuth: '', serverURL: `${fixture.server.url}/v1`, retryConfig: noRetries });
    await gpt.completions.createCompletion({ model: 'm', prompt: 'x' });
    await gpt.close();
    assert.equal(fixture.server.requests[0].headers.authorization, undefined);
  });

  it('sends no Authorization header when the key function returns undefined', async () => {
    const gpt = new Gpt({ apiKeyAuth: async () => undefined, serverURL: `${fixture.server.url}/v1`, retryConfig: noRetries });
    await gpt.completions.createCompletion({ model: 'm', prompt: 'x' });
    await gpt.close();
    assert.equal(fixture.server.requests[0].headers.authorization, undefined);
  });

  it('reads the key from the key function on every request', async () => {
    let calls = 0;
    const gpt = new Gpt({ apiKeyAuth: async () => `key-${++calls}`, serverURL: `${fixture.server.url}/v1`, retryConfig: noRetries });
    await gpt.completions.createCompletion({ model: 'm', prompt: 'x' });
    await gpt.completions.createCompletion({ model: 'm', prompt: 'x' });
    await gpt.close();
    assert.deepEqual(fixture.server.requests.map((r) => r.headers.authorization), ['Bearer key-1', 'Bearer key-2']);
  });

  it('adds the configured extra headers and user agent to every request', async () => {
    const gpt = new Gpt({
      serverURL: `${fixture.server.url}/v1`,
      retryConfig: noRetries,
      headers: { 'X-Team': 'editors' },
      userAgent: 'prompt-complete-test/1',
    });
    await gpt.completions.createCompletion({ model: 'm', prompt: 'x' });
    await gpt.close();
    assert.equal(fixture.server.requests[0].headers['x-team'], 'editors');
    assert.equal(fixture.server.requests[0].headers['user-agent'], 'prompt-complete-test/1');
  });

  it('keeps the query string of serverURL on every request', async () => {
    const gpt = new Gpt({ serverURL: `${fixture.server.url}/openai/v1/?api-version=2`, retryConfig: noRetries });
    await gpt.completions.createCompletion({ model: 'm', prompt: 'x' });
    await gpt.close();
    assert.equal(fixture.server.requests[0].url, '/openai/v1/completions?api-version=2');
  });

  it('reuses keep-alive connections instead of opening one per request', async () => {
    const ports = new Set<number>();
    const server = await startHttpServer((req, res) => {
      ports.add(req.socket.remotePort ?? 0);
      sendJson(res, 200, wireCompletion());
    });
    const gpt = new Gpt({ serverURL: `${server.url}/v1`, retryConfig: noRetries });
    for (let i = 0; i < 6; i++) await gpt.completions.createCompletion({ model: 'm', prompt: 'x' });
    await gpt.close();
    await server.close();
    // undici may alternate between two pooled sockets; a new socket per request would give six.
    assert.ok(ports.size <= 2, `${ports.size} connections for 6 requests`);
  });
});

describe('client: listModels', () => {
  it('gets {serverURL}/models and maps ids and owners', async () => {
    const fixture = await startClientFixture((_req, res) =>
      sendJson(res, 200, { object: 'list', data: [{ id: 'a', object: 'model', owned_by: 'me' }, { id: 'b' }] }),
    );
    try {
      const result = await fixture.gpt.models.listModels();
      assert.equal(fixture.server.requests[0].method, 'GET');
      assert.equal(fixture.server.requests[0].url, '/v1/models');
      assert.equal(fixture.server.requests[0].headers['content-type'], undefined);
      assert.deepEqual(result.listModelsResponse, { data: [{ id: 'a', ownedBy: 'me' }, { id: 'b' }] });
      assert.equal(result.httpMeta.response.status, 200);
    } finally {
      await fixture.stop();
    }
  });
});
