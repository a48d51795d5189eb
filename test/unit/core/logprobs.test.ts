import * as assert from 'node:assert/strict';
import {
  lowConfidenceRanges,
  meanProbability,
  toTokenProbabilities,
  type LegacyLogprobs,
  type TokenProbability,
} from '../../../src/core/logprobs';

const ln = Math.log;

/** The fields that place a token, for compact expectations. */
function placed(tokens: TokenProbability[]): [string, number, number, boolean][] {
  return tokens.map((t) => [t.text, t.offset, t.length, t.partial]);
}

describe('toTokenProbabilities', () => {
  it('places each token at its offset in the completion with its probability', () => {
    const tokens = toTokenProbabilities({ tokens: ['def', ' f', '():'], tokenLogprobs: [ln(0.5), ln(0.25), ln(1)], textOffset: [10, 13, 15] });
    assert.deepEqual(placed(tokens), [['def', 0, 3, false], [' f', 3, 2, false], ['():', 5, 3, false]]);
    assert.deepEqual(tokens.map((t) => t.probability?.toFixed(6)), ['0.500000', '0.250000', '1.000000']);
    assert.equal(tokens[0]!.logprob, ln(0.5));
  });

  it('lists the alternatives at each position, most likely first, with probabilities', () => {
    const [token] = toTokenProbabilities({ tokens: ['a'], tokenLogprobs: [ln(0.6)], topLogprobs: [{ b: ln(0.1), a: ln(0.6), c: ln(0.3) }] });
    assert.deepEqual(token!.alternatives.map((a) => [a.text, a.probability.toFixed(2), a.partial]), [
      ['a', '0.60', false],
      ['c', '0.30', false],
      ['b', '0.10', false],
    ]);
  });

  it('gives a null probability for a null logprob', () => {
    const [token] = toTokenProbabilities({ tokens: ['x'], tokenLogprobs: [null] });
    assert.equal(token!.logprob, null);
    assert.equal(token!.probability, null);
  });

  it('treats positions missing from shorter arrays as unknown', () => {
    const tokens = toTokenProbabilities({ tokens: ['a', 'b', 'c'], tokenLogprobs: [ln(0.5)], topLogprobs: [{ a: ln(0.5) }], textOffset: [0] });
    assert.deepEqual(tokens.map((t) => t.probability === null), [false, true, true]);
    assert.deepEqual(tokens.map((t) => t.alternatives.length), [1, 0, 0]);
    assert.deepEqual(tokens.map((t) => t.offset), [0, 1, 2]);
  });

  it('gives no alternatives when the server sends none', () => {
    const tokens = toTokenProbabilities({ tokens: ['a', 'b'], tokenLogprobs: [-1, -2], topLogprobs: null });
    assert.deepEqual(tokens.map((t) => t.alternatives), [[], []]);
  });

  it('skips alternatives whose logprob is not a number', () => {
    const [token] = toTokenProbabilities({ tokens: ['a'], tokenLogprobs: [-1], topLogprobs: [{ a: -1, b: null as unknown as number }] });
    assert.deepEqual(token!.alternatives.map((a) => a.text), ['a']);
  });

  const echoed: LegacyLogprobs = {
    tokens: ['Hello', ',', ' world', '!', ' Bye'],
    tokenLogprobs: [null, ln(0.5), ln(0.5), ln(0.9), ln(0.2)],
    textOffset: [0, 5, 6, 12, 13],
  };

  it('leaves out echoed prompt tokens before the completion’s start, counting offsets from the completion', () => {
    const tokens = toTokenProbabilities(echoed, { completionStart: 12 });
    assert.deepEqual(placed(tokens), [['!', 0, 1, false], [' Bye', 1, 4, false]]);
  });

  it('leaves out as many echoed tokens as the prompt had', () => {
    const tokens = toTokenProbabilities(echoed, { promptTokenCount: 3 });
    assert.deepEqual(tokens.map((t) => t.text), ['!', ' Bye']);
  });

  it('finds the completion’s start from the token texts when the server sends no offsets', () => {
    const tokens = toTokenProbabilities({ ...echoed, textOffset: null }, { completionStart: 12 });
    assert.deepEqual(tokens.map((t) => t.text), ['!', ' Bye']);
  });

  it('gives no tokens when the whole output is the echoed prompt', () => {
    assert.deepEqual(toTokenProbabilities(echoed, { completionStart: 100 }), []);
  });

  it('shows the bytes of tokens that split a character and places the character at the token that completes it', () => {
    // ’ is E2 80 99 in UTF-8.
    const tokens = toTokenProbabilities({ tokens: ['It', 'bytes:\\xe2\\x80', 'bytes:\\x99', 's'], tokenLogprobs: [-1, -1, -1, -1] });
    assert.deepEqual(placed(tokens), [
      ['It', 0, 2, false],
      ['\\xe2\\x80', 2, 0, true],
      ['\\x99', 2, 1, true],
      ['s', 3, 1, false],
    ]);
  });

  it('reads the single-byte form some servers use for split characters', () => {
    const tokens = toTokenProbabilities({ tokens: ['byte: \\xc3', 'byte: \\xa9', '!'], tokenLogprobs: [-1, -1, -1] });
    assert.deepEqual(placed(tokens), [['\\xc3', 0, 0, true], ['\\xa9', 0, 1, true], ['!', 1, 1, false]]);
  });

  it('counts characters outside the Basic Multilingual Plane as two UTF-16 units', () => {
    const tokens = toTokenProbabilities({ tokens: ['😀', 'x'], tokenLogprobs: [-1, -1] });
    assert.deepEqual(placed(tokens), [['😀', 0, 2, false], ['x', 2, 1, false]]);
  });

  it('gives the last token the replacement character of a character the completion never finished', () => {
    const tokens = toTokenProbabilities({ tokens: ['a', 'bytes:\\xe2'], tokenLogprobs: [-1, -1] });
    assert.deepEqual(placed(tokens), [['a', 0, 1, false], ['\\xe2', 1, 1, true]]);
  });

  it('counts a replacement character a server put in a token as one character', () => {
    const tokens = toTokenProbabilities({ tokens: ['\uFFFD', '\uFFFD', 'b'], tokenLogprobs: [-1, -1, -1] });
    assert.deepEqual(tokens.map((t) => t.offset), [0, 1, 2]);
  });

  it('marks alternatives that are only part of a character', () => {
    const [token] = toTokenProbabilities({ tokens: ['a'], tokenLogprobs: [-1], topLogprobs: [{ a: -1, 'bytes:\\xe2\\x80': -2 }] });
    assert.deepEqual(token!.alternatives.map((a) => [a.text, a.partial]), [['a', false], ['\\xe2\\x80', true]]);
  });
});

