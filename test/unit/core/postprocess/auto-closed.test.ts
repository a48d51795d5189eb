import * as assert from 'node:assert/strict';
import { closersToReplace, type CompletionContext } from '../../../../src/core/postprocess';
import { at } from './cases';

describe('closersToReplace', () => {
  const cases: { name: string; input: string; ctx: CompletionContext; expected: number }[] = [
    { name: 'replaces an auto-closed parenthesis the completion also closes', input: 'a, b)', ctx: at('f(', ')', false), expected: 1 },
    { name: 'replaces an auto-closed quote and parenthesis', input: 'hello")', ctx: at('print("', '")', false), expected: 2 },
    { name: 'replaces a closing bracket and semicolon', input: '1, 2];', ctx: at('const a = [', '];\nnext();', false), expected: 2 },
    { name: 'replaces only the closers the completion ends with', input: '1, 2]', ctx: at('f([', '])', false), expected: 1 },
    { name: 'replaces the closer at the end of a multi-line completion', input: '\n  a,\n  b\n)', ctx: at('f(', ')\n'), expected: 1 },
    { name: 'does not replace a parenthesis that closes the completion’s own call', input: 'g(a)', ctx: at('f(', ')', false), expected: 0 },
    { name: 'does not replace a quote that closes the completion’s own string', input: '"a"', ctx: at('f(', ')"', false), expected: 0 },
    { name: 'replaces nothing when the completion does not end with the closers', input: 'a, b', ctx: at('f(', ')', false), expected: 0 },
    { name: 'replaces nothing when the rest of the line is code', input: 'a)', ctx: at('f(', ') + g(x)', false), expected: 0 },
    { name: 'replaces nothing when the cursor is at the end of the line', input: 'a)', ctx: at('f(', '\n)', false), expected: 0 },
    { name: 'keeps trailing spaces after the closers in place', input: 'x)', ctx: at('f(', ')  \n', false), expected: 1 },
    { name: 'replaces a parenthesis the completion closes before going on', input: 'a) + b', ctx: at('f(', ')', false), expected: 1 },
    { name: 'replaces a parenthesis the completion closes and follows with a semicolon', input: 'a);', ctx: at('f(', ')', false), expected: 1 },
    { name: 'replaces the parenthesis but keeps the semicolon the completion does not write', input: 'a)', ctx: at('f(', ');', false), expected: 1 },
    { name: 'replaces parenthesis and semicolon when the completion ends with both', input: 'a);', ctx: at('f(', ');', false), expected: 2 },
    { name: 'replaces a lone semicolon the completion ends with', input: '5;', ctx: at('x = ', ';', false), expected: 1 },
    { name: 'keeps a lone semicolon the completion only uses inside', input: 'a; b', ctx: at('x = ', ';', false), expected: 0 },
    { name: 'replaces closers written in the order the line has them', input: '1, 2])', ctx: at('f([', '])', false), expected: 2 },
    { name: 'replaces nothing when the completion closes them in another order', input: 'x)', ctx: at('f([', '])', false), expected: 0 },
  ];
  for (const c of cases) {
    it(c.name, () => assert.equal(closersToReplace(c.input, c.ctx), c.expected));
  }
});
