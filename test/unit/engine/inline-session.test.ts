import * as assert from 'node:assert/strict';
import { InlineSession, type InlineAnswer, type InlineEvent, type InlineQuery } from '../../../src/engine/inline-session';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/engine/settings';
import { OracleStreamer } from '../../support/simulation/oracle-streamer';
import { simulateTyping } from '../../support/simulation/typing-simulation';
import { VirtualClock } from '../../support/simulation/virtual-clock';

const FILE = 'def area(width, height):\n    return width * height\n\n\ndef perimeter(width, height):\n    return 2 * (width + height)\n';

/** A session in virtual time against an oracle that knows FILE. */
function setup(overrides: Partial<Settings> = {}, timing = { firstTokenMs: 150, perTokenMs: 10 }, file = FILE) {
  const clock = new VirtualClock();
  const oracle = new OracleStreamer(clock, file, '', timing);
  let settings: Settings = { ...DEFAULT_SETTINGS, serverUrl: 'http://127.0.0.1:8012/v1', model: 'oracle', ...overrides };
  const events: InlineEvent[] = [];
  const session = new InlineSession({ engine: oracle, settings: () => settings, clock, onEvent: (e) => events.push(e) });
  const ask = (prefix: string, options: Partial<InlineQuery> = {}) => {
    const abort = new AbortController();
    let answer: InlineAnswer | undefined | 'pending' = 'pending';
    void session.provide({ prefix, suffix: '', multiline: false, explicit: false, signal: abort.signal, ...options }).then((a) => (answer = a));
    return { abort: () => abort.abort(), answer: () => answer };
  };
  return { clock, oracle, session, events, ask, setSettings: (next: Partial<Settings>) => (settings = { ...settings, ...next }) };
}

const at = (text: string) => FILE.slice(0, FILE.indexOf(text) + text.length);

