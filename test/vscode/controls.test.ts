import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { answers, startFakeServer, type FakeCompletionServer } from '../support/fake-server';
import { acceptInline, configure, openWithCursor, triggerInline, typeText, useQuickSuggestionsOff } from './support/editor';
import { useFakeServerEachTest } from './support/fake-server';

/** Types `letter` as the keyboard would and reports whether that alone sent a request within a short deadline. */
async function typingAsks(server: FakeCompletionServer, editor: vscode.TextEditor, letter: string): Promise<boolean> {
  const before = server.requests.length;
  await typeText(editor, letter);
  return server.waitForRequest(before + 1, 1500).then(() => true, () => false);
}

describe('Everyday controls', () => {
  useQuickSuggestionsOff();

  const server = useFakeServerEachTest({
    server: { defaultAnswer: answers.text('x') },
    // Context from the workspace (the untitled file's name) would head every prompt: these tests are about the controls.
    settings: { model: 'test-model', 'inline.debounceMs': 0, fim: 'suffix', 'inline.prefetch': 'off', 'context.maxContextChars': 0 },
  });

  describe('manual mode', () => {
    it('sends nothing while the user types', async () => {
      await configure({ 'inline.trigger': 'manual' });
      const editor = await openWithCursor('let total = |');
      assert.equal(await typingAsks(server(), editor, 'a'), false);
      assert.equal(await typingAsks(server(), editor, 'b'), false);
      assert.equal(server().requests.length, 0);
    });

    it('asks when the user triggers a suggestion (Alt+\\), and Tab inserts it', async () => {
      await configure({ 'inline.trigger': 'manual' });
      server().script(answers.text(' + 1;'));
      const editor = await openWithCursor('let total = |');
      await typeText(editor, 'a');
      await triggerInline();
      const request = await server().waitForRequest(1);
      assert.equal(request.body.prompt, 'let total = a');
      assert.equal(await acceptInline(editor), 'let total = a + 1;');
      assert.equal(server().requests.length, 1);
    });

    it('goes back to asking as the user types when switched to automatic', async () => {
      await configure({ 'inline.trigger': 'manual' });
      const editor = await openWithCursor('value = |');
      assert.equal(await typingAsks(server(), editor, '1'), false);
      await configure({ 'inline.trigger': 'automatic' });
      assert.equal(await typingAsks(server(), editor, '2'), true);
    });
  });

  describe('the fill-in-the-middle template picked from the model id', () => {
    const cases: { model: string; prompt: string; firstStop: string }[] = [
      { model: 'qwen2.5-coder-7b-instruct-q4_k_m.gguf', prompt: '<|fim_prefix|>a = <|fim_suffix|>\nb<|fim_middle|>', firstStop: '<|endoftext|>' },
      { model: 'TheBloke/deepseek-coder-6.7B-base-GGUF', prompt: '<｜fim▁begin｜>a = <｜fim▁hole｜>\nb<｜fim▁end｜>', firstStop: '<｜end▁of▁sentence｜>' },
      { model: 'bartowski/Codestral-22B-v0.1-GGUF', prompt: '[SUFFIX]\nb[PREFIX]a = ', firstStop: '</s>' },
      { model: 'starcoder2:3b-q4_K_M', prompt: '<fim_prefix>a = <fim_suffix>\nb<fim_middle>', firstStop: '<|endoftext|>' },
      { model: 'codellama:7b-code-q4_0', prompt: '<PRE> a =  <SUF>\nb <MID>', firstStop: '<EOT>' },
      { model: 'codegemma:2b-code', prompt: '<|fim_prefix|>a = <|fim_suffix|>\nb<|fim_middle|>', firstStop: '<|file_separator|>' },
    ];
    for (const { model, prompt, firstStop } of cases) {
      it(`renders the tokens of ${model}`, async () => {
        await configure({ fim: 'template', model });
        await openWithCursor('a = |\nb');
        await triggerInline();
        const request = await server().waitForRequest(1);
        assert.equal(request.body.prompt, prompt);
        assert.equal(request.body.stop[0], firstStop);
        assert.equal(request.body.suffix, undefined);
      });
    }

    it('detects the family of the model the server lists when none is set', async () => {
      await server().close();
      const listingServer = await startFakeServer({ models: ['deepseek-coder:6.7b-base-q4_K_M'], defaultAnswer: answers.text('x') });
      try {
        await configure({ serverUrl: listingServer.baseUrl, fim: 'template', model: '' });
        await openWithCursor('a = |\nb');
        await triggerInline();
        const request = await listingServer.waitForRequestWhere((r) => r.path === '/v1/completions');
        assert.equal(request.body.model, 'deepseek-coder:6.7b-base-q4_K_M');
        assert.equal(request.body.prompt, '<｜fim▁begin｜>a = <｜fim▁hole｜>\nb<｜fim▁end｜>');
      } finally {
        await listingServer.close();
      }
    });

    it('sends a custom template\'s exact prompt and stop strings', async () => {
      await configure({
        fim: 'template',
        model: 'my-own-finetune',
        fimTemplate: 'custom',
        fimCustomTemplate: { prefix: '<|begin|>', suffix: '<|hole|>', middle: '<|fill|>', stop: ['<|stop|>'] },
      });
      server().script(answers.text('42<|stop|>never shown'));
      const editor = await openWithCursor('answer = |\nprint(answer)');
      await triggerInline();
      const request = await server().waitForRequest(1);
      assert.equal(request.body.prompt, '<|begin|>answer = <|hole|>\nprint(answer)<|fill|>');
      assert.deepEqual(request.body.stop, ['<|stop|>']);
      assert.equal(await acceptInline(editor), 'answer = 42\nprint(answer)');
    });
  });

  describe('extra request fields', () => {
    it('go on the wire beside the fields the extension sets', async () => {
      await configure({ extraRequestFields: { cache_prompt: true, t_max_predict_ms: 500, n_indent: 2 } });
      await openWithCursor('x = |');
      await triggerInline();
      const { body } = await server().waitForRequest(1);
      assert.equal(body.cache_prompt, true);
      assert.equal(body.t_max_predict_ms, 500);
      assert.equal(body.n_indent, 2);
      assert.equal(body.model, 'test-model');
    });

    it('cannot override a field the extension owns: the setting is refused and nothing extra is sent', async () => {
      await configure({ extraRequestFields: { max_tokens: 4000, stream: false, cache_prompt: true } });
      await openWithCursor('x = |');
      await triggerInline();
      const { body } = await server().waitForRequest(1);
      assert.equal(body.max_tokens, 64);
      assert.equal(body.stream, true);
      assert.equal(body.cache_prompt, undefined);
    });
  });

  describe('the daily token budget', () => {
    it('pauses automatic suggestions once spent, still answers an explicit ask, and resumes when raised', async () => {
      // Whatever today's count already is, one completion spends a budget of one token.
      await configure({ 'usage.dailyTokenBudget': 1 });
      server().script(answers.text('spent', { usage: { promptTokens: 40, completionTokens: 2 } }));
      const editor = await openWithCursor('count = |');
      editor.selection = new vscode.Selection(0, 8, 0, 8);
      await vscode.commands.executeCommand('promptComplete.completeSelection');
      assert.equal(editor.document.getText(), 'count = spent');
      assert.equal(await typingAsks(server(), editor, '!'), false, 'paused: typing sends nothing');
      await triggerInline();
      await server().waitForRequest(2);
      await configure({ 'usage.dailyTokenBudget': 1_000_000_000 });
      assert.equal(await typingAsks(server(), editor, '?'), true, 'resumed with a raised budget');
    });
  });
});
