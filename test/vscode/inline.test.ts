import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { answers } from '../support/fake-server';
import { acceptInline, configure, openWithCursor, triggerInline, typeText, useQuickSuggestionsOff, waitFor } from './support/editor';
import { useFakeServerEachTest } from './support/fake-server';

describe('Inline completion', function () {
  useQuickSuggestionsOff();

  const server = useFakeServerEachTest({
    // These tests pin the exact text around the cursor; context from other files has its own suite.
    settings: { model: 'test-model', 'inline.debounceMs': 0, fim: 'suffix', 'inline.prefetch': 'off', 'context.maxContextChars': 0 },
  });

  it('sends the text before the cursor as prompt and the text after it as suffix, and Tab inserts the suggestion', async () => {
    server().script(answers.text('a + b;'));
    const editor = await openWithCursor('function add(a, b) {\n  return |\n}\n');
    await triggerInline();
    const request = await server().waitForRequest(1);
    assert.equal(request.path, '/v1/completions');
    assert.equal(request.body.model, 'test-model');
    assert.equal(request.body.prompt, 'function add(a, b) {\n  return ');
    assert.equal(request.body.suffix, '\n}\n');
    assert.equal(request.headers.authorization, undefined, 'no key is set, so no Authorization header');
    const text = await acceptInline(editor);
    assert.equal(text, 'function add(a, b) {\n  return a + b;\n}\n');
  });

  it('sends the sampling settings with the request', async () => {
    await configure({ maxTokens: 33, temperature: 0.7, topP: 0.9, stop: ['\n\n'], user: 'user-1234' });
    server().script(answers.text('x'));
    await openWithCursor('let value = |');
    await triggerInline();
    const { body } = await server().waitForRequest(1);
    assert.equal(body.max_tokens, 33);
    assert.equal(body.temperature, 0.7);
    assert.equal(body.top_p, 0.9);
    assert.deepEqual(body.stop, ['\n\n']);
    assert.equal(body.user, 'user-1234');
  });

  it('offers n candidates that Alt+] cycles through', async () => {
    await configure({ n: 3 });
    server().script(answers.choices(['first()', 'second()', 'third()']));
    const editor = await openWithCursor('call(|');
    await triggerInline();
    const request = await server().waitForRequest(1);
    assert.equal(request.body.n, 3);
    await waitFor(async () => {
      await vscode.commands.executeCommand('editor.action.inlineSuggest.showNext');
      await vscode.commands.executeCommand('editor.action.inlineSuggest.commit');
      return editor.document.getText() !== 'call(' ? true : undefined;
    }, 'a cycled suggestion to be accepted');
    assert.match(editor.document.getText(), /^call\((second|third)\(\)/);
  });

  it('replaces closing brackets the editor auto-inserted instead of duplicating them', async () => {
    server().script(answers.text('a, b)'));
    const editor = await openWithCursor('print(|)');
    await triggerInline();
    await server().waitForRequest(1);
    assert.equal(await acceptInline(editor), 'print(a, b)');
  });

  it('aborts the request in flight once its answer does not begin with what the user typed on', async () => {
    await configure({ requestTimeoutMs: 120_000 });
    // The first token comes at once, the rest only after a minute: the connection stays open meanwhile.
    server().script(answers.tokens([{ text: '1', logprob: -0.01 }, { text: '2;', logprob: -0.01 }], { chunkDelayMs: 60_000 }), answers.text(' done'));
    const editor = await openWithCursor('const x = |');
    void triggerInline();
    const first = await server().waitForRequest(1);
    await typeText(editor, '4');
    void triggerInline();
    const ended = await Promise.race([first.ended, new Promise((resolve) => setTimeout(() => resolve('still open'), 5000))]);
    assert.equal(ended, 'aborted', 'the first request\'s connection was closed by the abort, not by a timeout');
    assert.equal((await server().waitForRequest(2)).body.prompt, 'const x = 4');
  });

  it('keeps the request in flight while the user types on before any of its answer has arrived', async () => {
    await configure({ requestTimeoutMs: 120_000 });
    server().script(answers.text('null; // not yet known', { latencyMs: 1500, chunkDelayMs: 3000 }), answers.text(' done'));
    const editor = await openWithCursor('const x = |');
    void triggerInline();
    const first = await server().waitForRequest(1);
    const sent = Date.now();
    await typeText(editor, '4');
    void triggerInline();
    const ended = await Promise.race([first.ended, new Promise((resolve) => setTimeout(() => resolve('still open'), 5000))]);
    assert.equal(ended, 'aborted', 'the first request\'s connection was closed once its answer began with something else');
    assert.ok(Date.now() - sent >= 1400, `the first request stayed open until its answer began (1500 ms), not ${Date.now() - sent} ms`);
    assert.equal((await server().waitForRequest(2)).body.prompt, 'const x = 4');
  });

  it('leaves the document untouched when the server answers an HTML error page, and recovers at the next keystroke', async () => {
    server().script(answers.rawError(502, '<html><body><h1>502 Bad Gateway</h1></body></html>'), answers.text('42;'));
    const editor = await openWithCursor('const answer =|');
    await triggerInline();
    await server().waitForRequest(1);
    await vscode.commands.executeCommand('editor.action.inlineSuggest.commit');
    assert.equal(editor.document.getText(), 'const answer =');
    await typeText(editor, ' ');
    await triggerInline();
    assert.equal((await server().waitForRequest(2)).body.prompt, 'const answer = ');
    assert.equal(await acceptInline(editor), 'const answer = 42;');
  });

  it('falls back to a fill-in-the-middle template when the server rejects suffix, and remembers it', async () => {
    await configure({ fim: 'auto', fimTemplate: 'qwen' });
    server().script(answers.jsonError(400, 'Unsupported param: suffix'), answers.text('1'), answers.text('2'));
    const editor = await openWithCursor('x = |\ny = 0');
    await triggerInline();
    const rejected = await server().waitForRequest(1);
    assert.equal(rejected.body.suffix, '\ny = 0');
    const retried = await server().waitForRequest(2);
    assert.equal(retried.body.suffix, undefined);
    assert.equal(retried.body.prompt, '<|fim_prefix|>x = <|fim_suffix|>\ny = 0<|fim_middle|>');
    assert.equal(await acceptInline(editor), 'x = 1\ny = 0');
    await typeText(editor, ' ');
    await triggerInline();
    const remembered = await server().waitForRequest(3);
    assert.equal(remembered.body.suffix, undefined, 'the server is remembered as one that rejects suffix');
    assert.match(remembered.body.prompt, /^<\|fim_prefix\|>/);
  });

  it('tries suffix again after Forget What Was Learnt About Servers', async () => {
    await configure({ fim: 'auto', fimTemplate: 'qwen' });
    server().script(answers.jsonError(400, 'Unsupported param: suffix'), answers.text('1'), answers.text('2'));
    const editor = await openWithCursor('x = |\ny = 0');
    await triggerInline();
    await server().waitForRequest(2);
    await vscode.commands.executeCommand('promptComplete.forgetServerQuirks');
    await typeText(editor, ' ');
    await triggerInline();
    const again = await server().waitForRequest(3);
    assert.equal(again.body.suffix, '\ny = 0', 'the server is asked with suffix once more');
  });

  it('sends nothing while inline completion is turned off', async () => {
    await configure({ 'inline.enabled': false });
    server().script(answers.text('never'));
    const editor = await openWithCursor('off|');
    await triggerInline();
    await typeText(editor, ' ');
    await triggerInline();
    await configure({ 'inline.enabled': true });
    server().script(answers.text('on'));
    await typeText(editor, 'x');
    await triggerInline();
    const request = await server().waitForRequest(1);
    assert.equal(request.body.prompt, 'off x');
    assert.equal(server().requests.length, 1, 'only the request made after turning it back on');
  });

  it('hides candidates whose mean token probability is below promptComplete.inline.minConfidence', async () => {
    await configure({ n: 2, logprobs: 1, 'inline.minConfidence': 0.5 });
    server().script(answers.choices([
      { tokens: [{ text: 'unsure', logprob: Math.log(0.1) }] },
      { tokens: [{ text: 'sure', logprob: Math.log(0.9) }] },
    ]));
    const editor = await openWithCursor('x = |');
    await triggerInline();
    assert.equal((await server().waitForRequest(1)).body.logprobs, 1);
    assert.equal(await acceptInline(editor), 'x = sure');
  });

  it('keeps serving a suggestion the user accepts word by word and types into, with no new request', async () => {
    server().script(answers.text('hello world again'));
    const editor = await openWithCursor('say(|');
    await triggerInline();
    await waitFor(async () => {
      await vscode.commands.executeCommand('editor.action.inlineSuggest.acceptNextWord');
      return editor.document.getText() !== 'say(';
    }, 'the suggestion to show');
    assert.equal(editor.document.getText(), 'say(hello');
    await typeText(editor, ' wo');
    await triggerInline();
    const accepted = await acceptInline(editor).catch((e) => { throw new Error(`${e.message}; doc=${JSON.stringify(editor.document.getText())} requests=${JSON.stringify(server().requests.map((r) => [r.path, r.body?.prompt]))}`); });
    assert.equal(accepted, 'say(hello world again');
    assert.equal(server().requests.length, 1, 'the typed characters were served from the first answer');
  });

  it('with prefetch on, asks for what follows a shown suggestion so that accepting it shows the next one at once', async () => {
    await configure({ 'inline.prefetch': 'on' });
    server().script(answers.text('first();'), answers.text(' second();'));
    const editor = await openWithCursor('run: |');
    await triggerInline();
    const prefetch = await server().waitForRequest(2);
    assert.equal(prefetch.body.prompt, 'run: first();', 'the prefetch asks as if the suggestion were accepted');
    await prefetch.ended;
    assert.equal(await acceptInline(editor), 'run: first();');
    await triggerInline();
    assert.equal(await acceptInline(editor), 'run: first(); second();');
    const askedAfterAccept = server().requests.filter((r) => r.body.prompt === 'run: first();');
    assert.equal(askedAfterAccept.length, 1, 'the second suggestion came from the prefetch, not a new request');
    for (const later of server().requests.slice(2)) assert.equal(later.body.prompt, 'run: first(); second();', 'only the next prefetch follows');
  });

  it('aborts a prefetch the user typed away from, so the server is free for the next request', async () => {
    await configure({ 'inline.prefetch': 'on', requestTimeoutMs: 120_000 });
    server().script(answers.text('first();'), answers.hang(), answers.text('other'));
    const editor = await openWithCursor('run: |');
    await triggerInline();
    const prefetch = await server().waitForRequest(2);
    await typeText(editor, 'z');
    void triggerInline();
    const ended = await Promise.race([prefetch.ended, new Promise((resolve) => setTimeout(() => resolve('still open'), 5000))]);
    assert.equal(ended, 'aborted');
    assert.equal((await server().waitForRequest(3)).body.prompt, 'run: z');
  });

  it('shows a slow block from its first complete line, then each line as it arrives, all from one request', async () => {
    server().script(answers.text('alpha();\nbeta();\ngamma();\ndelta();', { chunkDelayMs: 400 }));
    const editor = await openWithCursor('start();\n|');
    void triggerInline();
    const request = await server().waitForRequest(1);
    const early = await acceptInline(editor, 'start();\n');
    assert.equal(early, 'start();\nalpha();', 'the first line was offered while the rest streamed');
    assert.equal(await Promise.race([request.ended, Promise.resolve('streaming')]), 'streaming');
    await request.ended;
    // The suggestion grows as lines arrive; asking once more shows all of it.
    await triggerInline();
    const rest = await acceptInline(editor, early);
    assert.equal(rest, 'start();\nalpha();\nbeta();\ngamma();\ndelta();');
    assert.equal(server().requests.length, 1, 'the rest came from the same request');
  });

  it('uses the default for an invalid setting instead of sending it', async () => {
    await configure({ maxTokens: -3 });
    server().script(answers.text('y'));
    await openWithCursor('z|');
    await triggerInline();
    const { body } = await server().waitForRequest(1);
    assert.equal(body.max_tokens, 64);
  });
});
