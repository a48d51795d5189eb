import * as assert from 'node:assert/strict';
import { postProcess, type CompletionContext } from '../../../../src/core/postprocess';
import { at } from './cases';

describe('postProcess', () => {
  const cases: { name: string; input: string; ctx: CompletionContext; expected: { text: string; replaceSuffixChars: number } }[] = [
    {
      name: 'a mid-line completion keeps its first line and replaces the auto-closed parenthesis',
      input: 'a, b)\nprint(x)\n',
      ctx: at('f(', ')\nnext()', false),
      expected: { text: 'a, b)', replaceSuffixChars: 1 },
    },
    {
      name: 'a block completion loses the repeated indentation, the next function and the line already below',
      input: '    total = a + b\n    return total\n\ndef sub(a, b):\n',
      ctx: at('def add(a, b):\n    ', '\n    return total\n'),
      expected: { text: 'total = a + b', replaceSuffixChars: 0 },
    },
    {
      name: 'a statement completed past the auto-closed parenthesis replaces it',
      input: 'a, b);\n',
      ctx: at('  f(', ')\n}', false),
      expected: { text: 'a, b);', replaceSuffixChars: 1 },
    },
    {
      name: 'a completion that is only the auto-closed characters gives nothing',
      input: ')',
      ctx: at('f(a', ')', false),
      expected: { text: '', replaceSuffixChars: 0 },
    },
    {
      name: 'a whitespace-only completion gives nothing',
      input: ' \n\n',
      ctx: at('x = ', ''),
      expected: { text: '', replaceSuffixChars: 0 },
    },
    {
      name: 'a looping completion keeps one copy of the repeated line',
      input: 'a();\nb();\nb();\nb();\nb();',
      ctx: at(''),
      expected: { text: 'a();\nb();', replaceSuffixChars: 0 },
    },
    {
      name: 'a completion that repeats the rest of the line is trimmed to what is new',
      input: 'a > b) {',
      ctx: at('if (', ') {\n}', false),
      expected: { text: 'a > b', replaceSuffixChars: 0 },
    },
  ];
  for (const c of cases) {
    it(c.name, () => assert.deepEqual(postProcess(c.input, c.ctx), c.expected));
  }

  it('costs the same with a 1 MB suffix and prefix as with small ones', () => {
    const big = 'x = 1\n'.repeat(200_000);
    const small = 'x = 1\n'.repeat(20);
    const bigCtx = at(big + '    ', '\n' + big);
    const smallCtx = at(small + '    ', '\n' + small);
    const completion = 'y = 2\n'.repeat(20);
    const batch = (ctx: typeof bigCtx) => {
      const started = process.hrtime.bigint();
      for (let i = 0; i < 20; i++) postProcess(completion, ctx);
      return Number(process.hrtime.bigint() - started);
    };
    batch(bigCtx);
    batch(smallCtx);
    // Interleaved batches compared by their medians, so load on a shared machine hits both alike; a
    // filter that read the whole context would take thousands of times as long with 1 MB around it.
    const bigTimes: number[] = [];
    const smallTimes: number[] = [];
    for (let round = 0; round < 9; round++) {
      bigTimes.push(batch(bigCtx));
      smallTimes.push(batch(smallCtx));
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
    const ratio = median(bigTimes) / median(smallTimes);
    assert.ok(ratio < 10, `with 1 MB around the cursor post-processing took ${ratio.toFixed(1)}x as long`);
  });
});
