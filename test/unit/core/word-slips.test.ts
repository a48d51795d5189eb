import * as assert from 'node:assert/strict';
import { oneSlipApart, TextWords } from '../../../src/core/word-slips';

describe('oneSlipApart', () => {
  it('is true for a swap of neighbours, a missing, an extra or a wrong character', () => {
    assert.equal(oneSlipApart('retrun', 'return'), true);
    assert.equal(oneSlipApart('retun', 'return'), true);
    assert.equal(oneSlipApart('returnn', 'return'), true);
    assert.equal(oneSlipApart('rwturn', 'return'), true);
  });

  it('is false for the same word and for two slips', () => {
    assert.equal(oneSlipApart('return', 'return'), false);
    assert.equal(oneSlipApart('rtuern', 'return'), false);
    assert.equal(oneSlipApart('retrn', 'retunr'), false);
  });
});

describe('TextWords', () => {
  const words = new TextWords('total = 0\nfor item in items:\n    total += item.price\nreturn totl\n');

  it('counts whole words', () => {
    assert.equal(words.count('total'), 2);
    assert.equal(words.count('item'), 2);
    assert.equal(words.count('tota'), 0);
  });

  it('finds the word a token belongs to, past its leading space', () => {
    const text = 'total = 0\nfor item in items:\n    total += item.price\nreturn totl\n';
    const at = text.indexOf(' totl');
    assert.deepEqual(words.wordAt(at, at + 3), { start: at + 1, end: at + 5, text: 'totl' });
    assert.equal(words.wordAt(text.indexOf(' +='), text.indexOf(' +=') + 3), undefined);
  });

  it('names the words a slip is one edit away from, most used first', () => {
    assert.deepEqual(words.nearWords('totl'), ['total']);
    assert.deepEqual(words.nearWords('iteme'), ['item', 'items']);
    assert.deepEqual(words.nearWords('xy'), [], 'too short to tell');
  });
});
