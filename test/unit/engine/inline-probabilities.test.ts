import * as assert from 'node:assert/strict';
import { Gpt } from '../../../src/client';
import { systemClock } from '../../../src/engine/clock';
import { CompletionEngine } from '../../../src/engine/completion-engine';
import { InlineRequest } from '../../../src/engine/inline-request';
import { InlineSession, type InlineQuery } from '../../../src/engine/inline-session';
import { ModelResolver } from '../../../src/engine/model-resolver';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/engine/settings';
import { SuffixSupport } from '../../../src/engine/suffix-support';
import { useEngineOnFakeServer } from '../../support/engine-on-fake-server';
import { answers, startFakeServer, type FakeCompletionServer, type ScriptedToken } from '../../support/fake-server';

const ln = Math.log;
const PREFIX = 'let sum = 0;\nsum';

/** ` += price * count;` with the model unsure of ` price` (10%; ` cost` 25%). */
const DOUBT_AT_PRICE: ScriptedToken[] = [
  { text: ' +=', logprob: ln(0.9) },
  { text: ' price', logprob: ln(0.1), top: { ' cost': ln(0.25) } },
  { text: ' *', logprob: ln(0.8) },
  { text: ' count', logprob: ln(0.7) },
  { text: ';', logprob: ln(0.95) },
];

describe('inline suggestions and their probabilities', () => {
  let server: FakeCompletionServer;
  let gpt: Gpt;
  let settings: Settings;
  let session: InlineSession;

  const query = (prefix: string, explicit = true): InlineQuery =>
    ({ prefix, suffix: '', languageId: 'javascript', multiline: false, explicit, signal: new AbortController().signal });
  const shown = async (prefix: string, explicit = true) => (await session.provide(query(prefix, explicit)))?.suggestions.map((s) => s.text);

  beforeEach(async () => {
    server = await startFakeServer();
    gpt = new Gpt({ serverURL: server.baseUrl });
    settings = { ...DEFAULT_SETTINGS, serverUrl: server.baseUrl, model: 'm', fim: 'suffix', prefetch: 'off', trimBelowProbability: 0.3, stopAfterUnsureTokens: 4 };
    const engine = new CompletionEngine({ gpt: () => gpt, settings: () => settings, models: new ModelResolver(), suffixSupport: new SuffixSupport() });
    session = new InlineSession({ engine, settings: () => settings, clock: systemClock });
  });

  afterEach(async () => {
    session.dispose();
    await gpt.close();
    await server.close();
  });

  it('shows a suggestion only up to the first token the model was unsure of', async () => {
    server.script(answers.tokens(DOUBT_AT_PRICE));
    assert.deepEqual(await shown(PREFIX), [' +=']);
  });

  it('shows the whole suggestion with trimming off', async () => {
    settings = { ...settings, trimBelowProbability: 0 };
    server.script(answers.tokens(DOUBT_AT_PRICE));
    assert.deepEqual(await shown(PREFIX), [' += price * count;']);
  });

  it('judges the rest again from where the user is once they have typed past the doubtful token', async () => {
    server.script(answers.tokens(DOUBT_AT_PRICE));
    await shown(PREFIX);
    assert.deepEqual(await shown(`${PREFIX} += price`, false), [' * count;']);
    assert.deepEqual(await shown(`${PREFIX} += pr`, false), ['ice * count;'], 'typing into the doubtful token makes it the user\'s');
    assert.equal(server.requests.length, 1, 'served from the first answer');
  });

  it('shows nothing when the first token is unsure, and does not ask again at that spot', async () => {
    server.script(answers.tokens([{ text: ' -=', logprob: ln(0.2) }, { text: ' 1;', logprob: ln(0.9) }]));
    assert.deepEqual(await shown(PREFIX), []);
    assert.deepEqual(await shown(PREFIX, false), []);
    assert.equal(server.requests.length, 1);
  });

  it('ranks candidates by their confidence over the text they show', async () => {
    settings = { ...settings, n: 3 };
    server.script(answers.choices([
      { tokens: [{ text: ' -= 1;', logprob: ln(0.5) }] },
      { tokens: [{ text: ' += 2;', logprob: ln(0.9) }] },
      { tokens: [{ text: ' *= 3;', logprob: ln(0.7) }] },
    ]));
    assert.deepEqual(await shown(PREFIX), [' += 2;', ' *= 3;', ' -= 1;']);
  });

  it('forks the suggestion at the token it was trimmed before, with the model\'s alternative, and shows the fork first', async () => {
    server.script(answers.tokens(DOUBT_AT_PRICE), answers.tokens([{ text: ' * 2;', logprob: ln(0.9) }]));
    await shown(PREFIX);
    const outcome = await session.fork(query(PREFIX));
    assert.equal(outcome.kind, 'forked');
    const branch = await server.waitForRequest(2);
    assert.equal(branch.body.prompt, `${PREFIX} += cost`);
    assert.deepEqual(await shown(PREFIX), [' += cost * 2;'], 'the alternative is the user\'s choice, so it is not trimmed away');
  });

  it('forks on through the alternatives, never back to one already shown', async () => {
    server.script(
      answers.tokens([{ text: ' +=', logprob: ln(0.9) }, { text: ' a', logprob: ln(0.1), top: { ' b': ln(0.5), ' c': ln(0.3) } }]),
      answers.tokens([{ text: ';', logprob: ln(0.99) }]),
      answers.tokens([{ text: ';', logprob: ln(0.99) }]),
    );
    await shown(PREFIX);
    await session.fork(query(PREFIX));
    assert.deepEqual(await shown(PREFIX), [' += b;']);
    await session.fork(query(PREFIX));
    assert.deepEqual(await shown(PREFIX), [' += c;']);
    assert.equal((await session.fork(query(PREFIX))).kind, 'noAlternative', ' a, b and c have all stood there');
    assert.equal(server.requests.length, 3);
  });

  it('says when the suggestion has no alternatives to fork from', async () => {
    settings = { ...settings, trimBelowProbability: 0 };
    server.script(answers.text(' += 1;'));
    await shown(PREFIX);
    assert.equal((await session.fork(query(PREFIX))).kind, 'noAlternative');
  });
});

describe('an inline stream the model has lost its way in', () => {
  const { server, engine } = useEngineOnFakeServer({ model: 'm', fim: 'suffix' });

  const LOST: ScriptedToken[] = [
    { text: ' total', logprob: ln(0.9) },
    ...Array.from({ length: 30 }, (_, i) => ({ text: ` w${i}`, logprob: ln(0.05) })),
  ];

  it('ends once the model stayed unsure for the given number of tokens in a row', async () => {
    server().script(answers.tokens(LOST, { chunkDelayMs: 10 }));
    const request = new InlineRequest(engine(), { prefix: 'x =', suffix: '', multiline: true }, { doubt: { threshold: 0.3, tokens: 4 } });
    const result = await request.result;
    assert.equal(result.texts[0], ' total w0 w1 w2 w3');
    assert.equal(await (await server().waitForRequest(1)).ended, 'aborted', 'the rest was never generated');
  });

  it('streams to the end without a doubt limit', async () => {
    server().script(answers.tokens(LOST));
    const request = new InlineRequest(engine(), { prefix: 'x =', suffix: '', multiline: true });
    assert.match((await request.result).texts[0]!, / w29$/);
  });
});
