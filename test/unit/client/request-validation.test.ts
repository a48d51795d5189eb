import * as assert from 'node:assert/strict';
import { Gpt, RequestValidationError, type CreateCompletionRequest } from '../../../src/client';
import { collect, rejectionOf, sendJson, startClientFixture, wireCompletion, type ClientFixture } from './fixtures';

describe('client: request validation before sending', () => {
  let fixture: ClientFixture;
  before(async () => {
    fixture = await startClientFixture((_req, res) => sendJson(res, 200, wireCompletion()));
  });
  after(() => fixture.stop());

  const invalid: Array<[string, Partial<CreateCompletionRequest>]> = [
    ['model', { model: '' }],
    ['model', { model: undefined }],
    ['prompt', { prompt: undefined }],
    ['prompt', { prompt: [{}] as unknown as string[] }],
    ['n', { n: 0 }],
    ['n', { n: 1.5 }],
    ['maxTokens', { maxTokens: -1 }],
    ['logprobs', { logprobs: 6 }],
    ['logprobs', { logprobs: -1 }],
    ['temperature', { temperature: 2.1 }],
    ['temperature', { temperature: -0.1 }],
    ['topP', { topP: 1.5 }],
    ['topP', { topP: Number.NaN }],
    ['presencePenalty', { presencePenalty: 3 }],
    ['bestOf', { bestOf: 0 }],
  ];
  for (const [field, change] of invalid) {
    it(`rejects ${field} = ${JSON.stringify(Object.values(change)[0]) ?? 'undefined'} naming the field, without sending`, async () => {
      const before = fixture.server.requests.length;
      const request = { model: 'm', prompt: 'x', ...change } as CreateCompletionRequest;
      const err = await rejectionOf(fixture.gpt.completions.createCompletion(request));
      assert.ok(err instanceof RequestValidationError, String(err));
      assert.equal(err.field, field);
      assert.match(err.message, new RegExp(field));
      assert.equal(fixture.server.requests.length, before);
    });
  }

  it('accepts the boundary values (n = 1, maxTokens = 0, logprobs 0 and null, temperature 2, topP 0)', async () => {
    await fixture.gpt.completions.createCompletion({ model: 'm', prompt: '', n: 1, maxTokens: 0, logprobs: 0, temperature: 2, topP: 0 });
    await fixture.gpt.completions.createCompletion({ model: 'm', prompt: 'x', logprobs: null });
  });

  it('rejects a streaming request before sending anything', async () => {
    const before = fixture.server.requests.length;
    assert.throws(() => collect(fixture.gpt.completions.createCompletionStream({ model: 'm', prompt: 'x', n: 0 })), RequestValidationError);
    assert.equal(fixture.server.requests.length, before);
  });

  it('refuses stream: true on createCompletion, which expects one JSON body', async () => {
    const err = await rejectionOf(fixture.gpt.completions.createCompletion({ model: 'm', prompt: 'x', stream: true }));
    assert.ok(err instanceof RequestValidationError);
    assert.equal(err.field, 'stream');
  });

  for (const serverURL of ['ftp://example.com', 'not a url']) {
    it(`constructs with serverURL "${serverURL}" but rejects every request naming serverURL`, async () => {
      const gpt = new Gpt({ serverURL });
      const err = await rejectionOf(gpt.completions.createCompletion({ model: 'm', prompt: 'x' }));
      await gpt.close();
      assert.ok(err instanceof RequestValidationError);
      assert.equal(err.field, 'serverURL');
    });
  }

  it('constructs with an unusable proxy URL but rejects every request naming proxy', async () => {
    const gpt = new Gpt({ serverURL: fixture.server.url, proxy: 'not a proxy' });
    const err = await rejectionOf(gpt.models.listModels());
    await gpt.close();
    assert.ok(err instanceof RequestValidationError, String(err));
    assert.equal(err.field, 'proxy');
  });
});