describe('inline session (virtual time)', () => {
  it('asks once the debounce has passed where the user types on in a word nothing answers', async () => {
    const { clock, oracle, ask } = setup({ debounceMs: 200, prefetch: 'off' });
    ask(at('return w'));
    await clock.run();
    const started = clock.now();
    // A key the answer does not go on with, in the middle of a word.
    const call = ask(`${at('return w')}x`);
    await clock.run(started + 100);
    assert.equal(oracle.requests.length, 1, 'nothing is sent during the debounce');
    await clock.run();
    assert.equal(oracle.requests.length, 2);
    assert.ok(oracle.requests[1]!.at > started + 100 && oracle.requests[1]!.at <= started + 200, `sent ${oracle.requests[1]!.at - started} ms after the key`);
    assert.deepEqual(call.answer(), { suggestions: [] }, 'the oracle has nothing for text the file does not have');
  });

  it('answers with the rest of the line', async () => {
    const { clock, ask } = setup({ debounceMs: 200, prefetch: 'off' });
    const call = ask(at('return w'));
    await clock.run();
    const answer = call.answer();
    assert.ok(answer && answer !== 'pending');
    assert.equal(answer.suggestions[0]?.text, 'idth * height');
  });

  it('asks at once when the user asks (explicit), with no debounce', async () => {
    const { clock, oracle, ask } = setup({ debounceMs: 2000 });
    ask(at('return w'), { explicit: true });
    await clock.run(1);
    assert.equal(oracle.requests.length, 1);
  });

  it('lets a keystroke that matches the arriving answer wait for the same request instead of sending another', async () => {
    const { clock, oracle, ask } = setup({ debounceMs: 0, prefetch: 'off' }, { firstTokenMs: 100, perTokenMs: 50 });
    const first = ask(at('return w'));
    await clock.run(160);
    first.abort();
    const second = ask(at('return wi'));
    await clock.run();
    assert.equal(oracle.requests.length, 1);
    const answer = second.answer();
    assert.ok(answer && answer !== 'pending');
    assert.equal(answer.suggestions[0]?.text, 'dth * height');
  });

  for (const after of ['a space', 'a bracket', 'a line break']) {
    it(`asks at once after ${after}, where a word has ended, with no debounce`, async () => {
      const prefix = { 'a space': at('return '), 'a bracket': at('def perimeter('), 'a line break': at('height):\n') }[after]!;
      const { clock, oracle, ask } = setup({ debounceMs: 2000, prefetch: 'off' });
      ask(prefix);
      await clock.run(1);
      assert.equal(oracle.requests.length, 1);
    });
  }

  it('asks at once at the first key typed at a fresh spot, even in the middle of a word', async () => {
    const { clock, oracle, ask } = setup({ debounceMs: 200, prefetch: 'off' });
    ask(at('return wi')).abort();
    ask(at('def per'));
    await clock.run(1);
    assert.equal(oracle.requests.length, 1);
  });

  it('keeps the request sent before the keys typed since it, while nothing it has sent disagrees with them', async () => {
    const { clock, oracle, ask } = setup({ debounceMs: 0, prefetch: 'off' }, { firstTokenMs: 150, perTokenMs: 10 });
    ask(at('return '));
    await clock.run(60);
    ask(at('return w'));
    await clock.run(120);
    const typed = ask(at('return wi'));
    await clock.run();
    assert.equal(oracle.requests.length, 1);
    const answer = typed.answer();
    assert.ok(answer && answer !== 'pending');
    assert.equal(answer.suggestions[0]?.text, 'dth * height');
  });

  it('replaces a request whose answer turns out to disagree with what was typed before it arrived', async () => {
    const { clock, oracle, ask } = setup({ debounceMs: 0, prefetch: 'off' }, { firstTokenMs: 150, perTokenMs: 10 });
    ask(at('return '));
    await clock.run(60);
    ask(`${at('return ')}h`);
    await clock.run();
    assert.equal(oracle.requests.length, 2);
    assert.equal(oracle.requests[0]?.aborted, true, 'the first request stopped once its answer began otherwise');
    assert.equal(oracle.requests[1]?.prefix, `${at('return ')}h`);
  });

  it('stops the running request when the user types something else', async () => {
    const { clock, oracle, ask } = setup({ debounceMs: 0 }, { firstTokenMs: 100, perTokenMs: 50 });
    ask(at('return w'));
    await clock.run(120);
    ask(`${at('return w')}x`);
    await clock.run();
    assert.equal(oracle.requests[0]?.aborted, true);
    assert.equal(oracle.requests.length, 2);
  });

  it('serves the rest of a suggestion from the cache while the user types into it', async () => {
    const { clock, oracle, ask } = setup({ debounceMs: 0, prefetch: 'off' });
    ask(at('return w'));
    await clock.run();
    const typedAhead = ask(at('return width *'));
    await clock.run(clock.now() + 1);
    const answer = typedAhead.answer();
    assert.ok(answer && answer !== 'pending');
    assert.equal(answer.suggestions[0]?.text, ' height');
    assert.equal(oracle.requests.length, 1);
  });

  it('shows the rest of a suggestion as it showed while the user types into it, indentation and spaces before a comment included', async () => {
    const file = 'class Board:\n    def parse(self, text):\n        total = 0  # running sum\n        return total\n';
    const { clock, oracle, ask } = setup({ debounceMs: 0, prefetch: 'off' }, undefined, file);
    const lineStart = file.indexOf('        total');
    ask(file.slice(0, lineStart), { multiline: true });
    await clock.run();
    for (const typed of ['  ', '      ', '        total = 0 ']) {
      const call = ask(file.slice(0, lineStart + typed.length), { multiline: true });
      await clock.run(clock.now() + 1);
      const answer = call.answer();
      assert.ok(answer && answer !== 'pending');
      assert.equal(answer.suggestions[0]?.text, file.slice(lineStart + typed.length, file.length - 1), `after typing ${JSON.stringify(typed)}`);
    }
    assert.equal(oracle.requests.length, 1);
  });

  it('does not ask again where the server had nothing, until the user asks', async () => {
    const { clock, oracle, ask } = setup({ debounceMs: 0, prefetch: 'off' });
    ask(FILE);
    await clock.run();
    ask(FILE);
    await clock.run();
    assert.equal(oracle.requests.length, 1);
    ask(FILE, { explicit: true });
    await clock.run();
    assert.equal(oracle.requests.length, 2);
  });

  it('drops cached answers and stops running requests when an answer-shaping setting changes', async () => {
    const { clock, oracle, session, ask, setSettings } = setup({ debounceMs: 0, prefetch: 'off' }, { firstTokenMs: 100, perTokenMs: 50 });
    ask(at('return w'));
    await clock.run();
    ask(at('def p'));
    await clock.run(clock.now() + 120);
    setSettings({ model: 'other' });
    assert.equal(session.applySettings({ ...DEFAULT_SETTINGS, serverUrl: 'http://127.0.0.1:8012/v1', model: 'other', debounceMs: 0, prefetch: 'off' }), true);
    await clock.run();
    assert.equal(oracle.requests[1]?.aborted, true, 'the running request was stopped');
    ask(at('return w'));
    await clock.run();
    assert.equal(oracle.requests.length, 3, 'the old answer is not served under the new model');
  });

  it('reports a request\'s start and end to the editor layer once each', async () => {
    const { clock, events, ask } = setup({ debounceMs: 0, prefetch: 'off' });
    ask(at('return w'));
    await clock.run();
    assert.deepEqual(events.map((e) => `${e.type}:${'purpose' in e ? e.purpose : e.reason}`), ['started:inline', 'finished:inline']);
  });
});

