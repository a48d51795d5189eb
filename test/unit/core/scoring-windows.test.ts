import * as assert from 'node:assert/strict';
import { planScoringWindows } from '../../../src/core/scoring-windows';

const LINES = Array.from({ length: 40 }, (_, i) => `line number ${String(i).padStart(2, '0')}\n`).join(''); // 15 chars a line

describe('planScoringWindows', () => {
  it('covers the range exactly once with judged parts that end at line breaks', () => {
    const windows = planScoringWindows(LINES, 0, LINES.length, { windowChars: 210, contextChars: 50 });
    assert.equal(windows[0]!.judgedFrom, 0);
    for (let i = 1; i < windows.length; i++) assert.equal(windows[i]!.judgedFrom, windows[i - 1]!.end);
    assert.equal(windows[windows.length - 1]!.end, LINES.length);
    for (const window of windows.slice(0, -1)) assert.equal(LINES[window.end - 1], '\n');
  });

  it('sends at most the window size, context included', () => {
    for (const window of planScoringWindows(LINES, 0, LINES.length, { windowChars: 200, contextChars: 50 })) {
      assert.ok(window.end - window.start <= 200, JSON.stringify(window));
    }
  });

  it('sends whole lines before the judged part as context', () => {
    const [, second] = planScoringWindows(LINES, 0, LINES.length, { windowChars: 200, contextChars: 50 });
    assert.ok(second!.start < second!.judgedFrom);
    assert.ok(second!.judgedFrom - second!.start <= 50);
    assert.equal(LINES[second!.start - 1], '\n');
  });

  it('judges only the selection, with the text before it as context', () => {
    const from = LINES.indexOf('line number 10');
    const to = LINES.indexOf('line number 12');
    const windows = planScoringWindows(LINES, from, to, { windowChars: 200, contextChars: 50 });
    assert.equal(windows.length, 1);
    assert.deepEqual([windows[0]!.judgedFrom, windows[0]!.end], [from, to]);
    assert.equal(windows[0]!.start, from - 45);
  });

  it('cuts a line longer than the window where it must', () => {
    const text = 'x'.repeat(1000);
    const windows = planScoringWindows(text, 0, text.length, { windowChars: 300, contextChars: 100 });
    assert.equal(windows.length, 5);
    assert.equal(windows[1]!.start, 100, 'the context is cut mid-line rather than dropped');
  });
});
