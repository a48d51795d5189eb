import type { TokenAlternative, TokenProbability } from '../../../src/core/logprobs';

/** Tokens laid end to end, each with its probability and alternatives given as text -> probability. */
export function tokensOf(...specs: [text: string, probability: number | null, alternatives?: Record<string, number>][]): TokenProbability[] {
  let offset = 0;
  return specs.map(([text, probability, alternatives = {}]) => {
    const token: TokenProbability = {
      text,
      logprob: probability === null ? null : Math.log(probability),
      probability,
      offset,
      length: text.length,
      partial: false,
      alternatives: alternativesOf({ ...alternatives, ...(probability === null ? {} : { [text]: probability }) }),
    };
    offset += text.length;
    return token;
  });
}

function alternativesOf(alternatives: Record<string, number>): TokenAlternative[] {
  return Object.entries(alternatives)
    .map(([text, probability]) => ({ text, probability, logprob: Math.log(probability), partial: false }))
    .sort((a, b) => b.probability - a.probability);
}
