import * as assert from 'node:assert/strict';
import { applySelectedCompletion } from '../../../src/engine/selected-completion';

describe('completing after the suggest widget\'s selected item', () => {
  it('reads the prefix as if the selected item were inserted', () => {
    const result = applySelectedCompletion('console.lo', 10, { startCharacter: 8, endCharacter: 10, text: 'log' });
    assert.deepEqual(result, { prefix: 'console.log', itemText: 'log' });
  });

  it('accepts an item whose start differs only in case from what was typed', () => {
    assert.equal(applySelectedCompletion('x.TOSTR', 7, { startCharacter: 2, endCharacter: 7, text: 'toString' })?.prefix, 'x.toString');
  });

  it('ignores an item that does not end at the cursor', () => {
    assert.equal(applySelectedCompletion('abc', 3, { startCharacter: 0, endCharacter: 2, text: 'ab' }), undefined);
  });

  it('ignores an item that does not continue what was typed', () => {
    assert.equal(applySelectedCompletion('foo.ba', 6, { startCharacter: 4, endCharacter: 6, text: 'qux' }), undefined);
  });
});
