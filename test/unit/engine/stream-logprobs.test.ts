import * as assert from 'node:assert/strict';
import { Gpt } from '../../../src/client';
import { completionTokens } from '../../../src/core/logprobs';
import { CompletionEngine } from '../../../src/engine/completion-engine';
import { LogprobsAccumulator } from '../../../src/engine/logprobs-accumulator';
import { ModelResolver } from '../../../src/engine/model-resolver';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/engine/settings';
import { SuffixSupport } from '../../../src/engine/suffix-support';
import { answers, startFakeServer, type FakeCompletionServer } from '../../support/fake-server';

describe('a streamed completion with stop texts', () => {
  let server: FakeCompletionServer;
  let gpt: Gpt;
  let engine: CompletionEngine;

  beforeEach(async () => {
    server = await startFakeServer();
    gpt = new Gpt({ serverURL: server.baseUrl });
    const settings: Settings = { ...DEFAULT_SETTINGS, serverUrl: server.baseUrl, model: 'm', fim: 'suffix', stop: ['<|stop|>'] };
    engine = new CompletionEngine({ gpt: () => gpt, settings: () => settings, models: new ModelResolver(), suffixSupport: new SuffixSupport() });
  });

  afterEach(async () => {
    await gpt.close();
    await server.close();
  });

  it('keeps the logprobs of text held back (it might start a stop text), so tokens and text stay aligned', async () => {
    const words = ['let', ' x', ' =', ' 1', ';', '\n', 'let', ' y'];
    server.script(answers.tokens(words.map((text, i) => ({ text, logprob: Math.log(0.5 + i / 20) }))));
    const streaming = await engine.stream({ prefix: 'a', suffix: '' });
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
