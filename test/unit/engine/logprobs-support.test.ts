import * as assert from 'node:assert/strict';
import { Gpt } from '../../../src/client';
import { CompletionEngine } from '../../../src/engine/completion-engine';
import { LogprobsSupport } from '../../../src/engine/logprobs-support';
import { ModelResolver } from '../../../src/engine/model-resolver';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/engine/settings';
import { SuffixSupport, type KeyValueStore } from '../../../src/engine/suffix-support';
import { answers, startFakeServer, type FakeCompletionServer } from '../../support/fake-server';
import { startHttpServer } from '../../support/http-server';

/** A Memento-like store in memory. */
function memoryStore(): KeyValueStore & { values: Map<string, unknown> } {
  const values = new Map<string, unknown>();
  return { values, get: <T>(key: string) => values.get(key) as T | undefined, update: async (key, value) => { values.set(key, value); } };
}

async function drain(stream: { deltas: AsyncIterable<unknown> }): Promise<void> {
  for await (const _ of stream.deltas) { /* read it all */ }
}

describe('logprobs by default, and servers that do not give them', () => {
  let server: FakeCompletionServer;
  let gpt: Gpt;
  let settings: Settings;
  let support: LogprobsSupport;
  let engine: CompletionEngine;

  beforeEach(async () => {
    server = await startFakeServer();
    gpt = new Gpt({ serverURL: server.baseUrl });
    settings = { ...DEFAULT_SETTINGS, serverUrl: server.baseUrl, model: 'm', fim: 'suffix' };
    support = new LogprobsSupport();
    engine = new CompletionEngine({ gpt: () => gpt, settings: () => settings, models: new ModelResolver(), suffixSupport: new SuffixSupport(), logprobsSupport: support });
  });

  afterEach(async () => {
    await gpt.close();
    await server.close();
  });

  it('asks for two alternatives per token out of the box', async () => {
    server.script(answers.text('x'));
    await engine.complete({ prefix: 'a', suffix: '' });
    assert.equal((await server.waitForRequest(1)).body.logprobs, 2);
  });

  it('asks again without logprobs when the server refuses the field, and remembers it for that server', async () => {
    server.script(answers.jsonError(400, 'Unsupported param: logprobs'), answers.text(' answer'), answers.text(' next'));
    const outcome = await engine.complete({ prefix: 'a', suffix: '' });
    assert.deepEqual(outcome.candidates.map((c) => c.text), [' answer'], 'no failure reaches the caller');
    assert.equal((await server.waitForRequest(1)).body.logprobs, 2);
    assert.equal('logprobs' in (await server.waitForRequest(2)).body, false);
    await engine.complete({ prefix: 'b', suffix: '' });
    assert.equal('logprobs' in (await server.waitForRequest(3)).body, false, 'the next request does not try again');
    assert.equal(server.requests.length, 3);
  });

  it('falls back for a streamed request too', async () => {
    server.script(answers.jsonError(422, 'logprobs: extra fields not permitted'), answers.text('one two three'));
    await drain(await engine.stream({ prefix: 'a', suffix: '' }));
    assert.equal('logprobs' in (await server.waitForRequest(2)).body, false);
    assert.equal(support.accepts(server.baseUrl), false);
  });

  it('passes on a 400 about something else unchanged', async () => {
    server.script(answers.jsonError(400, "This model's maximum context length is 2048 tokens"));
    await assert.rejects(engine.complete({ prefix: 'a', suffix: '' }), /maximum context length/);
    assert.equal(support.accepts(server.baseUrl), true);
  });

  it('stops asking a server whose streamed answers carry no logprobs', async () => {
    const silent = await startHttpServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      for (const text of ['one', ' two', ' three']) res.write(`data: ${JSON.stringify({ choices: [{ index: 0, text, logprobs: null, finish_reason: null }] })}\n\n`);
      res.end('data: [DONE]\n\n');
    });
    const silentUrl = `${silent.url}/v1`;
    try {
      settings = { ...settings, serverUrl: silentUrl };
      const silentGpt = new Gpt({ serverURL: silentUrl });
      const silentEngine = new CompletionEngine({ gpt: () => silentGpt, settings: () => settings, models: new ModelResolver(), suffixSupport: new SuffixSupport(), logprobsSupport: support });
      await drain(await silentEngine.stream({ prefix: 'a', suffix: '' }));
      assert.equal(support.accepts(silentUrl), false);
      await silentGpt.close();
    } finally {
      await silent.close();
    }
  });

  it('stops asking a server whose whole answers carry no logprobs', async () => {
    const silent = await startHttpServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ choices: [{ index: 0, text: 'answer', logprobs: null, finish_reason: 'stop' }] }));
    });
    const silentUrl = `${silent.url}/v1`;
    try {
      settings = { ...settings, serverUrl: silentUrl };
      const silentGpt = new Gpt({ serverURL: silentUrl });
      const silentEngine = new CompletionEngine({ gpt: () => silentGpt, settings: () => settings, models: new ModelResolver(), suffixSupport: new SuffixSupport(), logprobsSupport: support });
      await silentEngine.complete({ prefix: 'a', suffix: '' });
      assert.equal(support.accepts(silentUrl), false);
      await silentGpt.close();
    } finally {
      await silent.close();
    }
  });

  it('keeps asking a server that returned logprobs', async () => {
    server.script(answers.text('one two three'));
    await drain(await engine.stream({ prefix: 'a', suffix: '' }));
    assert.equal(support.accepts(server.baseUrl), true);
  });

  it('leaves the field out when logprobs is set to 0', async () => {
    settings = { ...settings, logprobs: 0 };
    server.script(answers.text('x'));
    await engine.complete({ prefix: 'a', suffix: '' });
    assert.equal('logprobs' in (await server.waitForRequest(1)).body, false);
  });

  it('leaves the field out of a branch request to a server known not to give logprobs', async () => {
    support.markRejected(server.baseUrl);
    server.script(answers.text(' more'));
    await engine.branch({ prompt: 'p', model: 'm', kept: '', alternative: ' x' });
    assert.equal('logprobs' in (await server.waitForRequest(1)).body, false);
  });
});

describe('LogprobsSupport', () => {
  it('remembers servers between sessions through its store', () => {
    const store = memoryStore();
    new LogprobsSupport(store).markRejected('http://a/v1');
    const later = new LogprobsSupport(store);
    assert.equal(later.accepts('http://a/v1'), false);
    assert.equal(later.accepts('http://b/v1'), true);
  });

  it('forgets everything when told, in its store too', () => {
    const store = memoryStore();
    const support = new LogprobsSupport(store);
    support.markRejected('http://a/v1');
    support.forget();
    assert.equal(support.accepts('http://a/v1'), true);
    assert.equal(new LogprobsSupport(store).accepts('http://a/v1'), true);
  });
});
