import * as assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import type { CompletionModel } from '../../server/src/engine/completion-model';
import { createCompletionServer } from '../../server/src/http/create-server';
import { postCompletion, startLocalServer, type LocalServer } from './local-server';

const KEY = 'test-key-1234';

describe('local server: errors in OpenAI\'s shape', function () {
  let server: LocalServer;
  const auth = { Authorization: `Bearer ${KEY}` };

  before(async function () {
    server = await startLocalServer(['--api-key', KEY]);
  });
  after(async () => server?.stop());

  const valid = () => ({ model: server.modelId, prompt: 'hello', max_tokens: 2 });
  const expectError = async (body: unknown, status: number, param: string | null, headers: Record<string, string> = auth) => {
    const response = await postCompletion(server.baseUrl, body, headers);
    assert.equal(response.status, status, JSON.stringify(response.body));
    assert.equal(typeof response.body.error.message, 'string');
    assert.equal(response.body.error.param, param);
    return response.body.error;
  };

  const badFields: [string, Record<string, unknown>, string][] = [
    ['a missing model', { model: undefined }, 'model'],
    ['a missing prompt', { prompt: undefined }, 'prompt'],
    ['a prompt that is a number', { prompt: 5 }, 'prompt'],
    ['an empty prompt list', { prompt: [] }, 'prompt'],
    ['a token id beyond the vocabulary', { prompt: [1, 999999] }, 'prompt'],
    ['a negative max_tokens', { max_tokens: -1 }, 'max_tokens'],
    ['a fractional max_tokens', { max_tokens: 1.5 }, 'max_tokens'],
    ['max_tokens beyond the context', { max_tokens: 100000 }, 'max_tokens'],
    ['a temperature above 2', { temperature: 3 }, 'temperature'],
    ['a string temperature', { temperature: 'hot' }, 'temperature'],
    ['a top_p above 1', { top_p: 1.5 }, 'top_p'],
    ['n of 0', { n: 0 }, 'n'],
    ['best_of below n', { n: 3, best_of: 2 }, 'best_of'],
    ['best_of above n while streaming', { stream: true, best_of: 2 }, 'best_of'],
    ['logprobs of 6', { logprobs: 6 }, 'logprobs'],
    ['five stop sequences', { stop: ['a', 'b', 'c', 'd', 'e'] }, 'stop'],
    ['an empty stop sequence', { stop: '' }, 'stop'],
    ['a presence_penalty above 2', { presence_penalty: 2.5 }, 'presence_penalty'],
    ['a frequency_penalty below -2', { frequency_penalty: -3 }, 'frequency_penalty'],
    ['a logit_bias key that is not a token id', { logit_bias: { abc: 1 } }, 'logit_bias'],
    ['a logit_bias value above 100', { logit_bias: { 1: 200 } }, 'logit_bias'],
    ['a logit_bias token beyond the vocabulary', { logit_bias: { 999999: 1 } }, 'logit_bias'],
    ['a fractional seed', { seed: 1.5 }, 'seed'],
    ['a string stream flag', { stream: 'yes' }, 'stream'],
    ['stream_options without stream', { stream_options: { include_usage: true } }, 'stream_options'],
    ['echo together with suffix', { echo: true, suffix: 'x' }, 'echo'],
    ['a numeric user', { user: 42 }, 'user'],
  ];
  for (const [what, fields, param] of badFields) {
    it(`answers 400 naming '${param}' for ${what}`, async () => {
      await expectError({ ...valid(), ...fields }, 400, param);
    });
  }

  it('answers 400 for malformed JSON', async () => {
    await expectError('{"model": ', 400, null);
  });

  it('answers 400 for a JSON body that is not an object', async () => {
    await expectError('[1, 2]', 400, null);
  });

  it('answers 401 when the API key is missing', async () => {
    const error = await expectError(valid(), 401, null, {});
    assert.equal(error.type, 'invalid_request_error');
  });

  it('answers 401 when the API key is wrong', async () => {
    const error = await expectError(valid(), 401, null, { Authorization: 'Bearer wrong' });
    assert.equal(error.code, 'invalid_api_key');
  });

  it('answers /health without an API key', async () => {
    const response = await fetch(server.baseUrl.replace(/\/v1$/, '/health'));
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as any).status, 'ok');
  });

  it('answers 404 for an unknown model', async () => {
    const error = await expectError({ ...valid(), model: 'no-such-model' }, 404, 'model');
    assert.equal(error.code, 'model_not_found');
  });

  it('answers 404 for an unknown route', async () => {
    const response = await fetch(`${server.baseUrl}/chat/nothing`, { headers: auth });
    assert.equal(response.status, 404);
    assert.equal(typeof ((await response.json()) as any).error.message, 'string');
  });

  it('answers 405 with Allow for the wrong method', async () => {
    const response = await fetch(`${server.baseUrl}/completions`, { headers: auth });
    assert.equal(response.status, 405);
    assert.equal(response.headers.get('allow'), 'POST');
  });

  it('answers 413 for a body over 8 MB', async () => {
    const body = JSON.stringify({ ...valid(), prompt: 'x'.repeat(9 * 1024 * 1024) });
    const error = await expectError(body, 413, null);
    assert.equal(error.code, 'request_too_large');
  });

  it('keeps serving valid requests after bad ones', async () => {
    await postCompletion(server.baseUrl, '{{{', auth);
    const response = await postCompletion(server.baseUrl, valid(), auth);
    assert.equal(response.status, 200);
    assert.equal(response.body.choices.length, 1);
  });
});

describe('local server: while the model loads', function () {
  it('answers 503 with Retry-After to completions and "loading" to /health', async () => {
    const loading = new Promise<CompletionModel>(() => {});
    const server = createCompletionServer({ modelId: 'loading-model', model: loading });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const completion = await fetch(`${base}/v1/completions`, { method: 'POST', body: JSON.stringify({ model: 'loading-model', prompt: 'a' }) });
      assert.equal(completion.status, 503);
      assert.equal(completion.headers.get('retry-after'), '1');
      assert.equal(((await completion.json()) as any).error.type, 'server_error');
      const health = await fetch(`${base}/health`);
      assert.equal(health.status, 503);
      assert.equal(((await health.json()) as any).status, 'loading');
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('local server: a model without fill-in-the-middle tokens', function () {
  it('answers 400 naming \'suffix\' when asked for a suffix', async () => {
    const model: CompletionModel = {
      id: 'no-fim', vocabSize: 256, contextSize: 64, beginToken: undefined, fim: undefined,
      isEndToken: () => false,
      tokenize: (text) => [...Buffer.from(text)],
      tokenBytes: (token) => Uint8Array.of(token),
      evaluate: async () => new Float32Array(256),
      append: async () => new Float32Array(256),
      dispose: async () => {},
    };
    const server = createCompletionServer({ modelId: 'no-fim', model: Promise.resolve(model) });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
      const response = await postCompletion(base, { model: 'no-fim', prompt: 'a', suffix: 'b' });
      assert.equal(response.status, 400);
      assert.equal(response.body.error.param, 'suffix');
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
