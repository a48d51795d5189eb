import * as assert from 'node:assert/strict';
import { Gpt } from '../../../src/client';
import { FIM_FAMILIES, FIM_TEMPLATES, renderFim } from '../../../src/core/fim';
import { usesFimTemplate } from '../../../src/engine/branch';
import { CompletionEngine } from '../../../src/engine/completion-engine';
import { ModelResolver } from '../../../src/engine/model-resolver';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/engine/settings';
import { SuffixSupport } from '../../../src/engine/suffix-support';
import { answers, startFakeServer, type FakeCompletionServer } from '../../support/fake-server';

describe('re-asking from an alternative token', () => {
  let server: FakeCompletionServer;
  let gpt: Gpt;
  let settings: Settings;
  let engine: CompletionEngine;

  beforeEach(async () => {
    server = await startFakeServer();
    gpt = new Gpt({ serverURL: server.baseUrl });
    settings = { ...DEFAULT_SETTINGS, serverUrl: server.baseUrl, logprobs: 3, maxTokens: 32 };
    engine = new CompletionEngine({ gpt: () => gpt, settings: () => settings, models: new ModelResolver(), suffixSupport: new SuffixSupport() });
  });

  afterEach(async () => {
    await gpt.close();
    await server.close();
  });

  it('sends the prompt, the text before the token and the alternative, with the same model and suffix', async () => {
    server.script(answers.text(' sat on the mat'));
    const answer = await engine.branch({ prompt: 'The quick', suffix: '\nEnd.', model: 'recorded-model', kept: ' brown', alternative: ' cat' });
    const { body } = await server.waitForRequest(1);
    assert.equal(body.prompt, 'The quick brown cat');
    assert.equal(body.suffix, '\nEnd.');
    assert.equal(body.model, 'recorded-model');
    assert.equal(body.logprobs, 3);
    assert.equal(body.n, 1);
    assert.equal(body.stream, undefined);
    assert.equal(answer.continuation, ' sat on the mat');
  });

  it('sends no suffix when the original had none', async () => {
    server.script(answers.text(' more'));
    await engine.branch({ prompt: 'a', model: 'm', kept: '', alternative: ' b' });
    const { body } = await server.waitForRequest(1);
    assert.equal(body.prompt, 'a b');
    assert.equal('suffix' in body, false);
  });

  it('continues inside a fill-in-the-middle template without wrapping it again, stopping at its stop texts', async () => {
    const template = renderFim('qwen', 'def f(', '):\n');
    server.script(answers.text('y<|endoftext|>junk'));
    settings = { ...settings, fimTemplate: 'qwen' };
    const answer = await engine.branch({ prompt: template.prompt, model: 'm', kept: 'x, ', alternative: 'z' });
    const { body } = await server.waitForRequest(1);
    assert.equal(body.prompt, `${template.prompt}x, z`);
    assert.deepEqual(body.stop, template.stop);
    assert.equal(answer.continuation, 'y');
  });

  it('continues inside the template auto-detected from the recorded model id', async () => {
    const template = renderFim('deepseek', 'def f(', '):\n');
    server.script(answers.text('y<｜end▁of▁sentence｜>junk'));
    const answer = await engine.branch({ prompt: template.prompt, model: 'deepseek-coder:6.7b-base', kept: 'x, ', alternative: 'z' });
    assert.deepEqual((await server.waitForRequest(1)).body.stop, template.stop);
    assert.equal(answer.continuation, 'y');
  });

  it('rejects with the server error when the server fails', async () => {
    server.script(answers.jsonError(400, 'bad'));
    await assert.rejects(engine.branch({ prompt: 'a', model: 'm', kept: '', alternative: 'b' }), /bad/);
  });
});

describe('recognising a fill-in-the-middle prompt', () => {
  it('recognises each family\'s rendering', () => {
    for (const family of FIM_FAMILIES) {
      assert.equal(usesFimTemplate(renderFim(family, 'before', 'after').prompt, FIM_TEMPLATES[family]), true, family);
    }
  });

  it('does not take plain text for a template', () => {
    assert.equal(usesFimTemplate('function add(a, b) {', FIM_TEMPLATES.qwen), false);
    assert.equal(usesFimTemplate('<|fim_prefix|>only the start', FIM_TEMPLATES.qwen), false);
  });
});
