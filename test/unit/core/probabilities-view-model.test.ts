import * as assert from 'node:assert/strict';
import type { CompletionLogprobs } from '../../../src/client';
import { bandOf, buildProbabilityView, formatProbability } from '../../../src/core/probabilities/view-model';

/** Logprobs as a server sends them for these tokens (probabilities given, logprobs computed). */
function logprobsOf(tokens: { text: string; p: number | null; top?: Record<string, number> }[]): CompletionLogprobs {
  return {
    tokens: tokens.map((t) => t.text),
    tokenLogprobs: tokens.map((t) => (t.p === null ? null : Math.log(t.p))),
    topLogprobs: tokens.map((t) => (t.top ? Object.fromEntries(Object.entries(t.top).map(([k, p]) => [k, Math.log(p)])) : null)),
    textOffset: [],
  };
}

describe('Token Probabilities view model', () => {
  it('shows each token with its probability, band and offset in the completion', () => {
    const view = buildProbabilityView({
      source: 'completeSelection',
      model: 'm',
      text: ' the lazy dog',
      logprobs: logprobsOf([{ text: ' the', p: 0.9 }, { text: ' lazy', p: 0.5 }, { text: ' dog', p: 0.125 }]),
    });
    assert.equal(view.kind, 'tokens');
    if (view.kind !== 'tokens') return;
    assert.deepEqual(view.tokens.map((t) => [t.text, t.offset, t.probabilityLabel, t.band]), [
      [' the', 0, '90%', 'likely'],
      [' lazy', 4, '50%', 'uncertain'],
      [' dog', 9, '13%', 'unlikely'],
    ]);
  });

  it('gives the mean token probability as the confidence', () => {
    const view = buildProbabilityView({
      source: 'inline',
      model: 'm',
      text: 'ab',
      logprobs: logprobsOf([{ text: 'a', p: 0.9 }, { text: 'b', p: 0.5 }]),
    });
    assert.equal(view.kind === 'tokens' && view.confidenceLabel, '70%');
    assert.ok(view.kind === 'tokens' && Math.abs(view.confidence! - 0.7) < 1e-12);
  });

  it('lists the alternatives most likely first and marks the one the model wrote', () => {
    const view = buildProbabilityView({
      source: 'inline',
      model: 'm',
      text: ' fox',
      logprobs: logprobsOf([{ text: ' fox', p: 0.25, top: { ' cat': 0.5, ' fox': 0.25, ' dog': 0.125 } }]),
    });
    assert.ok(view.kind === 'tokens');
    assert.deepEqual(view.tokens[0]!.alternatives.map((a) => [a.text, a.probabilityLabel, a.sampled, a.choosable]), [
      [' cat', '50%', false, true],
      [' fox', '25%', true, true],
      [' dog', '13%', false, true],
    ]);
  });

  it('does not offer a fragment of a multi-byte character as a choice', () => {
    const view = buildProbabilityView({
      source: 'inline',
      model: 'm',
      text: 'é',
      logprobs: logprobsOf([{ text: 'bytes:\\xc3', p: 0.5, top: { 'bytes:\\xc3': 0.5, e: 0.25 } }, { text: 'bytes:\\xa9', p: 0.9 }]),
    });
    assert.ok(view.kind === 'tokens');
    assert.deepEqual(view.tokens[0]!.alternatives.map((a) => [a.text, a.choosable]), [['\\xc3', false], ['e', true]]);
  });

  it('leaves out the tokens past the text, which was cut at a stop text', () => {
    const view = buildProbabilityView({
      source: 'completeSelection',
      model: 'm',
      text: 'return x;',
      logprobs: logprobsOf([{ text: 'return', p: 0.9 }, { text: ' x;', p: 0.8 }, { text: '<|endoftext|>', p: 0.9 }]),
    });
    assert.deepEqual(view.kind === 'tokens' && view.tokens.map((t) => t.text), ['return', ' x;']);
  });

  it('says the completion has no probabilities when the server sent none', () => {
    const view = buildProbabilityView({ source: 'inline', model: 'm', text: 'hello', logprobs: null });
    assert.deepEqual(view, { kind: 'noLogprobs', source: 'inline', model: 'm', text: 'hello' });
  });

  it('treats an empty logprobs object as none', () => {
    const view = buildProbabilityView({ source: 'inline', model: 'm', text: 'hello', logprobs: logprobsOf([]) });
    assert.equal(view.kind, 'noLogprobs');
  });

  it('is empty before any completion', () => {
    assert.deepEqual(buildProbabilityView(undefined), { kind: 'empty' });
  });

  it('shows a token without a probability as unknown and leaves it out of the confidence', () => {
    const view = buildProbabilityView({
      source: 'inline',
      model: 'm',
      text: 'ab',
      logprobs: logprobsOf([{ text: 'a', p: null }, { text: 'b', p: 0.4 }]),
    });
    assert.ok(view.kind === 'tokens');
    assert.deepEqual(view.tokens.map((t) => [t.band, t.probabilityLabel]), [['unknown', 'no probability'], ['uncertain', '40%']]);
    assert.equal(view.confidenceLabel, '40%');
  });
});

describe('probability labels', () => {
  it('prints whole percents from 10%, one decimal below', () => {
    assert.deepEqual([0.42, 0.1, 0.075, 0.0123].map(formatProbability), ['42%', '10%', '7.5%', '1.2%']);
  });

  it('never rounds an uncertain token to certainty or a possible one to zero', () => {
    assert.deepEqual([0.997, 0.9996, 1, 0.0004, 0].map(formatProbability), ['99.7%', '>99.9%', '100%', '<0.1%', '0%']);
  });

  it('bands probabilities at 30% and 70%', () => {
    assert.deepEqual([0.29, 0.3, 0.69, 0.7, null].map(bandOf), ['unlikely', 'uncertain', 'uncertain', 'likely', 'unknown']);
  });
});
