import { limitToBlockScope } from '../../../../src/core/postprocess/block-scope';
import { at, runFilterCases, type FilterCase } from './cases';

describe('limitToBlockScope', () => {
  const cases: FilterCase[] = [
    {
      name: 'stops before a line that dedents below the cursor’s block',
      input: 'return a + b\n\ndef sub(a, b):\n    return a - b',
      ctx: at('def add(a, b):\n    ', '\n'),
      expected: 'return a + b',
    },
    {
      name: 'keeps a closing brace that ends the block, then stops at the next statement outside it',
      input: 'return 1;\n}\n\nfunction g() {',
      ctx: at('function f() {\n  '),
      expected: 'return 1;\n}',
    },
    {
      name: 'keeps nested blocks that go deeper and come back',
      input: 'if x:\n        y()\n    z()',
      ctx: at('def f():\n    '),
      expected: 'if x:\n        y()\n    z()',
    },
    {
      name: 'takes the block from the first line when the cursor is at the start of an empty line',
      input: '    return 1\nprint(f())',
      ctx: at('def f():\n'),
      expected: '    return 1',
    },
    {
      name: 'takes the block from the cursor line’s code when it has some',
      input: '\n        y()\n    z()\nw()',
      ctx: at('def f():\n    if x:'),
      expected: '\n        y()\n    z()',
    },
    {
      name: 'after the last line of a method, keeps the next method and stops at code outside the class',
      input: '\n\n    def remove(self, sku):\n        del self.items[sku]\n\nprint(Inventory())',
      ctx: at('class Inventory:\n    def add(self, item):\n        self.items[item.sku] = item'),
      expected: '\n\n    def remove(self, sku):\n        del self.items[sku]',
    },
    {
      name: 'after the last line of an indented block, keeps what follows at the top level',
      input: '\n\n\nclass Inventory:\n    def __init__(self):',
      ctx: at('class Item:\n    def total(self):\n        return self.quantity'),
      expected: '\n\n\nclass Inventory:\n    def __init__(self):',
    },
    {
      name: 'ignores blank lines when looking for a dedent',
      input: 'a()\n\n    b()',
      ctx: at('    '),
      expected: 'a()\n\n    b()',
    },
    {
      name: 'never cuts at top level, where nothing can dedent',
      input: 'a()\nb()',
      ctx: at('x = 1\n'),
      expected: 'a()\nb()',
    },
    {
      name: 'leaves single-line mode alone',
      input: 'a\nb',
      ctx: at('    f(', ')', false),
      expected: 'a\nb',
    },
  ];
  runFilterCases(limitToBlockScope, cases);
});
