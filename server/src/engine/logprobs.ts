/** log softmax(logits), in float64: the model's own log-probabilities, before any sampling setting. */
export function logSoftmax(logits: Float32Array): Float64Array {
  let max = -Infinity;
  for (const logit of logits) if (logit > max) max = logit;
  let sum = 0;
  for (const logit of logits) sum += Math.exp(logit - max);
  const logNormalizer = max + Math.log(sum);
  const out = new Float64Array(logits.length);
  for (let i = 0; i < logits.length; i++) out[i] = logits[i] - logNormalizer;
  return out;
}

/** The `count` most likely token ids, most likely first (lower id first on ties). */
export function topTokens(logprobs: Float64Array, count: number): number[] {
  const top: number[] = [];
  if (count <= 0) return top;
  for (let token = 0; token < logprobs.length; token++) {
    const value = logprobs[token];
    if (top.length === count && value <= logprobs[top[count - 1]]) continue;
    let at = top.length;
    while (at > 0 && logprobs[top[at - 1]] < value) at--;
    top.splice(at, 0, token);
    if (top.length > count) top.pop();
  }
  return top;
}
