import * as assert from 'node:assert/strict';
import type { KeyValueStore } from '../../../src/engine/field-support';
import { totalTokens, UsageMeter } from '../../../src/engine/usage-meter';

/** A store like VS Code's globalState, shared by the meters given it (as windows share it). */
function memoryStore(): KeyValueStore & { values: Map<string, unknown> } {
  const values = new Map<string, unknown>();
  return {
    values,
    get: <T>(key: string) => values.get(key) as T | undefined,
    update: (key: string, value: unknown) => {
      values.set(key, value);
      return Promise.resolve();
    },
  };
}

const reported = (promptTokens: number, completionTokens: number) => ({ promptChars: 0, completionChars: 0, reported: { promptTokens, completionTokens } });

describe('counting tokens per session and per day', () => {
  let now: Date;
  const clock = () => now;
  beforeEach(() => {
    now = new Date(2026, 10, 3, 9, 30);
  });

  it('adds each request to the session and to today', () => {
    const meter = new UsageMeter(memoryStore(), clock);
    meter.record(reported(100, 10));
    meter.record(reported(50, 5));
    assert.deepEqual(meter.session, { promptTokens: 150, completionTokens: 15, estimated: false });
    assert.deepEqual(meter.today, { promptTokens: 150, completionTokens: 15, estimated: false });
  });

  it('keeps today\'s count in the store, so a new session (or another window) goes on from it', () => {
    const store = memoryStore();
    new UsageMeter(store, clock).record(reported(100, 10));
    const next = new UsageMeter(store, clock);
    assert.deepEqual(next.today, { promptTokens: 100, completionTokens: 10, estimated: false });
    assert.deepEqual(next.session, { promptTokens: 0, completionTokens: 0, estimated: false });
    next.record(reported(1, 1));
    assert.equal(totalTokens(new UsageMeter(store, clock).today), 112);
  });

  it('starts today\'s count from zero after local midnight, and the session count goes on', () => {
    const meter = new UsageMeter(memoryStore(), clock);
    meter.record(reported(100, 10));
    now = new Date(2026, 10, 4, 0, 0, 1);
    assert.equal(totalTokens(meter.today), 0);
    meter.record(reported(7, 3));
    assert.equal(totalTokens(meter.today), 10);
    assert.equal(totalTokens(meter.session), 120);
  });

  it('marks counts that include an estimate', () => {
    const meter = new UsageMeter(memoryStore(), clock);
    meter.record(reported(10, 1));
    meter.record({ promptChars: 35, completionChars: 9, streamedPieces: 3 });
    assert.deepEqual(meter.today, { promptTokens: 20, completionTokens: 4, estimated: true });
  });

  it('estimates prompts with the characters per token the server\'s own counts show', () => {
    const meter = new UsageMeter(memoryStore(), clock);
    meter.record({ promptChars: 600, completionChars: 0, reported: { promptTokens: 100, completionTokens: 0 } });
    assert.equal(meter.charsPerToken, 6);
    const cost = meter.record({ promptChars: 60, completionChars: 0, streamedPieces: 2 });
    assert.deepEqual(cost, { promptTokens: 10, completionTokens: 2, estimated: true });
  });

  it('reports a daily budget as spent once today\'s tokens reach it, and never when none is set', () => {
    const meter = new UsageMeter(memoryStore(), clock);
    meter.record(reported(90, 9));
    assert.equal(meter.budgetSpent(100), false);
    meter.record(reported(1, 0));
    assert.equal(meter.budgetSpent(100), true);
    assert.equal(meter.budgetSpent(101), false, 'a raised budget resumes');
    assert.equal(meter.budgetSpent(0), false);
    now = new Date(2026, 10, 4, 8, 0);
    assert.equal(meter.budgetSpent(100), false, 'a new day resumes');
  });

  it('grants the daily notice once per day across sessions', () => {
    const store = memoryStore();
    assert.equal(new UsageMeter(store, clock).claimDailyNotice(), true);
    const meter = new UsageMeter(store, clock);
    assert.equal(meter.claimDailyNotice(), false);
    now = new Date(2026, 10, 4, 8, 0);
    assert.equal(meter.claimDailyNotice(), true);
  });

  it('ignores a stored count of the wrong shape', () => {
    const store = memoryStore();
    store.values.set('promptComplete.usageToday', { day: '2026-11-03', promptTokens: 'many' });
    assert.equal(totalTokens(new UsageMeter(store, clock).today), 0);
  });

  it('tells listeners after each request', () => {
    const meter = new UsageMeter(memoryStore(), clock);
    let calls = 0;
    const subscription = meter.onDidChange(() => calls++);
    meter.record(reported(1, 1));
    subscription.dispose();
    meter.record(reported(1, 1));
    assert.equal(calls, 1);
  });

  it('measures the time to the next local midnight', () => {
    const meter = new UsageMeter(memoryStore(), clock);
    assert.equal(meter.msUntilNextDay(), 14.5 * 3600_000);
  });
});
