import { normalizeLeadingWhitespace } from '../../../../src/core/postprocess/leading-whitespace';
import { at, runFilterCases, type FilterCase } from './cases';

describe('normalizeLeadingWhitespace', () => {
  const cases: FilterCase[] = [
    { name: 'drops indentation the model repeats after the cursor’s own indentation', input: '    return x', ctx: at('def f():\n    '), expected: 'return x' },
    { name: 'drops a space the model repeats after a space', input: ' 42', ctx: at('x = '), expected: '42' },
    { name: 'drops a repeated tab after a tab', input: '\treturn', ctx: at('{\n\t'), expected: 'return' },
    { name: 'completes an indent the user is still typing, and leaves the following lines alone', input: '  if x:\n        y()', ctx: at('    '), expected: '  if x:\n        y()' },
    { name: 'drops an indent the model repeats in full while the user is still indenting', input: '      return y', ctx: at('def f():\n      '), expected: 'return y' },
    { name: 'keeps leading whitespace when the cursor is at the start of an empty line', input: '    return x', ctx: at('def f():\n'), expected: '    return x' },
    { name: 'keeps leading whitespace when the cursor follows code', input: ' + 1', ctx: at('x = a'), expected: ' + 1' },
    { name: 'keeps a completion that starts with a newline', input: '\n    y', ctx: at('x = 1 '), expected: '\n    y' },
  ];
  runFilterCases(normalizeLeadingWhitespace, cases);
});
