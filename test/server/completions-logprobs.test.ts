import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { builtinModelPaths } from '../../server/src/model/builtin-model';
import { readCorpus } from '../../server/src/model/training-data';
import { repoRoot } from '../support/paths';
import type { TrainedModel } from '../../server/src/model/train-model';
import { greedyContinuation, promptTokens, tokenText, trainBuiltinModel } from './bigram-expectations';
import { postCompletion, startLocalServer, type LocalServer } from './local-server';

const PROMPT = 'export function parse(text: string) {\n  const lines = text.split';

describe('local server: greedy output and logprobs equal the bigram table', function () {
  let server: LocalServer;
  let model: TrainedModel;

  before(async function () {
    model = trainBuiltinModel();
    server = await startLocalServer();
  });
  after(async () => server?.stop());

  const near = (actual: number, expected: number, what: string) =>
    assert.ok(Math.abs(actual - expected) < 1e-5, `${what}: ${actual} vs ${expected}`);

  it('continues greedily with the most likely next token of the table at every step', async () => {
    const expected = greedyContinuation(model, promptTokens(model, PROMPT), 12);
    const { status, body } = await postCompletion(server.baseUrl, { model: server.modelId, prompt: PROMPT, max_tokens: 12, temperature: 0 });
    assert.equal(status, 200);
    assert.equal(body.choices[0].text, expected.map((t) => tokenText(model, t)).join(''));
  });

  it('reports each token logprob as log P(token | previous token) from the table', async () => {
    const tokens = promptTokens(model, PROMPT);
    const expected = greedyContinuation(model, tokens, 8);
    const { body } = await postCompletion(server.baseUrl, { model: server.modelId, prompt: PROMPT, max_tokens: 8, temperature: 0, logprobs: 0 });
    const logprobs = body.choices[0].logprobs;
    assert.deepEqual(logprobs.tokens, expected.map((t) => tokenText(model, t)));
    let prev = tokens[tokens.length - 1];
    expected.forEach((token, i) => {
      near(logprobs.token_logprobs[i], model.bigrams.logProbability(prev, token), `token ${i}`);
      prev = token;
    });
  });

  it('lists the five most likely alternatives at each position with their table log-probabilities', async () => {
    const tokens = promptTokens(model, PROMPT);
    const expected = greedyContinuation(model, tokens, 5);
    const { body } = await postCompletion(server.baseUrl, { model: server.modelId, prompt: PROMPT, max_tokens: 5, temperature: 0, logprobs: 5 });
    const byText = new Map(model.tokenTexts.map((_, id) => [tokenText(model, id), id]));
    let prev = tokens[tokens.length - 1];
    body.choices[0].logprobs.top_logprobs.forEach((top: Record<string, number>, i: number) => {
      const row = [...model.bigrams.logProbabilityRow(prev)].sort((a, b) => b - a);
      assert.equal(Object.keys(top).length, 5);
      Object.values(top).sort((a, b) => b - a).forEach((value, k) => near(value, row[k], `position ${i}, rank ${k}`));
      for (const [text, value] of Object.entries(top)) near(value, model.bigrams.logProbability(prev, byText.get(text)!), `position ${i}, ${JSON.stringify(text)}`);
      prev = expected[i];
    });
  });

  it('counts text_offset from the start of the prompt', async () => {
    const { body } = await postCompletion(server.baseUrl, { model: server.modelId, prompt: PROMPT, max_tokens: 6, temperature: 0, logprobs: 0 });
    const { tokens, text_offset } = body.choices[0].logprobs;
    let offset = PROMPT.length;
    tokens.forEach((token: string, i: number) => {
      assert.equal(text_offset[i], offset);
      offset += token.length;
    });
  });

  it('echoes the prompt with its tokens scored by the table and token_logprobs[0] null', async () => {
    const prompt = 'const total = items.length;\n';
    const { body } = await postCompletion(server.baseUrl, { model: server.modelId, prompt, max_tokens: 0, echo: true, logprobs: 1 });
    const choice = body.choices[0];
    const tokens = model.tokenizer.encode(prompt);
    assert.equal(choice.text, prompt);
    assert.equal(choice.finish_reason, 'length');
    assert.deepEqual(choice.logprobs.tokens, tokens.map((t) => tokenText(model, t)));
    assert.equal(choice.logprobs.token_logprobs[0], null);
    assert.equal(choice.logprobs.top_logprobs[0], null);
    assert.equal(choice.logprobs.text_offset[0], 0);
    for (let i = 1; i < tokens.length; i++) {
      near(choice.logprobs.token_logprobs[i], model.bigrams.logProbability(tokens[i - 1], tokens[i]), `prompt token ${i}`);
    }
  });

  it('tokenizes every corpus file exactly as the model builder does', async function () {
    this.timeout(120_000);
    const corpus = readCorpus(builtinModelPaths(path.join(repoRoot, 'server')).corpusDir);
    for (const document of corpus) {
      const { body } = await postCompletion(server.baseUrl, { model: server.modelId, prompt: document.text, max_tokens: 0, echo: true, logprobs: 0 });
      assert.deepEqual(body.choices[0].logprobs.tokens, model.tokenizer.encode(document.text).map((t) => tokenText(model, t)), document.name);
    }
  });

  it('echoes the prompt before the completion in the text', async () => {
    const prompt = 'import ';
    const { body } = await postCompletion(server.baseUrl, { model: server.modelId, prompt, max_tokens: 4, temperature: 0, echo: true });
    const expected = greedyContinuation(model, promptTokens(model, prompt), 4).map((t) => tokenText(model, t)).join('');
    assert.equal(body.choices[0].text, prompt + expected);
  });

  it('counts prompt and completion tokens in usage', async () => {
    const { body } = await postCompletion(server.baseUrl, { model: server.modelId, prompt: PROMPT, max_tokens: 7, temperature: 0, logit_bias: { [model.special.endOfText]: -100 } });
    const promptCount = model.tokenizer.encode(PROMPT).length;
    assert.deepEqual(body.usage, { prompt_tokens: promptCount, completion_tokens: 7, total_tokens: promptCount + 7 });
  });
});