describe('inline session: manual mode and the daily budget (virtual time)', () => {
  it('in manual mode sends nothing while the user types, and reports why', async () => {
    const { clock, oracle, events, ask } = setup({ debounceMs: 0, inlineTrigger: 'manual' });
    const call = ask(at('return w'));
    ask(at('return wi'));
    await clock.run();
    assert.equal(oracle.requests.length, 0);
    assert.deepEqual(call.answer(), { suggestions: [] });
    assert.deepEqual(events, [{ type: 'held', reason: 'manual' }, { type: 'held', reason: 'manual' }]);
  });

  it('in manual mode asks when the user asks, sends no prefetch after it, and serves what the user types into the suggestion', async () => {
    const clock = new VirtualClock();
    // Two tokens per answer, so the suggestion is all of it and an accept-ahead prefetch would have something to ask.
    const oracle = new OracleStreamer(clock, FILE, '', { firstTokenMs: 10, perTokenMs: 1 }, 2);
    const settings: Settings = { ...DEFAULT_SETTINGS, serverUrl: 'http://127.0.0.1:8012/v1', model: 'oracle', debounceMs: 0, prefetch: 'on', inlineTrigger: 'manual' };
    const session = new InlineSession({ engine: oracle, settings: () => settings, clock });
    const ask = (prefix: string, explicit = false) => session.provide({ prefix, suffix: '', multiline: false, explicit, signal: new AbortController().signal });
    const asked = ask(at('return w'), true);
    await clock.run();
    assert.equal((await asked)?.suggestions[0]?.text, 'idth * h');
    assert.equal(oracle.requests.length, 1, 'the explicit ask, and no prefetch after it');
    const typedAhead = ask(at('return width'));
    await clock.run();
    assert.equal((await typedAhead)?.suggestions[0]?.text, ' * h');
    assert.equal(oracle.requests.length, 1);
  });

  it('pauses automatic requests once today\'s budget is spent, still answers an explicit ask, and resumes when the budget is raised', async () => {
    let spentUpTo = 0;
    const usage = { budgetSpent: (budget: number) => budget > 0 && spentUpTo >= budget };
    const clock = new VirtualClock();
    const oracle = new OracleStreamer(clock, FILE, '', { firstTokenMs: 10, perTokenMs: 1 });
    let settings: Settings = { ...DEFAULT_SETTINGS, serverUrl: 'http://127.0.0.1:8012/v1', model: 'oracle', debounceMs: 0, prefetch: 'off', dailyTokenBudget: 100 };
    const events: InlineEvent[] = [];
    const session = new InlineSession({ engine: oracle, settings: () => settings, clock, usage, onEvent: (e) => events.push(e) });
    const ask = (prefix: string, explicit = false) => session.provide({ prefix, suffix: '', multiline: false, explicit, signal: new AbortController().signal });

    spentUpTo = 100;
    assert.equal(session.automaticPause(), 'budget');
    const held = ask(at('return w'));
    await clock.run();
    assert.deepEqual(await held, { suggestions: [] });
    assert.equal(oracle.requests.length, 0);
    assert.deepEqual(events.at(-1), { type: 'held', reason: 'budget' });

    const asked = ask(at('return wi'), true);
    await clock.run();
    assert.equal((await asked)?.suggestions[0]?.text, 'dth * height');
    assert.equal(oracle.requests.length, 1, 'an explicit ask goes through');

    settings = { ...settings, dailyTokenBudget: 1000 };
    assert.equal(session.automaticPause(), undefined);
    const resumed = ask(at('def p'));
    await clock.run();
    assert.equal((await resumed)?.suggestions[0]?.text, 'erimeter(width, height):');
    assert.equal(oracle.requests.length, 2);
  });
});

