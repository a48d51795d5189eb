import * as assert from 'node:assert/strict';
import { describeMark, fixTitle } from '../../../src/vscode/unlikely-code/describe-mark';

describe('the words of an unlikely-code mark', () => {
  it('tells the token\'s probability and what the model expected, most likely first', () => {
    const text = describeMark({ text: 'trun', probability: 0.0002, alternatives: [{ text: 'turn', probability: 0.7 }, { text: 'set', probability: 0.1 }] });
    assert.equal(text, 'Unlikely here: "trun" has probability <0.1%; the model expected "turn" 70%, "set" 10%');
  });

  it('shows line breaks and quotes in tokens as escapes, so the hover stays one readable line', () => {
    const text = describeMark({ text: '"\n', probability: 0.01, alternatives: [] });
    assert.equal(text, 'Unlikely here: "\\"\\n" has probability 1.0%');
  });

  it('titles a quick fix with the replacement and its probability', () => {
    assert.equal(fixTitle({ text: 'trun' }, { text: 'turn', probability: 0.7 }), 'Replace "trun" with "turn" (70%)');
  });
});
