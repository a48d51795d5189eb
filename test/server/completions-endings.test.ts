import * as assert from 'node:assert/strict';
import type { TrainedModel } from '../../server/src/model/train-model';
import { greedyContinuation, promptTokens, tokenText, trainBuiltinModel } from './bigram-expectations';
import { postCompletion, startLocalServer, type LocalServer } from './local-server';

describe('local server: how completions end, and fill-in-the-middle', function () {
  let server: LocalServer;
  let model: TrainedModel;

  before(async function () {
    model = trainBuiltinModel();
    server = await startLocalServer();
  });
  after(async () => server?.stop());

  const complete = async (fields: Record<string, unknown>) => {
    const { status, body } = await postCompletion(server.baseUrl, { model: server.modelId, ...fields });
    assert.equal(status, 200, JSON.stringify(body));
    return body;
  };

  it('stops at max_tokens with finish_reason "length"', async () => {
    const body = await complete({ prompt: 'const ', max_tokens: 3, temperature: 0 });
    assert.equal(body.choices[0].finish_reason, 'length');
    assert.equal(body.usage.completion_tokens, 3);
  });

  it('stops before a stop sequence, leaving it out, with finish_reason "stop"', async () => {
    const prompt = 'function main() {\n  ';
    const full = greedyContinuation(model, promptTokens(model, prompt), 40).map((t) => tokenText(model, t)).join('');
    const stop = full.slice(6, 8);
    const body = await complete({ prompt, max_tokens: 40, temperature: 0, stop: ['never appears', stop] });
    assert.equal(body.choices[0].text, full.slice(0, full.indexOf(stop)));
    assert.equal(body.choices[0].finish_reason, 'stop');
  });

  it('stops at the end-of-text token with finish_reason "stop" and no text for it', async () => {
    const body = await complete({ prompt: 'x', max_tokens: 5, temperature: 0, logit_bias: { [model.special.endOfText]: 100 } });
    assert.equal(body.choices[0].text, '');
    assert.equal(body.choices[0].finish_reason, 'stop');
  });

  it('fills in the middle through the FIM tokens when given a suffix', async () => {
    const prefix = 'def add(a, b):\n    return ';
    const suffix = '\n\nprint(add(1, 2))\n';
    const body = await complete({ prompt: prefix, suffix, max_tokens: 8, temperature: 0 });
    const expected = greedyContinuation(model, [model.special.fimMiddle], 8).map((t) => tokenText(model, t)).join('');
    assert.equal(body.choices[0].text, expected);
    const promptCount = 3 + model.tokenizer.encode(prefix).length + model.tokenizer.encode(suffix).length;
    assert.equal(body.usage.prompt_tokens, promptCount);
  });

  it('reads FIM tokens written into the prompt the same way as a suffix', async () => {
    const prefix = 'let total = ';
    const suffix = ';\n';
    const viaSuffix = await complete({ prompt: prefix, suffix, max_tokens: 8, temperature: 0 });
    const viaTemplate = await complete({ prompt: `<|fim_prefix|>${prefix}<|fim_suffix|>${suffix}<|fim_middle|>`, max_tokens: 8, temperature: 0 });
    assert.equal(viaTemplate.choices[0].text, viaSuffix.choices[0].text);
  });
});
