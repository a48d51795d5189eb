import { stopAtNextExistingLine } from '../../../../src/core/postprocess/next-lines';
import { at, runFilterCases, type FilterCase } from './cases';

describe('stopAtNextExistingLine', () => {
  const cases: FilterCase[] = [
    {
      name: 'stops before the line that is already below the cursor',
      input: 'const y = 2;\n  return x + y;\n}',
      ctx: at('function f(x) {\n  ', '\n  return x + y;\n}'),
      expected: 'const y = 2;',
    },
    {
      name: 'stops before the line below a closer the editor put on its own line',
      input: 'pub fn new() -> Self {\n        assert!(capacity > 0);\n        let x = 1;',
      ctx: at('impl<T> RingBuffer<T> {\n    ', '\n}\n        assert!(capacity > 0);\n'),
      expected: 'pub fn new() -> Self {',
    },
    {
      name: 'looks past only a line of closers, not past code',
      input: 'a();\n    c();\n    d();',
      ctx: at('    ', '\n    b();\n    c();\n'),
      expected: 'a();\n    c();\n    d();',
    },
    {
      name: 'skips blank lines below the cursor to find the next line',
      input: 'a = 1\n\nprint(a)',
      ctx: at('', '\n\n   \nprint(a)\n'),
      expected: 'a = 1',
    },
    {
      name: 'gives nothing when the first line already is the next line',
      input: 'return x;',
      ctx: at('  ', '\n  return x;'),
      expected: '',
    },
    {
      name: 'does not stop at a closing brace indented differently from the one below',
      input: 'if (b) {\n    c();\n  }\n  d();',
      ctx: at('if (a) {\n  ', '\n}'),
      expected: 'if (b) {\n    c();\n  }\n  d();',
    },
    {
      name: 'stops at a closing brace at the same indentation as the one below',
      input: 'c();\n}',
      ctx: at('if (a) {\n  ', '\n}'),
      expected: 'c();',
    },
    {
      name: 'compares Windows line ends like Unix ones',
      input: 'a();\r\nb();\r\n',
      ctx: at('', '\r\nb();\r\n'),
      expected: 'a();',
    },
    {
      name: 'keeps the completion when nothing follows the cursor',
      input: 'a();\nb();',
      ctx: at(''),
      expected: 'a();\nb();',
    },
  ];
  runFilterCases(stopAtNextExistingLine, cases);
});
