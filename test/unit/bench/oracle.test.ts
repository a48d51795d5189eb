import * as assert from 'node:assert/strict';
import { pickHoles, withHolesCut } from '../../../bench/typing/holes';
import { trueContinuation } from '../../../bench/typing/oracle-server';

const FILE = 'a = 1\nb = 2\nc = 3\nd = 4\ne = 5\n';

describe('Typing benchmark: the oracle', () => {
  it('answers a prompt with the rest of the file', () => {
    assert.equal(trueContinuation([FILE], 'a = 1\nb', ''), ' = 2\nc = 3\nd = 4\ne = 5\n');
  });

  it('ends the answer where the suffix starts', () => {
    assert.equal(trueContinuation([FILE], 'a = 1\nb', '\nc = 3\n'), ' = 2');
  });

  it('finds where a suffix starts by its beginning when later text in it differs from the file', () => {
    // The suffix holds a later hole: its first 80 characters are nowhere in the file, its first 10 are.
    const file = `x = 1\ny = 2\n${'z'.repeat(100)}\n`;
    assert.equal(trueContinuation([file], 'x = 1\ny', `\n${'z'.repeat(50)}CUT`), ' = 2');
  });

  it('does not end the answer at a suffix of blank lines', () => {
    assert.equal(trueContinuation([FILE], 'a = 1\nb', '\n'), ' = 2\nc = 3\nd = 4\ne = 5\n');
  });

  it('answers nothing for a prompt that is in no file', () => {
    assert.equal(trueContinuation([FILE], 'q = 9\n', ''), undefined);
  });
});

describe('Typing benchmark: holes', () => {
  const text = Array.from({ length: 30 }, (_, i) => `    value_${i} = compute(first_${i}, second_${i})`).join('\n');

  it('picks the same holes for the same text and seed, in order and apart', () => {
    const holes = pickHoles(text, 3, 7);
    assert.deepEqual(pickHoles(text, 3, 7), holes);
    assert.equal(holes.length, 3);
    for (let i = 1; i < holes.length; i++) assert.ok(holes[i]!.from > holes[i - 1]!.to);
  });

  it('cuts the holes from a given one on, keeping those before it filled', () => {
    const holes = [{ from: 2, to: 4, kind: 'inline' as const }, { from: 6, to: 8, kind: 'inline' as const }];
    assert.equal(withHolesCut('0123456789', holes), '014589');
    assert.equal(withHolesCut('0123456789', holes, 1), '01234589');
  });
});
