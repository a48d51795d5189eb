import * as assert from 'node:assert/strict';
import { findUnlikelyTokens, withinScope, type UnlikelyToken } from '../../../src/core/unlikely-tokens';
import { TextWords } from '../../../src/core/word-slips';
import { tokensOf } from './probability-tokens';

describe('findUnlikelyTokens', () => {
  it('marks the tokens below the threshold with what the model expected instead', () => {
    const tokens = tokensOf(['  ', 0.5], ['ret', 0.4], ['ru', 0.0002, { 'urn': 0.6, 'ry': 0.1 }], ['n', 0.3]);
    const marks = findUnlikelyTokens(tokens, { threshold: 0.001 });
    assert.deepEqual(marks.map((m) => [m.text, m.offset, m.length]), [['ru', 5, 2]]);
    assert.deepEqual(marks[0]!.alternatives.map((a) => a.text), ['urn', 'ry']);
  });

  it('leaves out whitespace-only tokens: indentation is style, not a slip', () => {
    const marks = findUnlikelyTokens(tokensOf(['x', 0.5], ['\n      ', 0.00001]), { threshold: 0.001 });
    assert.deepEqual(marks, []);
  });

  it('leaves out tokens without a probability (the first of a text)', () => {
    assert.deepEqual(findUnlikelyTokens(tokensOf(['import', null]), { threshold: 0.5 }), []);
  });

  it('keeps at most the asked number of alternatives, the token itself not among them', () => {
    const tokens = tokensOf(['x', 0.0001, { a: 0.4, b: 0.3, c: 0.2, d: 0.05 }]);
    const [mark] = findUnlikelyTokens(tokens, { threshold: 0.001, maxAlternatives: 2 });
    assert.deepEqual(mark!.alternatives.map((a) => a.text), ['a', 'b']);
  });
});

describe('withinScope', () => {
  const text = 'def total(items):\n    retrun sum(items)\n\ndef count(items):\n    return len(items)\n';
  const at = (token: string, probability: number): UnlikelyToken => ({ offset: text.indexOf(token), length: token.length, text: token, probability, alternatives: [] });
  const marks = [at('total', 0.0001), at('trun', 0.00001), at('run ', 0.0005), at('(items)\n\n', 0.0002), at('items', 0.0003)];
  const words = new TextWords(text);

  it('keeps every mark with the all scope', () => {
    assert.equal(withinScope(marks, words, 'all').length, marks.length);
  });

  it('keeps marks in words the text uses once, one per word, its least likely token', () => {
    const kept = withinScope(marks, words, 'newWords');
    assert.deepEqual(kept.map((m) => [m.text, m.word?.text]), [['total', 'total'], ['trun', 'retrun']]);
  });

  it('keeps marks in a word one slip away from a word the text uses elsewhere, and names it', () => {
    const kept = withinScope(marks, words, 'slips');
    assert.deepEqual(kept.map((m) => [m.word?.text, m.nearWords]), [['retrun', ['return']]]);
  });
});
