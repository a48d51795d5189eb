import * as assert from 'node:assert/strict';
import { shownFrom, type GhostView } from '../../../bench/typing/ghost-watch';
import type { GhostChangeEvent } from '../../../bench/typing/events';
import { docShownWith, endsWithTrueStart, type SpanRecord } from '../../../bench/typing/metrics';
import { judgeShown, junkJustified, onTrack, type Target } from '../../../bench/typing/truth';

// The typing benchmark's judge: what a suggestion shows, and whether accepting it keeps the document on
// the true file. It must say no to a suggestion that is not how the file goes on.

const TRUTH = 'def f(x):\n    y = foo(a, b)\n    if y:\n        return bar(\n            y)\n    return 0\n';
const writing: Target = { truth: TRUTH, from: 10, to: TRUTH.length, after: '' };

function at(text: string): { text: string; offset: number } {
  return { text, offset: text.length };
}

describe('Typing benchmark: what a suggestion shows', () => {
  it('reads a one-line suggestion with the closer the editor inserted after it', () => {
    const view: GhostView = { ghost: 'a, b', line: [{ kind: 'n', text: '    y = foo(' }, { kind: 'g', text: 'a, b' }, { kind: 'n', text: ')' }], zone: [] };
    assert.equal(shownFrom(view, 12), 'a, b)');
  });

  it('reads a suggestion whose first line adds nothing, with the hidden rest of the line after its last line', () => {
    const view: GhostView = {
      ghost: '\n            y',
      line: [{ kind: 'n', text: '        return bar(' }, { kind: 'h', text: ')' }],
      zone: [[{ kind: 'g', text: '            y' }, { kind: 'n', text: ')' }]],
    };
    assert.equal(shownFrom(view, 19), '\n            y)');
  });
});

describe('Typing benchmark: judging a suggestion against the true file', () => {
  it('takes a suggestion that is how the file goes on', () => {
    assert.equal(judgeShown(at('def f(x):\n    y = foo('), 'a, b)\n    if y:', writing), 'right');
  });

  it('refuses a suggestion that leaves the auto-closed parenthesis doubled', () => {
    assert.equal(judgeShown({ text: 'def f(x):\n    y = foo()', offset: 22 }, 'a, b))', writing), 'wrong');
  });

  it('refuses a suggestion indented two spaces short', () => {
    assert.equal(judgeShown(at('def f(x):\n    y = foo(a, b)\n    if y:\n  '), '    return bar(', writing), 'wrong');
  });

  it('does not judge a suggestion shown after indentation the file does not have', () => {
    assert.equal(judgeShown(at('def f(x):\n    y = foo(a, b)\n    if y:\n            '), 'return bar(', writing), 'unjudged');
  });

  it('refuses a suggestion that writes again the line already below the cursor in a hole', () => {
    const hole: Target = { truth: TRUTH, from: TRUTH.indexOf('    if y:'), to: TRUTH.indexOf('\n        return'), after: TRUTH.slice(TRUTH.indexOf('\n        return')) };
    const doc = { text: TRUTH.slice(0, hole.from) + hole.after, offset: hole.from };
    assert.equal(judgeShown(doc, '    if y:', hole), 'right');
    assert.equal(judgeShown(doc, '    if y:\n        return bar(', hole), 'wrong');
  });
});

describe('Typing benchmark: text the editor inserted', () => {
  it('accepts closers of brackets still open, innermost first', () => {
    assert.equal(junkJustified(')]', 'x = [f('), true);
    assert.equal(junkJustified('\n}', 'fn f() {\n    a();'), true);
  });

  it('refuses a closer whose bracket is already closed', () => {
    assert.equal(junkJustified(')', 'x = f(a)'), false);
  });

  it('accepts a quote that closes a string opened on the line', () => {
    assert.equal(junkJustified('")', 'print("hi'), true);
    assert.equal(junkJustified('"', 'print("hi")'), false);
  });

  it('finds how far a document is on the true text, past closers the editor inserted', () => {
    assert.equal(onTrack('def f(x):\n    y = foo(a)', writing), 'def f(x):\n    y = foo(a'.length);
    assert.equal(onTrack('def f(x):\n    y = foo(a))', writing), undefined);
  });
});

describe('Typing benchmark: prompts against the true file', () => {
  it('takes a prompt that is how the file begins', () => {
    assert.equal(endsWithTrueStart('def f(x):\n    y = foo(', TRUTH), true);
  });

  it('takes a prompt that opens with context from other files and ends with how the file begins', () => {
    assert.equal(endsWithTrueStart('# other.py\nimport os\n\n# this file\ndef f(x):\n    y = foo(', TRUTH), true);
  });

  it('refuses a prompt that ends with text the file does not have', () => {
    assert.equal(endsWithTrueStart('def f(x):\n  y = foo(', TRUTH), false);
    assert.equal(endsWithTrueStart('def f(x):\n    y = foo(a, b)\n    if y:\n      return', TRUTH), false);
  });
});

describe('Typing benchmark: the document state a suggestion was drawn on', () => {
  // Enter typed on an empty line, into a suggestion that began with a line break: the cursor's line is
  // empty before and after the key, so only what was shown tells the two states apart.
  const truth = 'a: 1\n\nb: 2\n';
  const span = (ghost: string): SpanRecord => ({
    span: { type: 'span', run: 'r', span: 0, file: 'f', from: 5, to: truth.length, after: '', startedAt: 0, endedAt: 1000, acceptedChars: 0, keys: 1, acceptsOffShown: 0, offShownSamples: [], wrongAccepts: [], finalMatches: true, stuck: undefined },
    truth,
    target: { truth, from: 5, to: truth.length, after: '' },
    actions: [
      { type: 'action', run: 'r', span: 0, kind: 'char', key: 'Enter', text: '\n', startedAt: 100, doneAt: 200, pos: 5, posAfter: 6, shown: ghost, seqAfter: 2, gapMs: 500 },
    ],
    docs: [
      { type: 'doc', run: 'r', span: 0, at: 0, seq: 1, offset: 5, same: 5, rest: '', afterKept: true },
      { type: 'doc', run: 'r', span: 0, at: 210, seq: 2, offset: 6, same: 6, rest: '', afterKept: true },
    ],
    ghosts: [],
  });
  const drawn = (ghost: string, at: number): GhostChangeEvent => ({ type: 'ghost', run: 'r', span: 0, at, ghost, line: [{ kind: 'g', text: ghost.split('\n')[0]! }], zone: [] });

  it('takes a suggestion drawn during the key as the one shown before it, less the key, as drawn after the key', () => {
    assert.equal(docShownWith(drawn('b: 2', 150), span('\nb: 2'))?.seq, 2);
  });

  it('keeps the state before the key for a suggestion that is not the one shown less the key', () => {
    assert.equal(docShownWith(drawn('c: 3', 150), span('\nb: 2'))?.seq, 1);
  });
});
