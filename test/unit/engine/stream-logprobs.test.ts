import * as assert from 'node:assert/strict';
import { completionTokens } from '../../../src/core/logprobs';
import { LogprobsAccumulator } from '../../../src/engine/logprobs-accumulator';
import { useEngineOnFakeServer } from '../../support/engine-on-fake-server';
import { answers } from '../../support/fake-server';

describe('a streamed completion with stop texts', () => {
  const { server, engine } = useEngineOnFakeServer({ model: 'm', fim: 'suffix', stop: ['<|stop|>'] });

  it('keeps the logprobs of text held back (it might start a stop text), so tokens and text stay aligned', async () => {
    const words = ['let', ' x', ' =', ' 1', ';', '\n', 'let', ' y'];
    server().script(answers.tokens(words.map((text, i) => ({ text, logprob: Math.log(0.5 + i / 20) }))));
    const streaming = await engine().stream({ prefix: 'a', suffix: '' });
    let text = '';
    const logprobs = new LogprobsAccumulator();
    for await (const delta of streaming.deltas) {
      text += delta.text;
      logprobs.add(delta.logprobs);
    }
    assert.equal(text, words.join(''));
    const tokens = completionTokens(logprobs.result!, text);
    assert.deepEqual(tokens.map((t) => t.text), words);
    assert.equal(tokens[7]!.offset, text.lastIndexOf(' y'));
  });
});
