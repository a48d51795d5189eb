import * as assert from 'node:assert/strict';
import { forkedTokens, forkKey, forkPoint } from '../../../src/core/fork-point';
import { tokensOf } from './probability-tokens';

const TEXT = 'for item in items:';
const TOKENS = tokensOf(
  ['for', 0.9, { while: 0.05 }],
  [' item', 0.3, { ' x': 0.4, ' i': 0.2 }],
  [' in', 0.95],
  [' items', 0.6, { ' range': 0.3 }],
  [':', 0.99],
);

describe('forkPoint', () => {
  it('replaces the least likely token with the most likely alternative the model did not produce', () => {
    const point = forkPoint(TOKENS, TEXT)!;
    assert.equal(point.replaced.text, ' item');
    assert.equal(point.alternative.text, ' x');
    assert.equal(point.kept, 'for');
  });

  it('moves on to the next alternative once one has been tried there', () => {
    const point = forkPoint(TOKENS, TEXT, { tried: new Set([forkKey(3, ' x')]) })!;
    assert.equal(point.alternative.text, ' i');
  });

  it('moves on to the next least likely token once a token has no alternative left', () => {
    const point = forkPoint(TOKENS, TEXT, { tried: new Set([forkKey(3, ' x'), forkKey(3, ' i')]) })!;
    assert.equal(point.replaced.text, ' items');
    assert.equal(point.alternative.text, ' range');
  });

  it('looks only at what is shown and past what was typed', () => {
    assert.equal(forkPoint(TOKENS, TEXT, { shownLength: 3 })!.replaced.text, 'for');
    assert.equal(forkPoint(TOKENS, TEXT, { from: 8 })!.replaced.text, ' items');
  });

  it('finds nothing without alternatives', () => {
    assert.equal(forkPoint(tokensOf(['a', 0.1], ['b', 0.2]), 'ab'), undefined);
  });

  it('never offers a fragment of a character as an alternative', () => {
    const tokens = tokensOf(['é', 0.2]);
    tokens[0]!.alternatives.push({ text: '\\xc3', probability: 0.5, logprob: Math.log(0.5), partial: true });
    assert.equal(forkPoint(tokens, 'é'), undefined);
  });
});

describe('forkedTokens', () => {
  it('keeps the tokens before the fork, puts the alternative in, and shifts the continuation after it', () => {
    const point = forkPoint(TOKENS, TEXT)!;
    const continuation = tokensOf([' in', 0.9], [' xs', 0.5]);
    const tokens = forkedTokens(TOKENS, point, continuation);
    assert.deepEqual(tokens.map((t) => [t.text, t.offset]), [['for', 0], [' x', 3], [' in', 5], [' xs', 8]]);
    assert.equal(tokens[1]!.probability, 0.4);
    assert.deepEqual(tokens[1]!.alternatives.map((a) => a.text), [' x', ' item', ' i'], 'the alternatives at the fork stay, for a further fork');
  });
});
