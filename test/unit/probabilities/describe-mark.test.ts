import * as assert from 'node:assert/strict';
import { describeMark, fixTitle, markOf, wordFixTitle } from '../../../src/vscode/unlikely-code/describe-mark';

const TOKEN = { text: 'trun', probability: 0.0002, alternatives: [{ text: 'turn', probability: 0.7 }, { text: 'set', probability: 0.1 }] };

describe('the words of an unlikely-code mark', () => {
  it('tells the token\'s probability and what the model expected, most likely first', () => {
    const text = describeMark({ token: { offset: 0, length: 4, text: 'trun' }, ...TOKEN });
    assert.equal(text, 'Unlikely here: "trun" has probability <0.1%; the model expected "turn" 70%, "set" 10%');
  });

  it('calls a slip a slip, naming the words the file uses', () => {
    const text = describeMark({ token: { offset: 2, length: 4, text: 'trun' }, ...TOKEN, word: 'retrun', nearWords: ['return'] });
    assert.equal(text, 'Likely slip: "retrun" occurs only here, and this file uses "return". "trun" has probability <0.1%; the model expected "turn" 70%, "set" 10%');
  });

  it('shows line breaks and quotes in tokens as escapes, so the hover stays one readable line', () => {
    const text = describeMark({ token: { offset: 0, length: 2, text: '"\n' }, probability: 0.01, alternatives: [] });
    assert.equal(text, 'Unlikely here: "\\"\\n" has probability 1.0%');
  });

  it('titles the quick fixes with the replacement', () => {
    assert.equal(fixTitle({ token: { offset: 0, length: 4, text: 'trun' } }, { text: 'turn', probability: 0.7 }), 'Replace "trun" with "turn" (70%)');
    assert.equal(wordFixTitle({ word: 'retrun' }, 'return'), 'Replace "retrun" with "return" (used elsewhere in this file)');
  });

  it('underlines the whole word when a word is marked, keeping where its token is', () => {
    const alternatives = TOKEN.alternatives.map((a) => ({ ...a, logprob: Math.log(a.probability), partial: false }));
    const mark = markOf({ offset: 12, length: 4, ...TOKEN, alternatives, word: { start: 10, end: 16, text: 'retrun' }, nearWords: ['return'] }, 100);
    assert.deepEqual([mark.start, mark.end, mark.token], [110, 116, { offset: 2, length: 4, text: 'trun' }]);
  });
});
