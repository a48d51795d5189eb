import { cutRepeatedLines } from '../../../../src/core/postprocess/repeated-lines';
import { at, runFilterCases, type FilterCase } from './cases';

describe('cutRepeatedLines', () => {
  const cases: FilterCase[] = [
    { name: 'keeps one copy of a line repeated three times in a row', input: 'a()\nlog(x)\nlog(x)\nlog(x)\nb()', ctx: at(''), expected: 'a()\nlog(x)' },
    { name: 'keeps a line repeated only twice', input: 'x += 1\nx += 1\ny()', ctx: at(''), expected: 'x += 1\nx += 1\ny()' },
    { name: 'keeps repeats that are not in a row', input: 'a\nb\na\nb\na\nb', ctx: at(''), expected: 'a\nb\na\nb\na\nb' },
    { name: 'treats the same text at different indentation as different lines', input: '}\n  }\n    }', ctx: at(''), expected: '}\n  }\n    }' },
    { name: 'ignores trailing spaces when comparing lines', input: 'x\ny \ny\ny  \nz', ctx: at(''), expected: 'x\ny ' },
    { name: 'cuts a run of blank lines', input: 'a\n\n\n\n\nb', ctx: at(''), expected: 'a\n' },
    { name: 'cuts a completion that is one line repeated from its start', input: 'z\nz\nz', ctx: at(''), expected: 'z' },
  ];
  runFilterCases(cutRepeatedLines, cases);
});
