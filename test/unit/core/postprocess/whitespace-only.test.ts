import { dropWhitespaceOnly } from '../../../../src/core/postprocess/whitespace-only';
import { at, runFilterCases, type FilterCase } from './cases';

describe('dropWhitespaceOnly', () => {
  const cases: FilterCase[] = [
    { name: 'drops a completion of spaces', input: '   ', ctx: at(''), expected: '' },
    { name: 'drops a completion of newlines and tabs', input: '\n\t\r\n', ctx: at(''), expected: '' },
    { name: 'keeps a completion with any visible character', input: '  x ', ctx: at(''), expected: '  x ' },
  ];
  runFilterCases(dropWhitespaceOnly, cases);
});
