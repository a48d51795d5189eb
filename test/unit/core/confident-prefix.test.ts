import * as assert from 'node:assert/strict';
import { confidentLength } from '../../../src/core/confident-prefix';
import { tokensOf } from './probability-tokens';

const TEXT = 'total += price * count';
const TOKENS = tokensOf(['total', 0.9], [' +=', 0.8], [' price', 0.6], [' *', 0.2], [' count', 0.7]);

describe('confidentLength', () => {
  it('cuts before the first token below the threshold, on a token boundary', () => {
    assert.equal(TEXT.slice(0, confidentLength(TOKENS, TEXT.length, 0.3)), 'total += price');
  });

  it('keeps the whole text when every token reaches the threshold', () => {
    assert.equal(confidentLength(TOKENS, TEXT.length, 0.1), TEXT.length);
  });

  it('keeps nothing when the first token is already unsure', () => {
    assert.equal(confidentLength(TOKENS, TEXT.length, 0.95), 0);
  });

  it('keeps the whole text when the threshold is 0 (trimming off)', () => {
    assert.equal(confidentLength(tokensOf(['a', 0.0001]), 1, 0), 1);
  });

  it('judges only what follows the typed part, so typing past the doubtful token shows the rest', () => {
    const typed = 'total += price * '.length;
    assert.equal(confidentLength(TOKENS, TEXT.length, 0.3, typed), TEXT.length);
  });

  it('counts a token the user typed into as the user\'s, judging from the next one', () => {
    // ' *' starts before the typed position (the user typed its space): it is no longer judged.
    const typed = 'total += price '.length;
    assert.equal(confidentLength(TOKENS, TEXT.length, 0.3, typed), TEXT.length);
  });

  it('treats a token without a probability as sure', () => {
    const tokens = tokensOf(['a', 0.9], ['b', null], ['c', 0.1]);
    assert.equal(confidentLength(tokens, 3, 0.3), 2);
  });

  it('keeps text past the last token, which has no probability to judge', () => {
    const tokens = tokensOf(['ab', 0.9]);
    assert.equal(confidentLength(tokens, 5, 0.3), 5);
  });
});
