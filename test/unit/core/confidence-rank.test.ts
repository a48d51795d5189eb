import * as assert from 'node:assert/strict';
import { rankByConfidence } from '../../../src/core/confidence-rank';

describe('rankByConfidence', () => {
  it('puts the most confident candidate first', () => {
    const ranked = rankByConfidence([{ id: 'a', c: 0.4 }, { id: 'b', c: 0.9 }, { id: 'c', c: 0.6 }], (x) => x.c);
    assert.deepEqual(ranked.map((x) => x.id), ['b', 'c', 'a']);
  });

  it('keeps the server\'s order on ties and for candidates without a confidence, which go last', () => {
    const ranked = rankByConfidence([{ id: 'a' }, { id: 'b', c: 0.5 }, { id: 'c' }, { id: 'd', c: 0.5 }], (x: { id: string; c?: number }) => x.c);
    assert.deepEqual(ranked.map((x) => x.id), ['b', 'd', 'a', 'c']);
  });
});
