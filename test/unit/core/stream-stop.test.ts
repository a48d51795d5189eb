import * as assert from 'node:assert/strict';
import type { CompletionContext } from '../../../src/core/postprocess';
import { DEFAULT_MAX_STREAMED_LINES, shouldStopStreaming } from '../../../src/core/stream-stop';

function at(prefix: string, suffix = '', multiline = true): CompletionContext {
  return { prefix, suffix, multiline };
}

describe('shouldStopStreaming', () => {
  const cases: { name: string; input: string; ctx: CompletionContext; expected: boolean }[] = [
    { name: 'keeps reading a single line that has not ended', input: 'a, b', ctx: at('f(', ')', false), expected: false },
    { name: 'stops a single-line completion at its first newline', input: 'a, b)\npri', ctx: at('f(', ')', false), expected: true },
    { name: 'stops a single-line completion that starts with a newline', input: '\n', ctx: at('f(', ')', false), expected: true },
    { name: 'keeps reading a multi-line completion whose lines are new', input: 'a = 1\nb = 2\nc', ctx: at('', '\nprint(c)\n'), expected: false },
    { name: 'stops once a finished line repeats the line below the cursor', input: 'a = 1\nprint(c)\n', ctx: at('', '\nprint(c)\n'), expected: true },
    { name: 'waits while the line that may repeat the line below is unfinished', input: 'a = 1\nprint(c)', ctx: at('', '\nprint(c)\n'), expected: false },
    { name: 'stops once a line repeats itself three times', input: 'x()\nlog()\nlog()\nlog()\n', ctx: at(''), expected: true },
    { name: 'keeps reading a line repeated twice', input: 'log()\nlog()\n', ctx: at(''), expected: false },
    { name: 'stops once a finished line leaves the cursor’s block', input: 'return 1\n\ndef g():\n', ctx: at('def f():\n    '), expected: true },
    { name: 'judges the first line after removing indentation the cursor already has', input: '    return 1\n    x = 2\n', ctx: at('def f():\n    '), expected: false },
    {
      name: 'stops at the line limit',
      input: Array.from({ length: DEFAULT_MAX_STREAMED_LINES }, (_, i) => `v${i} = ${i}`).join('\n') + '\n',
      ctx: at(''),
      expected: true,
    },
    {
      name: 'keeps reading just under the line limit',
      input: Array.from({ length: DEFAULT_MAX_STREAMED_LINES - 1 }, (_, i) => `v${i} = ${i}`).join('\n') + '\n',
      ctx: at(''),
      expected: false,
    },
  ];
  for (const c of cases) {
    it(c.name, () => assert.equal(shouldStopStreaming(c.input, c.ctx), c.expected));
  }

  it('takes a lower line limit from its options', () => {
    assert.equal(shouldStopStreaming('a\nb\n', at(''), { maxLines: 2 }), true);
    assert.equal(shouldStopStreaming('a\nb\n', at(''), { maxLines: 3 }), false);
  });
});