describe('inline session: where the cursor stops (virtual time)', () => {
  it('asks a server on this machine once it has answered fast, always with on, never with off', async () => {
    const { clock, session, ask, setSettings } = setup({ debounceMs: 0, prefetch: 'off' });
    assert.equal(session.asksWhereCursorStops(), false, 'auto: not before the server has shown it answers fast');
    ask(at('return w'));
    await clock.run();
    assert.equal(session.asksWhereCursorStops(), true, 'auto: a server on this machine that answered in 150 ms');
    setSettings({ suggestWhereCursorStops: 'off' });
    assert.equal(session.asksWhereCursorStops(), false);
    setSettings({ suggestWhereCursorStops: 'auto', serverUrl: 'https://api.example.com/v1' });
    assert.equal(session.asksWhereCursorStops(), false, 'auto: never a server elsewhere');
    setSettings({ suggestWhereCursorStops: 'on' });
    assert.equal(session.asksWhereCursorStops(), true);
  });

  it('asks nothing where the cursor stops in manual mode or with the budget spent, even when on', () => {
    const { session, setSettings } = setup({ suggestWhereCursorStops: 'on', inlineTrigger: 'manual' });
    assert.equal(session.asksWhereCursorStops(), false);
    setSettings({ inlineTrigger: 'automatic' });
    assert.equal(session.asksWhereCursorStops(), true);
    const clock = new VirtualClock();
    const spent = new InlineSession({
      engine: new OracleStreamer(clock, FILE, '', { firstTokenMs: 10, perTokenMs: 1 }),
      settings: () => ({ ...DEFAULT_SETTINGS, suggestWhereCursorStops: 'on', dailyTokenBudget: 10 }),
      clock,
      usage: { budgetSpent: () => true },
    });
    assert.equal(spent.asksWhereCursorStops(), false);
  });

  it('asks at once where the cursor stopped, where a key typed would wait for the debounce', async () => {
    for (const cursorStop of [false, true]) {
      const { clock, oracle, ask } = setup({ debounceMs: 2000, prefetch: 'off' });
      ask(at('return width * heigh'));
      await clock.run();
      // One character on, in the middle of a word, past the end of what was answered: a typed key waits.
      ask(at('return width * height'), { cursorStop });
      await clock.run(clock.now() + 1);
      assert.equal(oracle.requests.length, cursorStop ? 2 : 1, cursorStop ? 'the cursor stop asked at once' : 'the typed key waits');
    }
  });

  it('answers a call nobody asked for (onlyKnown) from the request running, and sends nothing where nothing is known', async () => {
    const { clock, oracle, ask } = setup({ debounceMs: 0, prefetch: 'off' }, { firstTokenMs: 150, perTokenMs: 10 });
    ask(at('return w')).abort();
    await clock.run(clock.now() + 50);
    // Typed on into the answer still arriving (an accept, say): the request running serves it.
    const served = ask(at('return wid'), { onlyKnown: true });
    await clock.run();
    const answer = served.answer();
    assert.ok(answer && answer !== 'pending');
    assert.equal(answer.suggestions[0]?.text, 'th * height');
    const elsewhere = ask(at('def per'), { onlyKnown: true });
    await clock.run();
    assert.deepEqual(elsewhere.answer(), { suggestions: [] });
    assert.equal(oracle.requests.length, 1, 'nothing sent for either');
  });

  it('does not ask again where the cursor stops at a spot the server had nothing for', async () => {
    const { clock, oracle, ask } = setup({ debounceMs: 0, prefetch: 'off' });
    ask('nothing the file has');
    await clock.run();
    const stop = ask('nothing the file has', { cursorStop: true });
    await clock.run();
    assert.equal(oracle.requests.length, 1);
    assert.deepEqual(stop.answer(), { suggestions: [] });
  });
});

