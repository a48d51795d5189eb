import * as assert from 'node:assert/strict';
import { addTokens, formatTokens, tokensOf, usageSummary } from '../../../src/core/usage';

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
    assert.equal(formatTokens(50_000), '50k');
    assert.equal(formatTokens(2_500_000), '2.5M');
  });

  it('sums up today against the budget and this session, marking estimates', () => {
    const today = { promptTokens: 11_900, completionTokens: 400, estimated: true };
    const session = { promptTokens: 1000, completionTokens: 234, estimated: false };
    assert.equal(usageSummary(today, session, 50_000), 'Tokens today: ≈12.3k (11.9k prompt, 400 completion) of 50k budget; this session: 1,234 (1,000 prompt, 234 completion).');
    assert.equal(usageSummary(session, session, 0), 'Tokens today: 1,234 (1,000 prompt, 234 completion); this session: 1,234 (1,000 prompt, 234 completion).');
  });
});
