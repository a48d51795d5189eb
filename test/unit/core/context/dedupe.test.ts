import * as assert from 'node:assert/strict';
import { isAlreadyPresent, isNearDuplicate, tellingLines } from '../../../../src/core/context/dedupe';

describe('context de-duplication', () => {
  it('keeps the trimmed lines that say something, not blank lines or lone brackets', () => {
    assert.deepEqual([...tellingLines('  function f() {\n\n    return 1;\n  }\n')], ['function f() {', 'return 1;']);
  });

  const present: [name: string, snippet: string, window: string, expected: boolean][] = [
    ['a snippet whose lines are all in the prefix', 'def f():\n    return 1', 'x = 0\ndef f():\n    return 1\n', true],
    ['a snippet re-indented in the prefix', 'def f():\n    return 1', 'class A:\n    def f():\n        return 1', true],
    ['a snippet with one line of five new', 'a = 1\nb = 2\nc = 3\nd = 4\nnew = 5', 'a = 1\nb = 2\nc = 3\nd = 4', true],
    ['a snippet with two lines of five new', 'a = 1\nb = 2\nc = 3\nnew = 4\nnew = 5', 'a = 1\nb = 2\nc = 3', false],
    ['a snippet the prefix does not show', 'class Cart:\n    pass', 'cart = Cart()', false],
    ['a snippet of brackets only', '}\n)', 'anything', true],
  ];
  for (const [name, snippet, window, expected] of present) {
    it(`${expected ? 'drops' : 'keeps'} ${name}`, () => {
      assert.equal(isAlreadyPresent(tellingLines(snippet), tellingLines(window)), expected);
    });
  }

  const duplicates: [name: string, a: string, b: string, expected: boolean][] = [
    ['the same chunk seen twice', 'a = 1\nb = 2\nc = 3', 'a = 1\nb = 2\nc = 3', true],
    ['a chunk inside a larger one', 'b = 2\nc = 3', 'a = 1\nb = 2\nc = 3\nd = 4', true],
    ['two chunks that share a line of five', 'a = 1\nb = 2\nc = 3\nd = 4\ne = 5', 'e = 5\nf = 6\ng = 7', false],
  ];
  for (const [name, a, b, expected] of duplicates) {
    it(`${expected ? 'finds' : 'does not find'} a near-duplicate in ${name}`, () => {
      assert.equal(isNearDuplicate(tellingLines(a), tellingLines(b)), expected);
      assert.equal(isNearDuplicate(tellingLines(b), tellingLines(a)), expected);
    });
  }
});
