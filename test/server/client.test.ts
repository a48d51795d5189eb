import * as assert from 'node:assert/strict';
import { Gpt, SDKError } from '../../src/client';
import type { TrainedModel } from '../../server/src/model/train-model';
import { greedyContinuation, promptTokens, tokenText, trainBuiltinModel } from './bigram-expectations';
import { startLocalServer, type LocalServer } from './local-server';

const KEY = 'client-test-key';

describe('the project\'s client against the local server', function () {
  let server: LocalServer;
  let model: TrainedModel;
  let gpt: Gpt;

  before(async function () {
    model = trainBuiltinModel();
    server = await startLocalServer(['--api-key', KEY]);
    gpt = new Gpt({ serverURL: server.baseUrl, apiKeyAuth: KEY });
  });
  after(async () => {
    await gpt?.close();
    await server?.stop();
  });

  it('lists the built-in model', async () => {
    const { listModelsResponse } = await gpt.models.listModels();
    assert.deepEqual(listModelsResponse.data.map((m) => m.id), [server.modelId]);
  });

  it('gets the greedy completion with logprobs from the bigram table', async () => {
    const prompt = 'class Matrix:\n    def ';
    const expected = greedyContinuation(model, promptTokens(model, prompt), 6);
    const { createCompletionResponse } = await gpt.completions.createCompletion({ model: server.modelId, prompt, maxTokens: 6, temperature: 0, logprobs: 1 });
    const choice = createCompletionResponse.choices[0];
    assert.equal(choice.text, expected.map((t) => tokenText(model, t)).join(''));
    assert.equal(choice.logprobs?.tokenLogprobs.length, expected.length);
    assert.ok(Math.abs(choice.logprobs!.tokenLogprobs[0]! - model.bigrams.logProbability(promptTokens(model, prompt).at(-1)!, expected[0])) < 1e-5);
    assert.equal(choice.logprobs?.textOffset[0], prompt.length);
    assert.equal(createCompletionResponse.usage?.completionTokens, expected.length);
  });

  it('streams the same text as the non-streamed completion', async () => {
    const request = { model: server.modelId, prompt: 'def main(', maxTokens: 20, temperature: 1, seed: 11, suffix: '):\n    pass\n' };
    const { createCompletionResponse } = await gpt.completions.createCompletion(request);
    let streamed = '';
    for await (const chunk of gpt.completions.createCompletionStream(request)) streamed += chunk.choices[0]?.text ?? '';
    assert.equal(streamed, createCompletionResponse.choices[0].text);
  });

  it('gets an SDKError with the 401 status for a wrong key', async () => {
    const wrong = new Gpt({ serverURL: server.baseUrl, apiKeyAuth: 'wrong', retryConfig: { strategy: 'none' } });
    try {
      await assert.rejects(wrong.completions.createCompletion({ model: server.modelId, prompt: 'x' }), (error: unknown) => error instanceof SDKError && error.statusCode === 401);
    } finally {
      await wrong.close();
    }
  });
});
