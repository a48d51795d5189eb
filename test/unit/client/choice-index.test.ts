import * as assert from 'node:assert/strict';
import { ResponseValidationError } from '../../../src/client';
import { collect, rejectionOf, sendJson, startClientFixture, wireCompletion, type ClientFixture } from './fixtures';

function choice(index: unknown, text = 't'): Record<string, unknown> {
  return { text, index, finish_reason: 'stop', logprobs: null };
}

describe('client: a choice index must name a candidate the request asked for', () => {
  let fixture: ClientFixture;
  let reply: Record<string, unknown>;
  let streamed: string[];
  beforeEach(async () => {
    streamed = [];
    fixture = await startClientFixture((_req, res, recorded) => {
      if (JSON.parse(recorded.body).stream === true) {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.end(streamed.map((data) => `data: ${data}\n\n`).join('') + 'data: [DONE]\n\n');
        return;
      }
      sendJson(res, 200, reply);
    });
  });
  afterEach(() => fixture.stop());

  it('rejects an index of 4294967294 as a ResponseValidationError naming the index', async () => {
    reply = wireCompletion('', { choices: [choice(4294967294)] });
    const err = await rejectionOf(fixture.gpt.completions.createCompletion({ model: 'm', prompt: 'x' }));
    assert.ok(err instanceof ResponseValidationError, String(err));
    assert.match(err.message, /index 4294967294 is not a candidate the request asked for \(n = 1\)/);
  });

  it('rejects an index equal to n', async () => {
    reply = wireCompletion('', { choices: [choice(0), choice(1), choice(2)] });
    const err = await rejectionOf(fixture.gpt.completions.createCompletion({ model: 'm', prompt: 'x', n: 2 }));
    assert.ok(err instanceof ResponseValidationError, String(err));
  });

  it('rejects a negative or fractional index', async () => {
    for (const index of [-1, 0.5]) {
      reply = wireCompletion('', { choices: [choice(index)] });
      const err = await rejectionOf(fixture.gpt.completions.createCompletion({ model: 'm', prompt: 'x' }));
      assert.ok(err instanceof ResponseValidationError, `index ${index}: ${String(err)}`);
    }
  });

  it('accepts indexes up to n times the prompts of a batch', async () => {
    reply = wireCompletion('', { choices: [0, 1, 2, 3, 4, 5].map((index) => choice(index)) });
    const { createCompletionResponse } = await fixture.gpt.completions.createCompletion({ model: 'm', prompt: ['a', 'b', 'c'], n: 2 });
    assert.deepEqual(createCompletionResponse.choices.map((c) => c.index), [0, 1, 2, 3, 4, 5]);
  });

  it('rejects a stream chunk whose index is out of range, after yielding the chunks before it', async () => {
    streamed = [JSON.stringify({ choices: [choice(0, 'ok')] }), JSON.stringify({ choices: [choice(4294967294, 'bad')] })];
    const texts: string[] = [];
    const err = await rejectionOf(
      (async () => {
        for await (const chunk of fixture.gpt.completions.createCompletionStream({ model: 'm', prompt: 'x' })) texts.push(chunk.choices[0].text);
      })(),
    );
    assert.deepEqual(texts, ['ok']);
    assert.ok(err instanceof ResponseValidationError, String(err));
  });

  it('accepts every index below n in a stream', async () => {
    streamed = [JSON.stringify({ choices: [choice(1, 'b'), choice(0, 'a')] })];
    const chunks = await collect(fixture.gpt.completions.createCompletionStream({ model: 'm', prompt: 'x', n: 2 }));
    assert.deepEqual(chunks[0].choices.map((c) => c.index), [1, 0]);
  });
});
