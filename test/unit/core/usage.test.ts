import * as assert from 'node:assert/strict';
import { addTokens, formatTokens, tokensOf } from '../../../src/core/usage';

describe('what a request cost in tokens', () => {
  it('takes the server\'s count when the answer carried one', () => {
    assert.deepEqual(tokensOf({ promptChars: 999, completionChars: 99, reported: { promptTokens: 120, completionTokens: 8 } }), { promptTokens: 120, completionTokens: 8, estimated: false });
  });

  it('estimates a stream closed before the count came from its characters and its streamed pieces', () => {
    assert.deepEqual(tokensOf({ promptChars: 400, completionChars: 30, streamedPieces: 7 }, 4), { promptTokens: 100, completionTokens: 7, estimated: true });
  });

  it('estimates an answer without a count from its characters', () => {
    assert.deepEqual(tokensOf({ promptChars: 35, completionChars: 14 }, 3.5), { promptTokens: 10, completionTokens: 4, estimated: true });
  });

  it('adds counts, estimated when either is', () => {
    const sum = addTokens({ promptTokens: 1, completionTokens: 2, estimated: false }, { promptTokens: 3, completionTokens: 4, estimated: true });
    assert.deepEqual(sum, { promptTokens: 4, completionTokens: 6, estimated: true });
  });

  it('writes counts short enough for a tooltip', () => {
    assert.equal(formatTokens(1234), '1,234');
    assert.equal(formatTokens(12_345), '12.3k');
    assert.equal(formatTokens(456_789), '457k');
    assert.equal(formatTokens(4_560_000), '4.56M');
  });
});
