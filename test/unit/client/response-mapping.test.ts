import * as assert from 'node:assert/strict';
import { sendJson, startClientFixture, wireCompletion, type ClientFixture } from './fixtures';

describe('client: response mapping', () => {
  let fixture: ClientFixture;
  let reply: unknown;
  beforeEach(async () => {
    fixture = await startClientFixture((_req, res) => sendJson(res, 200, reply));
  });
  afterEach(() => fixture.stop());

  const complete = () => fixture.gpt.completions.createCompletion({ model: 'm', prompt: 'x' });

  it('maps ids, usage and the system fingerprint to camelCase', async () => {
    reply = wireCompletion('Hi', { system_fingerprint: 'fp_1', usage: { prompt_tokens: 5, completion_tokens: 7, total_tokens: 12 } });
    const { createCompletionResponse } = await complete();
    assert.deepEqual(createCompletionResponse, {
      id: 'cmpl-1',
      object: 'text_completion',
      created: 1700000000,
      model: 'test-model',
      systemFingerprint: 'fp_1',
      choices: [{ text: 'Hi', index: 0, finishReason: 'stop', logprobs: null }],
      usage: { promptTokens: 5, completionTokens: 7, totalTokens: 12 },
    });
  });

  it('maps logprobs to tokens, tokenLogprobs, topLogprobs and textOffset', async () => {
    const logprobs = {
      tokens: ['a', 'b'],
      token_logprobs: [-0.1, -0.5],
      top_logprobs: [{ a: -0.1, x: -2.3 }, { b: -0.5 }],
      text_offset: [12, 13],
    };
    reply = wireCompletion('ab', { choices: [{ text: 'ab', index: 0, finish_reason: 'length', logprobs }] });
    const choice = (await complete()).createCompletionResponse.choices[0];
    assert.equal(choice.finishReason, 'length');
    assert.deepEqual(choice.logprobs, {
      tokens: ['a', 'b'],
      tokenLogprobs: [-0.1, -0.5],
      topLogprobs: [{ a: -0.1, x: -2.3 }, { b: -0.5 }],
      textOffset: [12, 13],
    });
  });

  it('keeps a null first token logprob and null top_logprobs entries of an echoed prompt', async () => {
    const logprobs = { tokens: ['Hi', '!'], token_logprobs: [null, -1], top_logprobs: [null, { '!': -1 }], text_offset: [0, 2] };
    reply = wireCompletion('Hi!', { choices: [{ text: 'Hi!', index: 0, finish_reason: 'stop', logprobs }] });
    const mapped = (await complete()).createCompletionResponse.choices[0].logprobs;
    assert.deepEqual(mapped?.tokenLogprobs, [null, -1]);
    assert.deepEqual(mapped?.topLogprobs, [null, { '!': -1 }]);
  });

  it('returns every choice with its index when n > 1', async () => {
    reply = wireCompletion('', {
      choices: [0, 1, 2].map((index) => ({ text: `t${index}`, index, finish_reason: 'stop', logprobs: null })),
    });
    const { choices } = (await fixture.gpt.completions.createCompletion({ model: 'm', prompt: 'x', n: 3 })).createCompletionResponse;
    assert.deepEqual(choices.map((c) => [c.index, c.text]), [[0, 't0'], [1, 't1'], [2, 't2']]);
  });

  it('tolerates unknown extra fields and a missing usage', async () => {
    reply = wireCompletion('ok', { extra_field: { nested: true }, timings: { predicted_ms: 3 } });
    const { createCompletionResponse } = await complete();
    assert.equal(createCompletionResponse.choices[0].text, 'ok');
    assert.equal(createCompletionResponse.usage, undefined);
    assert.equal('extra_field' in createCompletionResponse, false);
  });

  it('maps a choice without logprobs or finish_reason to nulls', async () => {
    reply = { choices: [{ text: 'x' }] };
    const { choices } = (await complete()).createCompletionResponse;
    assert.deepEqual(choices, [{ text: 'x', index: 0, finishReason: null, logprobs: null }]);
  });
});
