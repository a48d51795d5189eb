import { CHARS_PER_TOKEN, oracleTokens } from '../typing/oracle-server';
import { seededRandom } from '../typing/rhythm';

/**
 * How the noisy oracle errs. It answers with the true continuation for a while, then goes wrong and
 * stays wrong (a continuation from elsewhere in the file: plausible code, not the truth). Its token
 * probabilities are informative but imperfect: drawn from logit-normal distributions that overlap.
 */
export interface NoiseModel {
  /** Chance that each next token is where the oracle goes wrong (a mean of 1/p right tokens). */
  errorPerToken: number;
  /** logit(p) of a right token ~ N(mean, sd). */
  right: { mean: number; sd: number };
  /** logit(p) of the first wrong token ~ N(mean, sd): the model mostly senses where it goes wrong. */
  firstWrong: { mean: number; sd: number };
  /** logit(p) of the wrong tokens after it: on its own wrong path the model is often sure again. */
  laterWrong: { mean: number; sd: number };
  /** Chance that the true token is among the alternatives at the first wrong token (what a fork can use). */
  truthInAlternatives: number;
}

/** The noise of the measurements in bench/README.md. */
export const DEFAULT_NOISE: NoiseModel = {
  errorPerToken: 0.08,
  right: { mean: 2.0, sd: 1.3 },
  firstWrong: { mean: -1.2, sd: 1.3 },
  laterWrong: { mean: 0.3, sd: 1.5 },
  truthInAlternatives: 0.6,
};

/** One token of a noisy answer, in the shape the fake and oracle servers send. */
export interface NoisyToken {
  text: string;
  logprob: number;
  /** Alternatives (the token itself included), text -> logprob. */
  top: Record<string, number>;
  /** Whether the token is (still) the truth. */
  right: boolean;
}

/**
 * A noisy answer for the position whose true continuation is `truth` in `file`: seeded by `seed`, so
 * the same position and candidate get the same answer in every run and with every feature setting.
 */
export function noisyAnswer(truth: string, file: string, seed: number, maxTokens: number, noise: NoiseModel = DEFAULT_NOISE): NoisyToken[] {
  const random = seededRandom(seed);
  const normal = gaussian(random);
  const draw = (spec: { mean: number; sd: number }) => Math.log(sigmoid(spec.mean + spec.sd * normal()));
  const truthTokens = oracleTokens(truth, maxTokens);
  const out: NoisyToken[] = [];
  let i = 0;
  for (; i < truthTokens.length; i++) {
    if (random() < noise.errorPerToken) break;
    const text = truthTokens[i]!;
    const logprob = draw(noise.right);
    out.push({ text, logprob, top: { ...decoys(file, random, 1, Math.log(Math.max(1e-6, (1 - Math.exp(logprob)) * 0.6))), [text]: logprob }, right: true });
  }
  if (i >= truthTokens.length || out.length >= maxTokens) return out;
  // Wrong from here on: text from elsewhere in the file, cut to the same length of tokens.
  const wrong = wrongContinuation(file, truth.slice(truthTokens.slice(0, i).join('').length), random);
  const wrongTokens = oracleTokens(wrong, maxTokens - out.length);
  wrongTokens.forEach((text, j) => {
    const logprob = draw(j === 0 ? noise.firstWrong : noise.laterWrong);
    const top: Record<string, number> = { [text]: logprob };
    if (j === 0 && random() < noise.truthInAlternatives && truthTokens[i] !== undefined && truthTokens[i] !== text) {
      // The truth the model also weighed, often likelier than what it sampled.
      top[truthTokens[i]!] = Math.log(Math.min(0.95, Math.exp(logprob) * (0.5 + 2 * random())));
    }
    Object.assign(top, decoys(file, random, 1, Math.log(Math.max(1e-6, (1 - Math.exp(logprob)) * 0.3))), { [text]: logprob });
    out.push({ text, logprob, top, right: false });
  });
  return out;
}

/** Text from a random line start of `file` that is not how the truth goes on. */
function wrongContinuation(file: string, truthRest: string, random: () => number): string {
  const starts = [0];
  for (let at = file.indexOf('\n'); at >= 0; at = file.indexOf('\n', at + 1)) starts.push(at + 1);
  for (let attempt = 0; attempt < 8; attempt++) {
    const start = starts[Math.floor(random() * starts.length)]!;
    // Start mid-line sometimes, so the error is not always at a line start.
    const text = file.slice(start + Math.floor(random() * 6));
    if (text.length > 0 && text[0] !== truthRest[0]) return text;
  }
  return `#${file.slice(0, 200)}`;
}

function decoys(file: string, random: () => number, count: number, logprob: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (let k = 0; k < count; k++) {
    const at = Math.floor(random() * Math.max(1, file.length - CHARS_PER_TOKEN));
    const text = oracleTokens(file.slice(at, at + CHARS_PER_TOKEN), 1)[0] ?? ' ';
    out[text] = logprob - k;
  }
  return out;
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Standard normal draws (Box-Muller) from a uniform source. */
function gaussian(random: () => number): () => number {
  return () => {
    const u = Math.max(random(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  };
}

/** A stable 32-bit hash of a text, for seeding answers by position. */
export function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}
