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
    const ctx = at(big + '    ', '\n' + big);
    const completion = 'y = 2\n'.repeat(20);
    const started = process.hrtime.bigint();
    for (let i = 0; i < 100; i++) postProcess(completion, ctx);
    const perCallMs = Number(process.hrtime.bigint() - started) / 1e6 / 100;
    assert.ok(perCallMs < 1, `took ${perCallMs.toFixed(3)} ms per call`);
  });
});