describe('typing simulation (virtual time)', () => {
  const text = [
    'fn main() {', '    let total = add(2, 3);', '    println!("{}", total);', '    let scaled = scale(total, 4);', '    println!("{}", scaled);', '}', '',
    'fn add(a: i32, b: i32) -> i32 {', '    a + b', '}', '', 'fn scale(value: i32, factor: i32) -> i32 {', '    value * factor', '}', '',
  ].join('\n');

  it('has the next suggestion ready the moment the user accepts one (accept-ahead prefetch)', async () => {
    const withPrefetch = await simulateTyping({ text, seed: 3, settings: { maxTokens: 8 } });
    const without = await simulateTyping({ text, seed: 3, settings: { maxTokens: 8, prefetch: 'off' } });
    const instant = (values: number[]) => values.filter((ms) => ms === 0).length / Math.max(1, values.length);
    assert.ok(withPrefetch.acceptToGhostMs.length >= 3, `${withPrefetch.acceptToGhostMs.length} accepts followed by ghost text`);
    assert.ok(instant(withPrefetch.acceptToGhostMs) >= 0.5, `accept to ghost: ${withPrefetch.acceptToGhostMs.join(', ')} ms`);
    assert.ok(instant(without.acceptToGhostMs) < instant(withPrefetch.acceptToGhostMs), `without prefetch: ${without.acceptToGhostMs.join(', ')} ms`);
  });

  it('answers a pause within the debounce bound plus the server\'s time to the end of the line', async () => {
    const result = await simulateTyping({ text, seed: 5, settings: { debounceMs: 250 }, timing: { firstTokenMs: 150, perTokenMs: 10 } });
    const answered = result.pauses.filter((p) => p.answeredAfterMs !== undefined);
    assert.ok(answered.length >= result.pauses.length / 2, `${answered.length} of ${result.pauses.length} pauses answered`);
    for (const pause of answered) assert.ok(pause.answeredAfterMs! <= 250 + 150 + 40 * 10, `pause at ${pause.pos} answered after ${pause.answeredAfterMs} ms`);
  });

  it('sends no storm of requests: at most one inline request and one prefetch at a time, far fewer requests than keys', async () => {
    const result = await simulateTyping({ text, seed: 6 });
    assert.ok(result.maxConcurrentRequests <= 2, `${result.maxConcurrentRequests} at once`);
    assert.ok(result.requests.length <= (result.typedChars + result.accepts) / 2, `${result.requests.length} requests for ${result.typedChars} keys and ${result.accepts} accepts`);
  });
});
