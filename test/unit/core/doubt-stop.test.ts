import * as assert from 'node:assert/strict';
import { stayedUnsure } from '../../../src/core/doubt-stop';

const ln = Math.log;
const LIMIT = { threshold: 0.3, tokens: 3 };

describe('stayedUnsure', () => {
  it('is true once the last tokens were all below the threshold', () => {
    assert.equal(stayedUnsure([ln(0.9), ln(0.2), ln(0.1), ln(0.25)], LIMIT), true);
  });

  it('is false while a sure token breaks the run', () => {
    assert.equal(stayedUnsure([ln(0.2), ln(0.1), ln(0.9), ln(0.2), ln(0.1)], LIMIT), false);
  });

  it('is false before enough tokens have arrived', () => {
    assert.equal(stayedUnsure([ln(0.1), ln(0.1)], LIMIT), false);
  });

  it('counts a token without a logprob as no evidence of doubt', () => {
    assert.equal(stayedUnsure([ln(0.1), null, ln(0.1), ln(0.1)], { threshold: 0.3, tokens: 3 }), false);
  });

  it('never stops when the count or the threshold is 0', () => {
    const lost = [ln(0.01), ln(0.01), ln(0.01), ln(0.01)];
    assert.equal(stayedUnsure(lost, { threshold: 0.3, tokens: 0 }), false);
    assert.equal(stayedUnsure(lost, { threshold: 0, tokens: 3 }), false);
  });
});
