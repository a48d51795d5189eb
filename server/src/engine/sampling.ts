/** How the next token is picked from the logits (OpenAI's request fields). */
export interface SamplingSettings {
  /** 0 picks the most likely token. */
  readonly temperature: number;
  readonly topP: number;
  readonly presencePenalty: number;
  readonly frequencyPenalty: number;
  /** Added to the logit of each listed token. */
  readonly logitBias: ReadonlyMap<number, number>;
}

/**
 * Picks the next token: logit bias and presence/frequency penalties (counted over this
 * completion's tokens) adjust the logits, then greedy at temperature 0, otherwise a draw from
 * the temperature-scaled distribution cut to its top_p nucleus, using `random`.
 */
export function chooseToken(logits: Float32Array, settings: SamplingSettings, generatedCounts: ReadonlyMap<number, number>, random: () => number): number {
  const adjusted = Float64Array.from(logits);
  for (const [token, bias] of settings.logitBias) if (token < adjusted.length) adjusted[token] += bias;
  for (const [token, count] of generatedCounts) {
    adjusted[token] -= count * settings.frequencyPenalty + (count > 0 ? settings.presencePenalty : 0);
  }
  if (settings.temperature === 0) return argmax(adjusted);

  let max = -Infinity;
  for (const value of adjusted) if (value > max) max = value;
  const weights = adjusted.map((value) => Math.exp((value - max) / settings.temperature));
  const candidates = settings.topP < 1 ? nucleus(weights, settings.topP) : Array.from(weights.keys());
  const total = candidates.reduce((sum, token) => sum + weights[token], 0);
  let target = random() * total;
  for (const token of candidates) {
    target -= weights[token];
    if (target < 0) return token;
  }
  return argmax(adjusted); // only reached through rounding: the most likely token is a safe answer
}

/** The most likely tokens whose probabilities add up to at least `topP` (at least one token). */
function nucleus(weights: Float64Array, topP: number): number[] {
  const order = Array.from(weights.keys()).filter((token) => weights[token] > 0)
    .sort((a, b) => weights[b] - weights[a] || a - b);
  const total = order.reduce((sum, token) => sum + weights[token], 0);
  let cumulative = 0;
  for (let i = 0; i < order.length; i++) {
    cumulative += weights[order[i]] / total;
    if (cumulative >= topP) return order.slice(0, i + 1);
  }
  return order;
}

function argmax(values: Float64Array): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}
