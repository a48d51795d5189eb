import * as assert from 'node:assert/strict';
import { overlapLengths, trimSuffixOverlap } from '../../../../src/core/postprocess/suffix-overlap';
import { at, runFilterCases, type FilterCase } from './cases';

describe('trimSuffixOverlap', () => {
  const cases: FilterCase[] = [
    { name: 'trims the rest of the line when the completion repeats it', input: 'a > b) {', ctx: at('if (', ') {\n  x();\n}', false), expected: 'a > b' },
    { name: 'trims a repeat that stops before closers ending the line', input: 'a, b', ctx: at('f(', ', b)\n', false), expected: 'a' },
    { name: 'trims repeated lines at the end of a multi-line completion', input: 'x();\n  y();\n}', ctx: at('  ', '\n  y();\n}\n'), expected: 'x();' },
    { name: 'keeps a completion whose end only shares a character with the suffix', input: 'a * x', ctx: at('y = ', 'x + 1\n', false), expected: 'a * x' },
    { name: 'leaves overlaps of closers alone for the auto-closed step', input: 'a)', ctx: at('f(', ')\n', false), expected: 'a)' },
    { name: 'keeps the overlap when trimming it would leave a bracket the completion opened unclosed', input: 'g(a) {', ctx: at('if (', ') {\n', false), expected: 'g(a) {' },
    { name: 'keeps a completion with no overlap', input: 'foo()', ctx: at('x = ', '\nbar()'), expected: 'foo()' },
    { name: 'keeps a completion when the suffix is empty', input: 'foo()', ctx: at('x = ', ''), expected: 'foo()' },
  ];
  runFilterCases(trimSuffixOverlap, cases);
});

describe('overlapLengths', () => {
  const cases: { name: string; text: string; pattern: string; expected: number[] }[] = [
    { name: 'lists every length where the text ends with the pattern’s start, longest first', text: 'xabab', pattern: 'ababc', expected: [4, 2] },
    { name: 'finds the whole pattern at the end of the text', text: 'hello world', pattern: 'world', expected: [5] },
    { name: 'finds none when the text does not end with the pattern’s start', text: 'abc', pattern: 'xyz', expected: [] },
    { name: 'handles a pattern longer than the text', text: 'ab', pattern: 'abcdef', expected: [2] },
    { name: 'handles an empty pattern', text: 'ab', pattern: '', expected: [] },
  ];
  for (const c of cases) {
    it(c.name, () => assert.deepEqual(overlapLengths(c.text, c.pattern), c.expected));
  }
});
