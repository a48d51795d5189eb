import { dropTrailingBlankLines } from '../../../../src/core/postprocess/trailing-blank-lines';
import { at, runFilterCases, type FilterCase } from './cases';

describe('dropTrailingBlankLines', () => {
  const cases: FilterCase[] = [
    { name: 'drops blank lines at the end', input: 'a()\n\n  \n', ctx: at(''), expected: 'a()' },
    { name: 'drops Windows blank lines at the end', input: 'a()\r\n\r\n', ctx: at(''), expected: 'a()' },
    { name: 'keeps trailing spaces on the last line, which the user may be about to type after', input: 'f(a, ', ctx: at(''), expected: 'f(a, ' },
    { name: 'keeps blank lines in the middle', input: 'a()\n\nb()', ctx: at(''), expected: 'a()\n\nb()' },
  ];
  runFilterCases(dropTrailingBlankLines, cases);
});
