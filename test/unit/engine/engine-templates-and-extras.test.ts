import * as assert from 'node:assert/strict';
import { Gpt } from '../../../src/client';
import { CompletionEngine } from '../../../src/engine/completion-engine';
import { ModelResolver } from '../../../src/engine/model-resolver';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/engine/settings';
import { SuffixSupport } from '../../../src/engine/suffix-support';
import { answers, startFakeServer, type FakeCompletionServer } from '../../support/fake-server';

describe('completion engine: the template for the model, and extra fields', () => {
  let server: FakeCompletionServer;
  let gpt: Gpt;
  let settings: Settings;
  let engine: CompletionEngine;

  beforeEach(async () => {
    server = await startFakeServer({ models: ['TheBloke/deepseek-coder-6.7B-base-GGUF'], defaultAnswer: answers.text('x') });
    gpt = new Gpt({ serverURL: server.baseUrl });
    settings = { ...DEFAULT_SETTINGS, serverUrl: server.baseUrl, fim: 'template' };
    engine = new CompletionEngine({ gpt: () => gpt, settings: () => settings, models: new ModelResolver(), suffixSupport: new SuffixSupport() });
  });

  afterEach(async () => {
    await gpt.close();
    await server.close();
  });

  it('renders the family the model id names (auto, the default)', async () => {
    settings = { ...settings, model: 'bartowski/Codestral-22B-v0.1-GGUF' };
    await engine.complete({ prefix: 'a = ', suffix: '\nb' });
    const { body } = await server.waitForRequest(1);
    assert.equal(body.prompt, '[SUFFIX]\nb[PREFIX]a = ');
    assert.equal(body.stop[0], '</s>');
  });

  it('detects the family of the model the server lists when none is set', async () => {
    settings = { ...settings, model: '' };
    await engine.complete({ prefix: 'p', suffix: 's' });
    const completion = await server.waitForRequestWhere((r) => r.path === '/v1/completions');
    assert.equal(completion.body.prompt, '<｜fim▁begin｜>p<｜fim▁hole｜>s<｜fim▁end｜>');
    assert.deepEqual(engine.fimTemplateInUse(), {
      template: { kind: 'family', family: 'deepseek', reason: 'detected', template: engine.fimTemplateInUse().template.template },
      model: 'TheBloke/deepseek-coder-6.7B-base-GGUF',
      sendsSuffix: false,
    });
  });

  it('after auto fell back from suffix, renders the detected family', async () => {
    settings = { ...settings, fim: 'auto', model: 'qwen2.5-coder-7b-instruct-q4_k_m.gguf' };
    server.script(answers.jsonError(400, 'Unsupported param: suffix'), answers.text('1'));
    await engine.complete({ prefix: 'x = ', suffix: '\n' });
    assert.equal((await server.waitForRequest(2)).body.prompt, '<|fim_prefix|>x = <|fim_suffix|>\n<|fim_middle|>');
  });

  it('sends the custom template\'s exact prompt and stop strings', async () => {
    settings = {
      ...settings,
      model: 'qwen2.5-coder:1.5b-base',
      fimTemplate: 'custom',
      fimCustomTemplate: { prefix: '<|begin|>', suffix: '<|hole|>', middle: '<|fill|>', order: 'prefix-first', stop: ['<|stop|>', '<|begin|>'] },
    };
    server.script(answers.text('42<|stop|>ignored'));
    const outcome = await engine.complete({ prefix: 'answer = ', suffix: '\nprint(answer)' });
    const { body } = await server.waitForRequest(1);
    assert.equal(body.prompt, '<|begin|>answer = <|hole|>\nprint(answer)<|fill|>');
    assert.deepEqual(body.stop, ['<|stop|>', '<|begin|>']);
    assert.equal(body.suffix, undefined);
    assert.equal(outcome.candidates[0].text, '42', 'cut at the custom stop string the server did not honour');
    assert.equal(engine.fimTemplateInUse().template.kind, 'custom');
  });

  it('uses a family chosen by hand over the one the model id names', async () => {
    settings = { ...settings, model: 'qwen2.5-coder:1.5b-base', fimTemplate: 'codellama' };
    await engine.complete({ prefix: 'p', suffix: 's' });
    assert.equal((await server.waitForRequest(1)).body.prompt, '<PRE> p <SUF>s <MID>');
  });

  it('merges the extra request fields into the body, whole and streamed', async () => {
    settings = { ...settings, model: 'm', fim: 'suffix', extraRequestFields: { cache_prompt: true, n_indent: 2, samplers: ['top_k'] } };
    await engine.complete({ prefix: 'p', suffix: '' });
    const streaming = await engine.stream({ prefix: 'q', suffix: '' });
    for await (const _delta of streaming.deltas) { /* drain */ }
    for (const n of [1, 2]) {
      const { body } = await server.waitForRequest(n);
      assert.equal(body.cache_prompt, true);
      assert.equal(body.n_indent, 2);
      assert.deepEqual(body.samplers, ['top_k']);
      assert.equal(body.model, 'm');
    }
  });
});
