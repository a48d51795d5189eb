import * as assert from 'node:assert/strict';
import type { TrainedModel } from '../../server/src/model/train-model';
import { greedyContinuation, greedyNext, promptTokens, tokenText, trainBuiltinModel } from './bigram-expectations';
import { postCompletion, postStream, startLocalServer, type LocalServer } from './local-server';

const PROMPT = 'def read_columns(path):\n    ';

describe('local server: sampling, seeds, n, best_of and streaming', function () {
  let server: LocalServer;
  let model: TrainedModel;

  before(async function () {
    model = trainBuiltinModel();
    server = await startLocalServer();
  });
  after(async () => server?.stop());

  // Keeps sampled completions from ending early, so token counts are known.
  const neverEnd = () => ({ [model.special.endOfText]: -100 });

  const complete = async (fields: Record<string, unknown>) => {
    const { status, body } = await postCompletion(server.baseUrl, { model: server.modelId, prompt: PROMPT, ...fields });
    assert.equal(status, 200, JSON.stringify(body));
    return body;
  };

  it('gives the same completion for the same seed', async () => {
    const fields = { max_tokens: 24, temperature: 1, seed: 1234 };
    const [first, second] = [await complete(fields), await complete(fields)];
    assert.equal(first.choices[0].text, second.choices[0].text);
  });

  it('gives a different completion for a different seed', async () => {
    const first = await complete({ max_tokens: 24, temperature: 1, seed: 1 });
    const second = await complete({ max_tokens: 24, temperature: 1, seed: 2 });
    assert.notEqual(first.choices[0].text, second.choices[0].text);
  });

  it('streams chunks that concatenate to the non-streamed result for the same seed', async () => {
    const fields = { max_tokens: 30, temperature: 0.9, seed: 77, n: 2, logprobs: 2, stop: ['\n\n'] };
    const whole = await complete(fields);
    const { contentType, events } = await postStream(server.baseUrl, { model: server.modelId, prompt: PROMPT, ...fields });
    assert.match(contentType ?? '', /^text\/event-stream/);
    assert.equal(events.at(-1), '[DONE]');
    for (const choice of whole.choices) {
      const chunks = events.slice(0, -1).flatMap((e) => e.choices).filter((c: any) => c.index === choice.index);
      assert.equal(chunks.map((c: any) => c.text).join(''), choice.text);
      assert.deepEqual(chunks.flatMap((c: any) => c.logprobs.tokens), choice.logprobs.tokens);
      assert.deepEqual(chunks.flatMap((c: any) => c.logprobs.token_logprobs), choice.logprobs.token_logprobs);
      assert.deepEqual(chunks.flatMap((c: any) => c.logprobs.text_offset), choice.logprobs.text_offset);
      assert.equal(chunks.at(-1).finish_reason, choice.finish_reason);
      assert.ok(chunks.slice(0, -1).every((c: any) => c.finish_reason === null));
    }
  });

  it('sends usage in a last chunk with no choices when stream_options.include_usage is set', async () => {
    const { events } = await postStream(server.baseUrl, { model: server.modelId, prompt: PROMPT, max_tokens: 5, temperature: 0, logit_bias: neverEnd(), stream_options: { include_usage: true } });
    const usageChunk = events.at(-2);
    assert.deepEqual(usageChunk.choices, []);
    const promptCount = model.tokenizer.encode(PROMPT).length;
    assert.deepEqual(usageChunk.usage, { prompt_tokens: promptCount, completion_tokens: 5, total_tokens: promptCount + 5 });
  });

  it('returns n choices indexed 0 to n-1', async () => {
    const body = await complete({ max_tokens: 10, temperature: 1, seed: 5, n: 3, logit_bias: neverEnd() });
    assert.deepEqual(body.choices.map((c: any) => c.index), [0, 1, 2]);
    assert.equal(body.usage.completion_tokens, 30);
  });

  it('returns, with best_of, the candidate with the best mean logprob', async () => {
    const fields = { max_tokens: 12, temperature: 1.5, seed: 9, logprobs: 0, logit_bias: neverEnd() };
    const candidates = (await complete({ ...fields, n: 4 })).choices;
    const mean = (c: any) => c.logprobs.token_logprobs.reduce((a: number, b: number) => a + b, 0) / c.logprobs.token_logprobs.length;
    assert.ok(candidates.every((c: any) => c.finish_reason === 'length'), 'every candidate runs to max_tokens');
    const best = [...candidates].sort((a, b) => mean(b) - mean(a))[0];
    const chosen = await complete({ ...fields, n: 1, best_of: 4 });
    assert.equal(chosen.choices.length, 1);
    assert.equal(chosen.choices[0].text, best.text);
    assert.equal(chosen.usage.completion_tokens, 48);
  });

  it('answers a list of prompts with each prompt\'s n choices in turn', async () => {
    const prompts = ['import ', 'class '];
    const body = await postCompletion(server.baseUrl, { model: server.modelId, prompt: prompts, max_tokens: 4, temperature: 0, n: 2 });
    assert.deepEqual(body.body.choices.map((c: any) => c.index), [0, 1, 2, 3]);
    prompts.forEach((prompt, p) => {
      const expected = greedyContinuation(model, promptTokens(model, prompt), 4).map((t) => tokenText(model, t)).join('');
      assert.equal(body.body.choices[p * 2].text, expected);
      assert.equal(body.body.choices[p * 2 + 1].text, expected);
    });
  });

  it('accepts a prompt given as token ids', async () => {
    const tokens = model.tokenizer.encode(PROMPT);
    const fromText = await complete({ max_tokens: 6, temperature: 0 });
    const fromTokens = await complete({ prompt: tokens, max_tokens: 6, temperature: 0 });
    assert.equal(fromTokens.choices[0].text, fromText.choices[0].text);
    assert.equal(fromTokens.usage.prompt_tokens, tokens.length);
  });

  it('applies logit_bias: -100 on the most likely token makes greedy decoding pick the runner-up', async () => {
    const last = promptTokens(model, PROMPT).at(-1)!;
    const top = greedyNext(model, last);
    const row = model.bigrams.logProbabilityRow(last).map(Math.fround);
    row[top] = -Infinity;
    const runnerUp = row.indexOf(Math.max(...row));
    const body = await complete({ max_tokens: 1, temperature: 0, logit_bias: { [top]: -100 } });
    assert.equal(body.choices[0].text, tokenText(model, runnerUp));
  });

  it('applies frequency_penalty to tokens already generated', async () => {
    const penalty = 2;
    const counts = new Map<number, number>();
    const expected: number[] = [];
    let prev = promptTokens(model, PROMPT).at(-1)!;
    for (let i = 0; i < 16; i++) {
      const row = model.bigrams.logProbabilityRow(prev).map(Math.fround);
      for (const [token, count] of counts) row[token] -= penalty * count;
      prev = row.indexOf(Math.max(...row));
      if (prev === model.special.endOfText) break;
      expected.push(prev);
      counts.set(prev, (counts.get(prev) ?? 0) + 1);
    }
    const body = await complete({ max_tokens: 16, temperature: 0, frequency_penalty: penalty });
    assert.equal(body.choices[0].text, expected.map((t) => tokenText(model, t)).join(''));
  });
});
