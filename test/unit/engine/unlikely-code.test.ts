import * as assert from 'node:assert/strict';
import { Gpt } from '../../../src/client';
import { checkUnlikelyCode, EchoUnsupportedError, type UnlikelyCodeInput } from '../../../src/engine/unlikely-code';
import { answers, startFakeServer, type FakeCompletionServer, type ScriptedToken } from '../../support/fake-server';

const ln = Math.log;
const TEXT = 'def total(items):\n    retrun sum(items)\n';

/** The echo of TEXT: each token with its probability; `trun` is the slip. */
const ECHO: ScriptedToken[] = [
  { text: 'def', logprob: ln(0.5) },
  { text: ' total', logprob: ln(0.1) },
  { text: '(items', logprob: ln(0.2) },
  { text: '):\n   ', logprob: ln(0.6) },
  { text: ' re', logprob: ln(0.3) },
  { text: 'trun', logprob: ln(0.0002), top: { turn: ln(0.7), set: ln(0.1) } },
  { text: ' sum', logprob: ln(0.05) },
  { text: '(items)\n', logprob: ln(0.4) },
];

function input(overrides: Partial<UnlikelyCodeInput> = {}): UnlikelyCodeInput {
  return { text: TEXT, model: 'm', threshold: 0.001, windowChars: 8000, contextChars: 1000, ...overrides };
}

describe('Check Unlikely Code, engine', () => {
  let server: FakeCompletionServer;
  let gpt: Gpt;

  beforeEach(async () => {
    server = await startFakeServer();
    gpt = new Gpt({ serverURL: server.baseUrl });
  });

  afterEach(async () => {
    await gpt.close();
    await server.close();
  });

  it('scores the text with echo, no new tokens and five alternatives per position', async () => {
    server.script(answers.tokens(ECHO));
    await checkUnlikelyCode(gpt, input());
    const { body } = await server.waitForRequest(1);
    assert.equal(body.prompt, TEXT);
    assert.equal(body.echo, true);
    assert.equal(body.max_tokens, 0);
    assert.equal(body.logprobs, 5);
  });

  it('marks the tokens below the threshold where they are in the text, with what the model expected', async () => {
    server.script(answers.tokens(ECHO));
    const report = await checkUnlikelyCode(gpt, input());
    assert.deepEqual(report.marks.map((m) => [m.text, m.offset, TEXT.slice(m.offset, m.offset + m.length)]), [['trun', TEXT.indexOf('trun'), 'trun']]);
    assert.deepEqual(report.marks[0]!.alternatives.map((a) => a.text), ['turn', 'set']);
    assert.equal(report.judgedTokens, ECHO.length);
    assert.equal(report.requests, 1);
  });

  it('judges only the selection, sending the text before it as context', async () => {
    const from = TEXT.indexOf('    retrun');
    server.script(answers.tokens(ECHO));
    const report = await checkUnlikelyCode(gpt, input({ from }));
    assert.equal((await server.waitForRequest(1)).body.prompt, TEXT, 'the first line goes as context');
    assert.deepEqual(report.marks.map((m) => m.text), ['trun']);
    assert.equal(report.judgedTokens, 4, 'only the tokens of the second line');
  });

  it('reports the prompt tokens the server billed', async () => {
    server.script(answers.tokens(ECHO));
    const report = await checkUnlikelyCode(gpt, input());
    assert.equal(report.promptTokens, 1, 'the fake server bills one prompt token per request');
  });

  it('says the server cannot score text when it refuses echo', async () => {
    server.script(answers.jsonError(400, "Setting 'echo' and 'logprobs' at the same time is not supported for this model."));
    await assert.rejects(checkUnlikelyCode(gpt, input()), (error: Error) => error instanceof EchoUnsupportedError && /refused echo \(400\)/.test(error.message));
  });

  it('says the server cannot score text when it ignores echo and scores only new tokens', async () => {
    server.script(answers.tokens([{ text: ' x', logprob: ln(0.5) }]));
    await assert.rejects(checkUnlikelyCode(gpt, input()), EchoUnsupportedError);
  });

  it('says the server cannot score text when it returns no probabilities at all', async () => {
    server.script(answers.text(''));
    await assert.rejects(checkUnlikelyCode(gpt, input()), EchoUnsupportedError);
  });

  it('asks for one new token when the server refuses max_tokens 0, and leaves that token out', async () => {
    server.script(
      answers.jsonError(400, "Invalid 'max_tokens': expected a value from 1 to 4096"),
      answers.tokens([...ECHO, { text: 'print', logprob: ln(0.00001) }]),
    );
    const report = await checkUnlikelyCode(gpt, input());
    assert.equal((await server.waitForRequest(2)).body.max_tokens, 1);
    assert.deepEqual(report.marks.map((m) => m.text), ['trun']);
    assert.equal(report.requests, 2);
  });

  it('sends smaller windows when the server says the text does not fit its context', async () => {
    const long = 'x = 1\n'.repeat(100);
    const echoOf = (text: string): ScriptedToken[] => text.split(/(?<=\n)/).map((line) => ({ text: line, logprob: ln(0.5) }));
    server.script(answers.jsonError(400, "This model's maximum context length is 64 tokens, however you requested 200 tokens"));
    for (let i = 0; i < 8; i++) server.script(answers.tokens(echoOf('x = 1\n'.repeat(60))));
    const report = await checkUnlikelyCode(gpt, input({ text: long, windowChars: 600, contextChars: 0 }));
    assert.equal((await server.waitForRequest(1)).body.prompt.length, 600);
    assert.equal((await server.waitForRequest(2)).body.prompt.length, 300);
    assert.equal(report.marks.length, 0);
  });

  it('passes on other failures as they are', async () => {
    server.script(answers.jsonError(500, 'boom', 'server_error'));
    await assert.rejects(checkUnlikelyCode(gpt, input()), (error: Error) => !(error instanceof EchoUnsupportedError) && /boom/.test(error.message));
  });

  it('tells its progress window by window', async () => {
    const long = `${'a = 1\n'.repeat(50)}`;
    const lineTokens = (count: number): ScriptedToken[] => Array.from({ length: count }, () => ({ text: 'a = 1\n', logprob: ln(0.5) }));
    server.script(answers.tokens(lineTokens(25)), answers.tokens(lineTokens(50)));
    const progress: number[] = [];
    await checkUnlikelyCode(gpt, input({ text: long, windowChars: 200, contextChars: 50 }), { onProgress: (judged, total) => progress.push(judged / total) });
    assert.ok(progress.length >= 2);
    assert.equal(progress[progress.length - 1], 1);
  });
});
