import * as assert from 'node:assert/strict';
import { Gpt } from '../../../src/client';
import type { RequestUsage } from '../../../src/core/usage';
import { CompletionEngine } from '../../../src/engine/completion-engine';
import { StreamUsageSupport } from '../../../src/engine/field-support';
import { ModelResolver } from '../../../src/engine/model-resolver';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/engine/settings';
import { SuffixSupport } from '../../../src/engine/suffix-support';
import { answers, startFakeServer, type FakeCompletionServer } from '../../support/fake-server';

/** Polls until `condition` holds, failing after the deadline. */
async function until(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('completion engine: token usage', () => {
  let server: FakeCompletionServer;
  let gpt: Gpt;
  let settings: Settings;
  let usageSupport: StreamUsageSupport;
  let usages: RequestUsage[];
  let engine: CompletionEngine;

  beforeEach(async () => {
    server = await startFakeServer();
    gpt = new Gpt({ serverURL: server.baseUrl });
    settings = { ...DEFAULT_SETTINGS, serverUrl: server.baseUrl, model: 'm', fim: 'suffix' };
    usageSupport = new StreamUsageSupport();
    usages = [];
    engine = new CompletionEngine({
      gpt: () => gpt, settings: () => settings, models: new ModelResolver(), suffixSupport: new SuffixSupport(),
      streamUsageSupport: usageSupport, onUsage: (usage) => usages.push(usage),
    });
  });

  afterEach(async () => {
    await gpt.close();
    await server.close();
  });

  async function drain(prefix: string): Promise<string> {
    const streaming = await engine.stream({ prefix, suffix: '' });
    let text = '';
    for await (const delta of streaming.deltas) text += delta.text;
    return text;
  }

  it('reports the count a whole (JSON) answer carries', async () => {
    server.script(answers.text(' done', { usage: { promptTokens: 321, completionTokens: 7 } }));
    await engine.complete({ prefix: 'prompt', suffix: ' tail' });
    assert.deepEqual(usages, [{ promptChars: 11, completionChars: 5, reported: { promptTokens: 321, completionTokens: 7 } }]);
    assert.equal((await server.waitForRequest(1)).body.stream_options, undefined, 'only streams ask for it');
  });

  it('asks a stream for its count and reports the count from the last chunk', async () => {
    server.script(answers.text(' one two', { usage: { promptTokens: 40, completionTokens: 2 } }));
    assert.equal(await drain('zero'), ' one two');
    assert.deepEqual((await server.waitForRequest(1)).body.stream_options, { include_usage: true });
    await until(() => usages.length === 1, 'the usage report');
    assert.deepEqual(usages[0].reported, { promptTokens: 40, completionTokens: 2 });
  });

  it('still gets the count when the reader stops at the last finish, before the count arrives', async () => {
    server.script(answers.text(' one two', { usage: { promptTokens: 40, completionTokens: 2 } }));
    const streaming = await engine.stream({ prefix: 'zero', suffix: '' });
    for await (const delta of streaming.deltas) if (delta.finishReason) break;
    await until(() => usages.length === 1, 'the usage report');
    assert.deepEqual(usages[0].reported, { promptTokens: 40, completionTokens: 2 });
    assert.equal(await server.requests[0].ended, 'completed');
  });

  it('counts the streamed pieces of a stream closed before the server finished', async () => {
    server.script(answers.text(' a b c d e f g h', { chunkDelayMs: 30, usage: { promptTokens: 40, completionTokens: 8 } }));
    const streaming = await engine.stream({ prefix: 'zero', suffix: '' });
    let pieces = 0;
    for await (const _delta of streaming.deltas) if (++pieces === 3) break;
    await until(() => usages.length === 1, 'the usage report');
    assert.equal(usages[0].reported, undefined);
    assert.equal(usages[0].streamedPieces, 3);
    assert.equal(usages[0].promptChars, 4);
  });

  it('sends again without stream_options when the server refuses it, and remembers that server', async () => {
    server.script(answers.jsonError(400, 'Unsupported param: stream_options'), answers.text(' ok'), answers.text(' again'));
    assert.equal(await drain('x'), ' ok');
    assert.deepEqual(server.requests[0].body.stream_options, { include_usage: true });
    assert.equal(server.requests[1].body.stream_options, undefined);
    assert.equal(usageSupport.accepts(server.baseUrl), false);
    await drain('y');
    assert.equal(server.requests.length, 3);
    assert.equal(server.requests[2].body.stream_options, undefined, 'asked without it straight away');
  });

  it('falls back from both stream_options and suffix when the server refuses each in turn', async () => {
    settings = { ...settings, fim: 'auto', model: 'starcoder2-3b' };
    server.script(answers.jsonError(400, 'Unsupported param: stream_options'), answers.jsonError(400, 'Unsupported param: suffix'), answers.text('z'));
    const streaming = await engine.stream({ prefix: 'a', suffix: 'b' });
    for await (const _delta of streaming.deltas) { /* drain */ }
    assert.equal(server.requests.length, 3);
    assert.equal(server.requests[2].body.prompt, '<fim_prefix>a<fim_suffix>b<fim_middle>');
    assert.equal(server.requests[2].body.stream_options, undefined);
  });
});
