import * as assert from 'node:assert/strict';
import { ConnectionError, Gpt, RequestTimeoutError } from '../../../src/client';
import { CompletionEngine, cutAtStop } from '../../../src/engine/completion-engine';
import { ModelResolver } from '../../../src/engine/model-resolver';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/engine/settings';
import { SuffixSupport } from '../../../src/engine/suffix-support';
import { answers, startFakeServer, type FakeCompletionServer } from '../../support/fake-server';

describe('completion engine', () => {
  let server: FakeCompletionServer;
  let gpt: Gpt;
  let settings: Settings;
  let suffixSupport: SuffixSupport;
  let engine: CompletionEngine;

  beforeEach(async () => {
    server = await startFakeServer({ models: ['listed-model', 'other'] });
    gpt = new Gpt({ serverURL: server.baseUrl });
    settings = { ...DEFAULT_SETTINGS, serverUrl: server.baseUrl, model: 'm', fim: 'suffix' };
    suffixSupport = new SuffixSupport();
    engine = new CompletionEngine({ gpt: () => gpt, settings: () => settings, models: new ModelResolver(), suffixSupport });
  });

  afterEach(async () => {
    await gpt.close();
    await server.close();
  });

  it('sends the prefix as prompt and the suffix natively in suffix mode', async () => {
    server.script(answers.text('middle'));
    const outcome = await engine.complete({ prefix: 'before ', suffix: ' after' });
    const { body } = await server.waitForRequest(1);
    assert.equal(body.prompt, 'before ');
    assert.equal(body.suffix, ' after');
    assert.equal(outcome.fim, 'suffix');
    assert.deepEqual(outcome.candidates.map((c) => c.text), ['middle']);
  });

  it('ends a stream that keeps sending text past requestTimeoutMs: the setting bounds the whole request', async () => {
    settings = { ...settings, requestTimeoutMs: 1000 };
    server.script(answers.text('word '.repeat(60), { chunkDelayMs: 100 }));
    const started = Date.now();
    const streaming = await engine.stream({ prefix: 'p', suffix: '' });
    let received = '';
    const error = await (async () => {
      for await (const delta of streaming.deltas) received += delta.text;
    })().then(() => undefined, (err: unknown) => err);
    assert.ok(error instanceof RequestTimeoutError, String(error));
    assert.ok(received.length > 0, 'the text that came in time was delivered');
    assert.ok(Date.now() - started < 3000, `ended after ${Date.now() - started} ms; the whole answer takes 6 s`);
  });

  it('sends no suffix field when nothing follows the cursor', async () => {
    server.script(answers.text('x'));
    const outcome = await engine.complete({ prefix: 'end of file', suffix: '' });
    const { body } = await server.waitForRequest(1);
    assert.equal('suffix' in body, false);
    assert.equal(outcome.fim, 'none');
  });

  it('renders the chosen family\'s tokens into the prompt in template mode, with its stop tokens', async () => {
    settings = { ...settings, fim: 'template', fimTemplate: 'starcoder', stop: ['\n\n'] };
    server.script(answers.text('x'));
    await engine.complete({ prefix: 'a', suffix: 'b' });
    const { body } = await server.waitForRequest(1);
    assert.equal(body.prompt, '<fim_prefix>a<fim_suffix>b<fim_middle>');
    assert.equal(body.suffix, undefined);
    assert.ok(body.stop.includes('\n\n'), 'the user\'s stop text is kept');
    assert.ok(body.stop.includes('<|endoftext|>'), 'the family\'s end token is a stop');
  });

  it('cuts a candidate at a template stop token the server did not honour', async () => {
    settings = { ...settings, fim: 'template', fimTemplate: 'starcoder' };
    server.script(answers.text('value<|endoftext|>garbage'));
    const outcome = await engine.complete({ prefix: 'a', suffix: 'b' });
    assert.equal(outcome.candidates[0].text, 'value');
  });

  it('in auto mode retries with the template when the server rejects suffix, and remembers the server', async () => {
    settings = { ...settings, fim: 'auto', fimTemplate: 'codellama' };
    server.script(answers.jsonError(400, 'Unsupported param: suffix'), answers.text('1'), answers.text('2'));
    const first = await engine.complete({ prefix: 'p', suffix: 's' });
    assert.equal(first.fim, 'template');
    assert.equal((await server.waitForRequest(2)).body.prompt, '<PRE> p <SUF>s <MID>');
    assert.equal(suffixSupport.accepts(server.baseUrl), false);
    await engine.complete({ prefix: 'p', suffix: 's' });
    assert.equal(server.requests.length, 3, 'the third request went straight to the template');
    assert.equal((await server.waitForRequest(3)).body.suffix, undefined);
  });

  it('in auto mode does not fall back on an error that is not about suffix', async () => {
    settings = { ...settings, fim: 'auto' };
    server.script(answers.jsonError(400, 'max_tokens is too large'));
    await assert.rejects(engine.complete({ prefix: 'p', suffix: 's' }), /max_tokens is too large/);
    assert.equal(server.requests.length, 1);
    assert.equal(suffixSupport.accepts(server.baseUrl), true);
  });

  it('uses the first listed model when none is set, asking the server only once', async () => {
    settings = { ...settings, model: '' };
    server.script(answers.text('a'), answers.text('b'));
    await engine.complete({ prefix: 'x', suffix: '' });
    await engine.complete({ prefix: 'y', suffix: '' });
    const completions = server.requests.filter((r) => r.path === '/v1/completions');
    const listings = server.requests.filter((r) => r.path === '/v1/models');
    assert.deepEqual(completions.map((r) => r.body.model), ['listed-model', 'listed-model']);
    assert.equal(listings.length, 1);
  });

  it('asks for logprobs when the setting is on', async () => {
    settings = { ...settings, logprobs: 3 };
    server.script(answers.text('a'));
    await engine.complete({ prefix: 'x', suffix: '' });
    assert.equal((await server.waitForRequest(1)).body.logprobs, 3);
  });

  it('streams deltas whose concatenation is the whole answer', async () => {
    server.script(answers.text(' one two three'));
    const streaming = await engine.stream({ prefix: 'zero', suffix: '' });
    let text = '';
    for await (const delta of streaming.deltas) text += delta.text;
    assert.equal(text, ' one two three');
    assert.equal((await server.waitForRequest(1)).body.stream, true);
  });

  it('stops a stream at a stop text split across chunks and closes the connection', async () => {
    settings = { ...settings, fim: 'template', fimTemplate: 'starcoder' };
    server.script(answers.tokens([
      { text: 'ok', logprob: -0.1 }, { text: '<|endof', logprob: -0.1 }, { text: 'text|>', logprob: -0.1 }, { text: 'more', logprob: -0.1 },
      { text: ' and more', logprob: -0.1 },
    ], { chunkDelayMs: 20 }));
    const streaming = await engine.stream({ prefix: 'a', suffix: 'b' });
    let text = '';
    for await (const delta of streaming.deltas) text += delta.text;
    assert.equal(text, 'ok');
  });

  it('throws when a stream is cut before it ends, rather than returning a short answer', async () => {
    server.script(answers.text(' a b c d e f g', { cutAfterChunks: 2 }));
    await assert.rejects(async () => {
      const streaming = await engine.stream({ prefix: 'x', suffix: '' });
      for await (const _delta of streaming.deltas) { /* drain */ }
    }, ConnectionError);
  });

  it('cutAtStop cuts before the earliest stop text', () => {
    assert.equal(cutAtStop('abc\n\ndef</s>', ['</s>', '\n\n']), 'abc');
    assert.equal(cutAtStop('abc', []), 'abc');
    assert.equal(cutAtStop('abc', ['']), 'abc');
  });
});
