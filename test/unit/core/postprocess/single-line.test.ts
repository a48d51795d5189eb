import { limitToSingleLine } from '../../../../src/core/postprocess/single-line';
import { at, runFilterCases, type FilterCase } from './cases';

describe('limitToSingleLine', () => {
  const cases: FilterCase[] = [
    { name: 'keeps only the first line in single-line mode', input: 'a, b)\nprint(x)', ctx: at('f(', ')', false), expected: 'a, b)' },
    { name: 'cuts before a Windows line end', input: 'a, b)\r\nprint(x)', ctx: at('f(', ')', false), expected: 'a, b)' },
    { name: 'gives nothing in single-line mode when the completion starts on the next line', input: '\nnext()', ctx: at('f(', ')', false), expected: '' },
    { name: 'keeps a one-line completion whole', input: 'a, b', ctx: at('f(', ')', false), expected: 'a, b' },
    { name: 'keeps every line in multi-line mode', input: 'a()\nb()', ctx: at('', '', true), expected: 'a()\nb()' },
  ];
  runFilterCases(limitToSingleLine, cases);
});
