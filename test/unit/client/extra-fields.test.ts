import * as assert from 'node:assert/strict';
import { ApiKeyInRequestError, Gpt, RequestValidationError } from '../../../src/client';
import { collect, noRetries, rejectionOf, sendJson, startClientFixture, wireCompletion, type ClientFixture } from './fixtures';

const KEY = 'sk-test-key-123456';

describe('client: extra request fields', () => {
  let fixture: ClientFixture;
  beforeEach(async () => {
    fixture = await startClientFixture((_req, res) => sendJson(res, 200, wireCompletion()));
  });
  afterEach(() => fixture.stop());

  it('sends extra fields after the typed ones, values as given', async () => {
    await fixture.gpt.completions.createCompletion({ model: 'm', prompt: 'x', maxTokens: 5, extraFields: { cache_prompt: true, samplers: ['top_k', 'min_p'], n_indent: 4 } });
    assert.equal(fixture.server.requests[0].body, '{"model":"m","prompt":"x","max_tokens":5,"cache_prompt":true,"samplers":["top_k","min_p"],"n_indent":4}');
  });

  it('sends them with a stream too', async () => {
    await collect(fixture.gpt.completions.createCompletionStream({ model: 'm', prompt: 'x', extraFields: { t_max_predict_ms: 500 } })).catch(() => undefined);
    assert.equal(JSON.parse(fixture.server.requests[0].body).t_max_predict_ms, 500);
  });

  it('refuses extra fields that name a typed field, before anything is sent', async () => {
    for (const name of ['model', 'prompt', 'stream', 'max_tokens', 'stream_options', 'suffix']) {
      const error = await rejectionOf(fixture.gpt.completions.createCompletion({ model: 'm', prompt: 'x', extraFields: { [name]: 'other' } }));
      assert.ok(error instanceof RequestValidationError, name);
      assert.equal(error.field, 'extraFields');
    }
    assert.equal(fixture.server.requests.length, 0);
  });

  it('keeps a field called __proto__ a field instead of replacing the body\'s prototype', async () => {
    await fixture.gpt.completions.createCompletion({ model: 'm', prompt: 'x', extraFields: JSON.parse('{"__proto__": {"model": "sneaky"}}') });
    const { body } = fixture.server.requests[0];
    assert.match(body, /"__proto__":\{"model":"sneaky"\}/);
    assert.equal(JSON.parse(body).model, 'm');
  });

  it('refuses a request whose extra fields carry the API key, naming the field and never the key', async () => {
    const error = await rejectionOf(fixture.gpt.completions.createCompletion({ model: 'm', prompt: 'x', extraFields: { note: `prefix ${KEY} suffix` } }));
    assert.ok(error instanceof ApiKeyInRequestError);
    assert.equal(error.field, 'extraFields');
    assert.doesNotMatch(error.message, new RegExp(KEY));
    assert.equal(fixture.server.requests.length, 0, 'nothing was sent');
  });

  it('refuses the key hidden in a nested value or a field name, and in a stream', async () => {
    for (const extraFields of [{ options: { deep: [KEY] } }, { [KEY]: true }]) {
      assert.ok(await rejectionOf(fixture.gpt.completions.createCompletion({ model: 'm', prompt: 'x', extraFields })) instanceof RequestValidationError);
    }
    assert.ok(await rejectionOf(collect(fixture.gpt.completions.createCompletionStream({ model: 'm', prompt: 'x', extraFields: { k: KEY } }))) instanceof RequestValidationError);
    assert.equal(fixture.server.requests.length, 0);
  });

  it('checks against the key read for this very request', async () => {
    let key = 'first-key-value';
    const gpt = new Gpt({ apiKeyAuth: () => key, serverURL: `${fixture.server.url}/v1`, retryConfig: noRetries });
    await gpt.completions.createCompletion({ model: 'm', prompt: 'x', extraFields: { note: 'second-key-value' } });
    key = 'second-key-value';
    assert.ok(await rejectionOf(gpt.completions.createCompletion({ model: 'm', prompt: 'x', extraFields: { note: 'second-key-value' } })) instanceof RequestValidationError);
    await gpt.close();
    assert.equal(fixture.server.requests.length, 1);
  });
});
