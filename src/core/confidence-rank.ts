/**
 * Orders candidates by confidence, most confident first, so the suggestion shown first (and the order
 * `Alt+]` cycles in) follows how sure the model was. Candidates without a confidence (no logprobs) keep
 * their place relative to each other after those with one; ties keep the server's order.
 */
export function rankByConfidence<T>(candidates: readonly T[], confidenceOf: (candidate: T) => number | undefined): T[] {
  return candidates
    .map((candidate, index) => ({ candidate, index, confidence: confidenceOf(candidate) }))
    .sort((a, b) => {
      if (a.confidence === undefined || b.confidence === undefined) {
        if (a.confidence !== b.confidence) return a.confidence === undefined ? 1 : -1;
        return a.index - b.index;
      }
      return b.confidence - a.confidence || a.index - b.index;
    })
    .map(({ candidate }) => candidate);
}