function token(offset: number, length: number, probability: number | null): TokenProbability {
  return { text: 'x'.repeat(length), offset, length, partial: false, alternatives: [], probability, logprob: probability === null ? null : ln(probability) };
}

describe('meanProbability', () => {
  const cases: { name: string; tokens: TokenProbability[]; expected: number | undefined }[] = [
    { name: 'is the mean of the token probabilities', tokens: [token(0, 1, 0.9), token(1, 1, 0.5)], expected: 0.7 },
    { name: 'ignores tokens without a probability', tokens: [token(0, 1, 0.4), token(1, 1, null)], expected: 0.4 },
    { name: 'is undefined when no token has a probability', tokens: [token(0, 1, null)], expected: undefined },
    { name: 'is undefined for no tokens', tokens: [], expected: undefined },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const mean = meanProbability(c.tokens);
      if (c.expected === undefined) assert.equal(mean, undefined);
      else assert.ok(Math.abs(mean! - c.expected) < 1e-12, `${mean}`);
    });
  }
});

describe('lowConfidenceRanges', () => {
  const cases: { name: string; tokens: TokenProbability[]; threshold: number; expected: { start: number; end: number; probability: number }[] }[] = [
    {
      name: 'covers each stretch of tokens below the threshold',
      tokens: [token(0, 2, 0.9), token(2, 3, 0.1), token(5, 1, 0.8), token(6, 2, 0.2)],
      threshold: 0.5,
      expected: [{ start: 2, end: 5, probability: 0.1 }, { start: 6, end: 8, probability: 0.2 }],
    },
    {
      name: 'merges adjacent low tokens and reports the lowest probability',
      tokens: [token(0, 2, 0.3), token(2, 2, 0.1), token(4, 1, 0.4)],
      threshold: 0.5,
      expected: [{ start: 0, end: 5, probability: 0.1 }],
    },
    {
      name: 'is broken by a token without a probability',
      tokens: [token(0, 1, 0.1), token(1, 1, null), token(2, 1, 0.1)],
      threshold: 0.5,
      expected: [{ start: 0, end: 1, probability: 0.1 }, { start: 2, end: 3, probability: 0.1 }],
    },
    {
      name: 'gives the character a low token starts, when the token is only its first bytes',
      tokens: [token(0, 1, 0.9), { ...token(1, 0, 0.1), partial: true }, { ...token(1, 1, 0.9), partial: true }],
      threshold: 0.5,
      expected: [{ start: 1, end: 2, probability: 0.1 }],
    },
    {
      name: 'finds none when every token reaches the threshold',
      tokens: [token(0, 1, 0.5), token(1, 1, 0.7)],
      threshold: 0.5,
      expected: [],
    },
  ];
  for (const c of cases) {
    it(c.name, () => assert.deepEqual(lowConfidenceRanges(c.tokens, c.threshold), c.expected));
  }
});
