import * as assert from 'node:assert/strict';
import { Gpt } from '../../../src/client';
import type { PromptContext } from '../../../src/core/context/snippet';
import { CompletionEngine, type CompletionStreamer } from '../../../src/engine/completion-engine';
import { InlineSession, type InlineAnswer } from '../../../src/engine/inline-session';
import { ModelResolver } from '../../../src/engine/model-resolver';
import type { SentRequest } from '../../../src/engine/sent-request';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/engine/settings';
import { SuffixSupport } from '../../../src/engine/suffix-support';
import { answers, startFakeServer, type FakeCompletionServer } from '../../support/fake-server';
import { OracleStreamer } from '../../support/simulation/oracle-streamer';
import { VirtualClock } from '../../support/simulation/virtual-clock';

const context: PromptContext = {
  file: { path: 'src/report.py', languageId: 'python' },
  repoName: 'shop',
  snippets: [{ path: 'src/tax.py', languageId: 'python', text: 'VAT_RATE = 0.2', source: 'definition', startLine: 0 }],
};

describe('requests with context from other files', () => {
  let server: FakeCompletionServer;
  let gpt: Gpt;
  let settings: Settings;
  let sent: SentRequest[];
  let engine: CompletionEngine;

  beforeEach(async () => {
    server = await startFakeServer();
    gpt = new Gpt({ serverURL: server.baseUrl, apiKeyAuth: 'sk-secret-key', headers: { 'x-gateway-token': 'gateway-secret' } });
    settings = { ...DEFAULT_SETTINGS, serverUrl: server.baseUrl, model: 'm', fim: 'suffix', headers: { 'x-gateway-token': 'gateway-secret' } };
    sent = [];
    engine = new CompletionEngine({ gpt: () => gpt, settings: () => settings, models: new ModelResolver(), suffixSupport: new SuffixSupport(), onSent: (s) => sent.push(s) });
  });

  afterEach(async () => {
    await gpt.close();
    await server.close();
  });

  it('puts path comments and the snippets at the head of prompt when the suffix goes natively', async () => {
    server.script(answers.text('x'));
    await engine.complete({ prefix: 'total = price * ', suffix: '\n', context });
    const { body } = await server.waitForRequest(1);
    assert.equal(body.prompt, '# src/tax.py\nVAT_RATE = 0.2\n\n# src/report.py\ntotal = price * ');
    assert.equal(body.suffix, '\n');
  });

  it('uses Qwen2.5-Coder\'s repository tokens around its fill-in-the-middle template', async () => {
    settings = { ...settings, fim: 'template', fimTemplate: 'qwen' };
    server.script(answers.text('x'));
    await engine.complete({ prefix: 'total = ', suffix: '\n', context });
    const { body } = await server.waitForRequest(1);
    assert.equal(body.prompt, '<|repo_name|>shop\n<|file_sep|>src/tax.py\nVAT_RATE = 0.2\n<|file_sep|>src/report.py\n<|fim_prefix|>total = <|fim_suffix|>\n<|fim_middle|>');
  });

  it('renders the context again in the template\'s format when a server refuses suffix and the request falls back', async () => {
    settings = { ...settings, fim: 'auto', fimTemplate: 'starcoder' };
    server.script(answers.jsonError(400, 'Unsupported param: suffix'), answers.text('x'));
    await engine.complete({ prefix: 'total = ', suffix: '\n', context });
    const retried = await server.waitForRequest(2);
    assert.equal(retried.body.prompt, '<repo_name>shop<file_sep>src/tax.py\nVAT_RATE = 0.2<file_sep><fim_prefix>src/report.py\ntotal = <fim_suffix>\n<fim_middle>');
  });

  it('sends exactly the text around the cursor when no context is given', async () => {
    server.script(answers.text('x'));
    await engine.complete({ prefix: 'total = ', suffix: '\n' });
    assert.equal((await server.waitForRequest(1)).body.prompt, 'total = ');
  });

  it('records each request as sent, with its context and purpose, but never the key or header values', async () => {
    server.script(answers.text('x'));
    const streaming = await engine.stream({ prefix: 'total = ', suffix: '\n', context }, { purpose: 'Complete Selection' });
    for await (const delta of streaming.deltas) void delta;
    const { body } = await server.waitForRequest(1);
    assert.equal(sent.length, 1);
    assert.deepEqual(sent[0]!.body, body, 'the recorded body is the one the server received');
    assert.equal(sent[0]!.purpose, 'Complete Selection');
    assert.equal(sent[0]!.url, `${server.baseUrl}/completions`);
    assert.deepEqual(sent[0]!.headerNames, ['x-gateway-token']);
    assert.deepEqual(sent[0]!.context, context);
    const everything = JSON.stringify(sent[0]);
    assert.ok(!everything.includes('sk-secret-key') && !everything.includes('gateway-secret'));
  });
});

describe('inline session with context', () => {
  const FILE = 'total = price * VAT_RATE\n';

  function setup() {
    const clock = new VirtualClock();
    const oracle = new OracleStreamer(clock, FILE, '', { firstTokenMs: 50, perTokenMs: 5 });
    const seen: (PromptContext | undefined)[] = [];
    const recording: CompletionStreamer = { stream: (input, options) => (seen.push(input.context), oracle.stream(input, options)) };
    const settings: Settings = { ...DEFAULT_SETTINGS, debounceMs: 100, prefetch: 'off' };
    const session = new InlineSession({ engine: recording, settings: () => settings, clock });
    const packed: string[] = [];
    const promptContext = (prefix: string) => {
      packed.push(prefix);
      return context;
    };
    const ask = (prefix: string) => {
      let answer: InlineAnswer | undefined;
      void session.provide({ prefix, suffix: '', multiline: false, explicit: false, signal: new AbortController().signal, promptContext }).then((a) => (answer = a));
      return () => answer;
    };
    return { clock, seen, packed, ask };
  }

  it('packs the context only when a request goes out (after the debounce, mid-word), and sends it with the request', async () => {
    const { clock, seen, packed, ask } = setup();
    ask('total = price');
    await clock.run();
    assert.deepEqual(packed, ['total = price'], 'a fresh spot asks at once');
    assert.deepEqual(seen, [context]);
    ask('total = pricex');
    await clock.run(clock.now() + 20);
    assert.equal(packed.length, 1, 'nothing is packed while the debounce runs');
    await clock.run();
    assert.deepEqual(packed, ['total = price', 'total = pricex']);
  });

  it('does not pack for an answer served from the cache', async () => {
    const { clock, packed, ask } = setup();
    ask('total = price');
    await clock.run();
    const cached = ask('total = price * ');
    await clock.run(clock.now() + 1);
    assert.equal(cached()?.suggestions[0]?.text, 'VAT_RATE');
    assert.equal(packed.length, 1);
  });
});
