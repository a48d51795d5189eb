import * as assert from 'node:assert/strict';
import { AdaptiveDebounce, IDLE_GAP_MS } from '../../../src/core/debounce';

const bounds = { minMs: 50, maxMs: 1000 };

/** Feeds keystrokes separated by the given gaps, starting at time 0. */
function typed(debounce: AdaptiveDebounce, gaps: readonly number[]): AdaptiveDebounce {
  let time = 0;
  debounce.recordKeystroke(time);
  for (const gap of gaps) debounce.recordKeystroke((time += gap));
  return debounce;
}

const steady = (gapMs: number, count = 10) => Array.from({ length: count }, () => gapMs);

describe('AdaptiveDebounce', () => {
  it('waits the upper bound before it knows anything', () => {
    assert.equal(new AdaptiveDebounce(bounds).delayMs(), 1000);
  });

  it('waits half again the user’s usual gap between keystrokes', () => {
    assert.equal(typed(new AdaptiveDebounce(bounds), steady(200)).delayMs(), 300);
  });

  it('waits less for a fast typist than for a slow one', () => {
    const fast = typed(new AdaptiveDebounce(bounds), steady(100)).delayMs();
    const slow = typed(new AdaptiveDebounce(bounds), steady(300)).delayMs();
    assert.ok(fast < slow, `${fast} < ${slow}`);
  });

  it('waits less for a user who pauses often', () => {
    const rarely = typed(new AdaptiveDebounce(bounds), [...steady(200, 9), 2000]).delayMs();
    const often = typed(new AdaptiveDebounce(bounds), [200, 2000, 200, 2000, 200, 2000, 200, 2000, 200, 2000]).delayMs();
    assert.ok(often < rarely, `${often} < ${rarely}`);
  });

  it('ignores gaps where the user was away', () => {
    const withIdle = typed(new AdaptiveDebounce(bounds), [...steady(200), IDLE_GAP_MS + 1, ...steady(200)]).delayMs();
    assert.equal(withIdle, 300);
  });

  it('ignores a clock that goes backwards', () => {
    const debounce = typed(new AdaptiveDebounce(bounds), steady(200));
    debounce.recordKeystroke(0);
    debounce.recordKeystroke(200);
    assert.equal(debounce.delayMs(), 300);
  });

  it('waits less when the server is fast and more when it is slow', () => {
    const fast = typed(new AdaptiveDebounce(bounds), steady(200));
    const slow = typed(new AdaptiveDebounce(bounds), steady(200));
    for (let i = 0; i < 5; i++) {
      fast.recordLatency(100);
      slow.recordLatency(2000);
    }
    assert.equal(fast.delayMs(), 220, 'shorter, but not below the usual gap between keys');
    assert.equal(slow.delayMs(), 450);
  });

  it('never waits less than most of the gaps between keys, so requests do not start mid-word', () => {
    const gaps = [60, 70, 80, 90, 100, 110, 120, 90, 80, 100];
    const debounce = new AdaptiveDebounce({ minMs: 0, maxMs: 1000 });
    let time = 0;
    debounce.recordKeystroke(time);
    for (const gap of gaps) debounce.recordKeystroke((time += gap));
    for (let i = 0; i < 5; i++) debounce.recordLatency(50);
    assert.ok(debounce.delayMs() >= 120, `${debounce.delayMs()} ms`);
  });

  it('forgets old rhythm once enough new keystrokes arrive', () => {
    const debounce = typed(new AdaptiveDebounce(bounds), [...steady(500, 20), ...steady(100, 20)]);
    assert.equal(debounce.delayMs(), 150);
  });

  const boundsCases: { name: string; gaps: number[]; latency?: number; expected: number }[] = [
    { name: 'never waits less than the lower bound for a very fast typist on a fast server', gaps: steady(10), latency: 10, expected: 50 },
    { name: 'never waits more than the upper bound for a slow typist on a slow server', gaps: steady(700), latency: 5000, expected: 1000 },
  ];
  for (const c of boundsCases) {
    it(c.name, () => {
      const debounce = typed(new AdaptiveDebounce(bounds), c.gaps);
      if (c.latency !== undefined) debounce.recordLatency(c.latency);
      assert.equal(debounce.delayMs(), c.expected);
    });
  }

  it('treats a lower bound above the upper bound as the upper bound', () => {
    assert.equal(typed(new AdaptiveDebounce({ minMs: 500, maxMs: 200 }), steady(10)).delayMs(), 200);
  });

  it('gives the same delay for the same history', () => {
    const history = [120, 180, 900, 150, 3000, 130];
    assert.equal(typed(new AdaptiveDebounce(bounds), history).delayMs(), typed(new AdaptiveDebounce(bounds), history).delayMs());
  });
});
